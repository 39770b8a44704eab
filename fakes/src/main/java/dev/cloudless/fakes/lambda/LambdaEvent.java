package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.journal.JournalEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/** What the fake Lambda records in the journal. */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface LambdaEvent extends JournalEvent {

  /** The function's name. */
  String functionName();

  /** {@code charge invoke (Event) attempt 2}: how every attempt is named in summaries. */
  private static String attemptText(String functionName, InvocationType type, int attempt) {
    return functionName + " invoke (" + type.awsName() + ") attempt " + attempt;
  }

  /** A function was created. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record FunctionCreated(
      long sequence,
      Instant time,
      String resourceArn,
      String functionName,
      int memorySize,
      Duration timeout)
      implements LambdaEvent {
    @Override
    public String traceId() {
      return null;
    }

    @Override
    public String summary() {
      return functionName
          + " created (memory "
          + memorySize
          + " MB, timeout "
          + timeout.toSeconds()
          + "s)";
    }
  }

  /** An asynchronous invoke was accepted (202) and its event queued. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record AsyncInvokeQueued(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String functionName,
      String requestId,
      String payload)
      implements LambdaEvent {
    @Override
    public String summary() {
      return functionName + " event queued (202) request " + requestId;
    }
  }

  /**
   * An invocation attempt started.
   *
   * @param coldStart whether a new execution environment was initialised for it
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record InvocationStarted(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String functionName,
      String requestId,
      InvocationType invocationType,
      int attempt,
      String executedVersion,
      boolean coldStart)
      implements LambdaEvent {
    @Override
    public String summary() {
      return attemptText(functionName, invocationType, attempt)
          + (coldStart ? " cold start" : "")
          + " request "
          + requestId;
    }
  }

  /**
   * An invocation attempt ended, stamped with the instant its virtual duration ends.
   *
   * @param startedAt when it started
   * @param outcome how it ended
   * @param errorType the error type of a failure, else null
   * @param errorMessage the error message of a failure, else null
   * @param payload the response or error payload
   * @param logs the invocation's log lines
   * @param realDuration the wall time the handler took: measured, so ignored by {@code equals} and
   *     {@code hashCode}, which lets two runs with the same seed compare equal
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record InvocationFinished(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String functionName,
      String requestId,
      InvocationType invocationType,
      int attempt,
      Instant startedAt,
      Invocation.Outcome outcome,
      String errorType,
      String errorMessage,
      String payload,
      List<String> logs,
      Duration realDuration)
      implements LambdaEvent {

    public InvocationFinished {
      logs = List.copyOf(logs);
    }

    @Override
    public String summary() {
      return attemptText(functionName, invocationType, attempt)
          + " "
          + outcome
          + (errorType == null ? "" : " " + errorType + ": " + errorMessage);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof InvocationFinished f
          && sequence == f.sequence
          && attempt == f.attempt
          && time.equals(f.time)
          && Objects.equals(resourceArn, f.resourceArn)
          && Objects.equals(traceId, f.traceId)
          && functionName.equals(f.functionName)
          && requestId.equals(f.requestId)
          && invocationType == f.invocationType
          && startedAt.equals(f.startedAt)
          && outcome == f.outcome
          && Objects.equals(errorType, f.errorType)
          && Objects.equals(errorMessage, f.errorMessage)
          && Objects.equals(payload, f.payload)
          && logs.equals(f.logs);
    }

    @Override
    public int hashCode() {
      return Objects.hash(sequence, time, functionName, requestId, attempt, outcome);
    }
  }

  /**
   * Lambda refused an invocation attempt with 429.
   *
   * @param reason AWS's {@code Reason}
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record InvocationThrottled(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String functionName,
      String requestId,
      InvocationType invocationType,
      int attempt,
      String reason)
      implements LambdaEvent {
    @Override
    public String summary() {
      return attemptText(functionName, invocationType, attempt) + " THROTTLED " + reason;
    }
  }

  /** Lambda failed an invocation attempt with a service error (5xx); the handler did not run. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record InvocationServiceError(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String functionName,
      String requestId,
      InvocationType invocationType,
      int attempt,
      int statusCode)
      implements LambdaEvent {
    @Override
    public String summary() {
      return attemptText(functionName, invocationType, attempt) + " SERVICE_ERROR " + statusCode;
    }
  }

  /**
   * An asynchronous event will be tried again.
   *
   * @param nextAttempt the attempt number of the retry
   * @param dueAt when the retry runs
   * @param cause {@code FunctionError}, {@code Throttled} or {@code ServiceError}
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record AsyncRetryScheduled(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String functionName,
      String requestId,
      int nextAttempt,
      Instant dueAt,
      String cause)
      implements LambdaEvent {
    @Override
    public String summary() {
      return functionName
          + " retry of request "
          + requestId
          + " ("
          + cause
          + ") due in "
          + Duration.between(time, dueAt);
    }
  }

  /**
   * Lambda gave up on an asynchronous event and sent it to the dead-letter queue, if any.
   *
   * @param condition {@code RetriesExhausted} or {@code EventAgeExceeded}
   * @param approximateInvokeCount how many times the function ran for it
   * @param deadLetterTargetArn the dead-letter target, or null when none is configured
   * @param deadLetterError why delivery to the dead-letter target failed, or null
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record AsyncEventDropped(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String functionName,
      String requestId,
      String condition,
      int approximateInvokeCount,
      String deadLetterTargetArn,
      String deadLetterError)
      implements LambdaEvent {
    @Override
    public String summary() {
      String where =
          deadLetterTargetArn == null
              ? "dropped (no dead-letter queue)"
              : deadLetterError == null
                  ? "sent to dead-letter queue " + deadLetterTargetArn
                  : "LOST: dead-letter delivery failed: " + deadLetterError;
      return functionName + " gave up on request " + requestId + " (" + condition + "), " + where;
    }
  }
}
