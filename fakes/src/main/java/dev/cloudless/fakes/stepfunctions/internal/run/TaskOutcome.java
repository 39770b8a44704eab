package dev.cloudless.fakes.stepfunctions.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.apiguardian.api.API;

/** How a task attempt ended, and when on the virtual clock. */
@API(status = INTERNAL, since = "0.1")
public sealed interface TaskOutcome {

  /** The virtual instant the attempt ended. */
  Instant endedAt();

  /** The task returned {@code result}. */
  record Succeeded(JsonNode result, Instant endedAt) implements TaskOutcome {}

  /** The task failed with an ASL error name and cause (either may be null). */
  record Failed(String error, String cause, Instant endedAt) implements TaskOutcome {}

  /**
   * The task waits for a callback ({@code .waitForTaskToken}) or a job ({@code .sync}): the outcome
   * arrives later through the {@link Callback} the invoker was given.
   *
   * @param submitted the output of the submission (for {@code TaskSubmitted}), or null
   */
  record Pending(JsonNode submitted, Instant endedAt) implements TaskOutcome {}

  /** Where a pending task's outcome is delivered. */
  interface Callback {
    void complete(TaskOutcome outcome);

    /** A heartbeat arrived: the heartbeat timer starts again. */
    void heartbeat();
  }
}
