package dev.cloudless.fakes.clock;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import org.apiguardian.api.API;

/** An event waiting on the {@link VirtualClock}. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ScheduledAction {

  /** When it is due. */
  Instant dueAt();

  /** What it does, as shown in diagnostics. */
  String description();

  /** Stops it from running; returns false if it already ran or was cancelled. */
  boolean cancel();
}
