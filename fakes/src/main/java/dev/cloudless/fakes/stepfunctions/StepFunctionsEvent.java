package dev.cloudless.fakes.stepfunctions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.journal.JournalEvent;
import java.time.Duration;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * What the fake Step Functions records in the journal; {@code resourceArn} is the execution's ARN
 * and {@code traceId} the trace its Lambda tasks continue.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface StepFunctionsEvent extends JournalEvent {

  /** The execution's name. */
  String executionName();

  /** An execution started. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record ExecutionStarted(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String stateMachineName,
      String executionName,
      String input)
      implements StepFunctionsEvent {
    @Override
    public String summary() {
      return stateMachineName + " execution " + executionName + " started";
    }
  }

  /** A state was entered, with its raw input. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record StateEntered(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String executionName,
      String stateName,
      String stateType,
      String input)
      implements StepFunctionsEvent {
    @Override
    public String summary() {
      return executionName + " entered " + stateType + " state " + stateName;
    }
  }

  /** A state was left, with its output. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record StateExited(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String executionName,
      String stateName,
      String stateType,
      String output)
      implements StepFunctionsEvent {
    @Override
    public String summary() {
      return executionName + " exited " + stateType + " state " + stateName;
    }
  }

  /**
   * A Retry matched a failure; the state runs again after {@code delay}.
   *
   * @param retryCount the retry about to happen: 1 for the first
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record RetryScheduled(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String executionName,
      String stateName,
      String error,
      int retryCount,
      Duration delay)
      implements StepFunctionsEvent {
    @Override
    public String summary() {
      return executionName
          + " state "
          + stateName
          + " failed with "
          + error
          + ", retry "
          + retryCount
          + " in "
          + delay;
    }
  }

  /** An execution ended: succeeded, failed, timed out or aborted. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record ExecutionEnded(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String executionName,
      ExecutionStatus status,
      String output,
      String error,
      String cause)
      implements StepFunctionsEvent {
    @Override
    public String summary() {
      return executionName
          + " "
          + status
          + (error == null ? "" : " " + error + (cause == null ? "" : ": " + cause));
    }
  }
}
