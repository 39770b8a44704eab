package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.journal.JournalEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

  /**
   * {@code $LATEST}'s code or configuration changed.
   *
   * @param change {@code code} or {@code configuration}
   * @param revisionId the new revision
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record FunctionUpdated(
      long sequence,
      Instant time,
      String resourceArn,
      String functionName,
      String change,
      String revisionId)
      implements LambdaEvent {
    @Override
    public String traceId() {
      return null;
    }

    @Override
    public String summary() {
      return functionName + " $LATEST " + change + " updated";
    }
  }

  /** A version was published. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record VersionPublished(
      long sequence,
      Instant time,
      String resourceArn,
      String functionName,
      String version,
      String codeSha256)
      implements LambdaEvent {
    @Override
    public String traceId() {
      return null;
    }

    @Override
    public String summary() {
      return functionName + " version " + version + " published";
    }
  }

  /**
   * An alias was created, updated or deleted.
   *
   * @param change {@code created}, {@code updated} or {@code deleted}
   * @param functionVersion the primary version, or null once deleted
   * @param additionalVersionWeights the routing, empty without
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record AliasChanged(
      long sequence,
      Instant time,
      String resourceArn,
      String functionName,
      String aliasName,
      String change,
      String functionVersion,
      Map<String, Double> additionalVersionWeights)
      implements LambdaEvent {
    @Override
    public String traceId() {
      return null;
    }

    @Override
    public String summary() {
      return functionName
          + " alias "
          + aliasName
          + " "
          + change
          + (functionVersion == null ? "" : " -> " + functionVersion)
          + (additionalVersionWeights.isEmpty() ? "" : " routing " + additionalVersionWeights);
    }
  }

  /**
   * Reserved or provisioned concurrency changed.
   *
   * @param kind {@code reserved} or {@code provisioned}
   * @param qualifier the version or alias for provisioned concurrency, else null
   * @param executions the new value, or null when removed
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record ConcurrencyChanged(
      long sequence,
      Instant time,
      String resourceArn,
      String functionName,
      String kind,
      String qualifier,
      Integer executions)
      implements LambdaEvent {
    @Override
    public String traceId() {
      return null;
    }

    @Override
    public String summary() {
      return functionName
          + " "
          + kind
          + " concurrency"
          + (qualifier == null ? "" : " of " + qualifier)
          + (executions == null ? " removed" : " = " + executions);
    }
  }

  /**
   * An execution environment was recycled: its handler instance and {@code /tmp} are gone.
   *
   * @param reason {@code idle}, {@code forced}, {@code code updated}, {@code configuration updated}
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record EnvironmentRecycled(
      long sequence,
      Instant time,
      String resourceArn,
      String functionName,
      String version,
      String environmentId,
      String reason)
      implements LambdaEvent {
    @Override
    public String traceId() {
      return null;
    }

    @Override
    public String summary() {
      return functionName
          + " "
          + version
          + " environment "
          + environmentId
          + " recycled ("
          + reason
          + ")";
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
   * @param invokedArn the ARN the caller named (qualified with an alias or version, or not)
   * @param executedVersion the version that runs
   * @param coldStart whether a new execution environment was initialised for it
   * @param environmentId the execution environment
   * @param initializationType {@code on-demand} or {@code provisioned-concurrency}
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
      String invokedArn,
      String executedVersion,
      boolean coldStart,
      String environmentId,
      String initializationType)
      implements LambdaEvent {
    @Override
    public String summary() {
      return attemptText(functionName, invocationType, attempt)
          + " version "
          + executedVersion
          + (coldStart ? " cold start" : "")
          + " request "
          + requestId;
    }
  }

  /**
   * An invocation attempt ended, stamped with the instant its virtual duration ends.
   *
   * @param startedAt when it started
   * @param executedVersion the version that ran
   * @param outcome how it ended
   * @param errorType the error type of a failure, else null
   * @param errorMessage the error message of a failure, else null
   * @param payload the response or error payload
   * @param logs the invocation's log lines
   * @param billedDuration the billed duration (Init included on cold starts)
   * @param memorySize the memory it ran with, MB
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
      String executedVersion,
      Invocation.Outcome outcome,
      String errorType,
      String errorMessage,
      String payload,
      List<String> logs,
      Duration billedDuration,
      int memorySize,
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
          && memorySize == f.memorySize
          && time.equals(f.time)
          && Objects.equals(resourceArn, f.resourceArn)
          && Objects.equals(traceId, f.traceId)
          && functionName.equals(f.functionName)
          && requestId.equals(f.requestId)
          && invocationType == f.invocationType
          && startedAt.equals(f.startedAt)
          && Objects.equals(executedVersion, f.executedVersion)
          && outcome == f.outcome
          && Objects.equals(errorType, f.errorType)
          && Objects.equals(errorMessage, f.errorMessage)
          && Objects.equals(payload, f.payload)
          && logs.equals(f.logs)
          && billedDuration.equals(f.billedDuration);
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

  /**
   * An invocation record went to an on-success or on-failure destination.
   *
   * @param condition {@code Success}, {@code RetriesExhausted} or {@code EventAgeExceeded}
   * @param destinationArn where it went
   * @param record the invocation record, as the destination received it
   * @param error why delivery failed, or null
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record DestinationInvoked(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String functionName,
      String requestId,
      String condition,
      String destinationArn,
      String record,
      String error)
      implements LambdaEvent {
    @Override
    public String summary() {
      return functionName
          + " request "
          + requestId
          + " ("
          + condition
          + ") record "
          + (error == null ? "sent to " + destinationArn : "LOST: " + error);
    }
  }

  /**
   * An event source mapping was created, updated, enabled, disabled or deleted.
   *
   * @param uuid the mapping's id
   * @param eventSourceArn the queue it polls
   * @param change {@code created}, {@code updated} or {@code deleted}
   * @param state the state it reached: {@code Enabled}, {@code Disabled} or {@code Deleted}
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record EventSourceMappingChanged(
      long sequence,
      Instant time,
      String resourceArn,
      String functionName,
      String uuid,
      String eventSourceArn,
      String change,
      String state)
      implements LambdaEvent {
    @Override
    public String traceId() {
      return null;
    }

    @Override
    public String summary() {
      return functionName
          + " event source mapping "
          + uuid
          + " from "
          + eventSourceArn
          + " "
          + change
          + " ("
          + state
          + ")";
    }
  }

  /**
   * An event source mapping finished with a batch: it deleted the messages the function handled and
   * left the rest to reappear when their visibility timeout ends.
   *
   * @param uuid the mapping's id
   * @param eventSourceArn the queue the batch came from
   * @param requestId the invocation's request id, or null if Lambda refused every attempt
   * @param messageIds the batch's message ids, in the order the event held them
   * @param outcome how the batch ended
   * @param returnedMessageIds the messages left on the queue to be received again
   * @param reason why messages were returned, or null: the function error, an invalid batch
   *     response, or the throttle that outlasted the visibility timeout
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record EventSourceBatchProcessed(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String functionName,
      String uuid,
      String eventSourceArn,
      String requestId,
      List<String> messageIds,
      BatchOutcome outcome,
      List<String> returnedMessageIds,
      String reason)
      implements LambdaEvent {
    public EventSourceBatchProcessed {
      messageIds = List.copyOf(messageIds);
      returnedMessageIds = List.copyOf(returnedMessageIds);
    }

    @Override
    public String summary() {
      String text =
          functionName
              + " batch of "
              + messageIds.size()
              + " from "
              + eventSourceArn.substring(eventSourceArn.lastIndexOf(':') + 1)
              + " "
              + outcome;
      if (!returnedMessageIds.isEmpty()) {
        text += ", " + returnedMessageIds.size() + " returned to the queue";
      }
      return reason == null ? text : text + " (" + reason + ")";
    }
  }

  /** How an event source mapping's batch ended. */
  @API(status = EXPERIMENTAL, since = "0.1")
  enum BatchOutcome {
    /** The function handled every message; all were deleted. */
    SUCCEEDED,
    /** The function reported some messages as failed; the others were deleted. */
    PARTIALLY_FAILED,
    /** The function failed or answered with an invalid batch response; nothing was deleted. */
    FAILED,
    /** Lambda throttled every attempt until the messages' visibility timeout ran out. */
    THROTTLED
  }
}
