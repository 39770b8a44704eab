package dev.cloudless.fakes.stepfunctions.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Instant;
import org.apiguardian.api.API;

/** The virtual clock as the interpreter sees it: read the time, and run something later. */
@API(status = INTERNAL, since = "0.1")
public interface Timers {

  Instant now();

  /** Runs {@code action} as a scheduler event at {@code when}; returns a way to cancel it. */
  Cancellable at(Instant when, String description, Runnable action);

  /**
   * Runs {@code action} at {@code when} if time gets there, without keeping {@code runUntilIdle}
   * going: execution time limits, which should not make a test wait a year for nothing.
   */
  Cancellable daemonAt(Instant when, String description, Runnable action);

  /** A scheduled action that can be called off. */
  interface Cancellable {
    void cancel();
  }
}
