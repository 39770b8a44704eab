package dev.cloudless.fakes.stepfunctions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What AWS's {@code TestState} API answers.
 *
 * @param status how the state ended
 * @param output the state's output as JSON text ({@code SUCCEEDED}, {@code CAUGHT_ERROR}), or null
 * @param error the error ({@code FAILED}, {@code RETRIABLE}, {@code CAUGHT_ERROR}), or null
 * @param cause the cause, or null
 * @param nextState the state that would run next ({@code SUCCEEDED} with {@code Next}, a Choice's
 *     choice, a catcher's {@code Next}), or null
 * @param inspectionData the data flow, for {@code DEBUG} and {@code TRACE}; null for {@code INFO}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TestStateResult(
    Status status,
    String output,
    String error,
    String cause,
    String nextState,
    InspectionData inspectionData) {

  /** AWS's {@code TestExecutionStatus}. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Status {
    SUCCEEDED,
    FAILED,
    /** The error matches a retrier with attempts left: the state would be retried. */
    RETRIABLE,
    /** A catcher handled the error: {@code nextState} is its {@code Next}. */
    CAUGHT_ERROR
  }

  /**
   * The data flow of the state, as AWS's {@code InspectionData} names it. Fields the state did not
   * have are null.
   *
   * @param input the state's raw input
   * @param afterParameters a Task's effective parameters (JSONPath {@code Parameters})
   * @param afterArguments a Task's effective arguments (JSONata {@code Arguments})
   * @param result the task's result
   * @param errorDetails where the error went: retrier, back-off, catcher
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record InspectionData(
      String input,
      String afterParameters,
      String afterArguments,
      String result,
      ErrorDetails errorDetails) {}

  /**
   * {@code InspectionErrorDetails}.
   *
   * @param retryIndex the index of the retrier that matched, for {@code RETRIABLE}
   * @param retryBackoffIntervalSeconds the wait before the retry, for {@code RETRIABLE}
   * @param catchIndex the index of the catcher that matched, for {@code CAUGHT_ERROR}
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record ErrorDetails(
      Integer retryIndex, Integer retryBackoffIntervalSeconds, Integer catchIndex) {}

  public Optional<String> outputJson() {
    return Optional.ofNullable(output);
  }
}
