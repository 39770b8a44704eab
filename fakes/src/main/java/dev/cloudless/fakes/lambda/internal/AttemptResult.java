package dev.cloudless.fakes.lambda.internal;

import dev.cloudless.fakes.lambda.Invocation;
import java.time.Instant;
import java.util.List;

/**
 * How an attempt ended.
 *
 * @param outcome the outcome
 * @param executedVersion the version that ran, or null if Lambda refused the attempt
 * @param payload the response or error payload (JSON), or null when the handler did not run
 * @param errorType the error type of a failure
 * @param errorMessage the error message of a failure
 * @param startedAt when it started
 * @param endedAt when its virtual duration ended
 * @param logs the log lines
 * @param functionSegmentId the id of the function's trace segment, or null if it did not run
 * @param throttleReason the throttle reason, for a throttled attempt
 */
record AttemptResult(
    Invocation.Outcome outcome,
    String executedVersion,
    String payload,
    String errorType,
    String errorMessage,
    Instant startedAt,
    Instant endedAt,
    List<String> logs,
    String functionSegmentId,
    String throttleReason) {

  boolean failed() {
    return outcome == Invocation.Outcome.FAILED || outcome == Invocation.Outcome.TIMED_OUT;
  }
}
