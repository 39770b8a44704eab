package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One attempt to run a function, read from the journal: each retry of an asynchronous event is an
 * invocation of its own, with the event's request id.
 *
 * @param requestId the request id (shared by every attempt of one asynchronous event)
 * @param invocationType how it was invoked
 * @param attempt 1 for the first attempt, 2 and 3 for asynchronous retries
 * @param startedAt when it started (or was refused) on the virtual clock
 * @param endedAt when it ended on the virtual clock
 * @param outcome how it ended
 * @param errorType the error type for a failure, else {@code null}
 * @param errorMessage the error message for a failure, else {@code null}
 * @param coldStart whether a new execution environment was initialised for it
 * @param executedVersion the version that ran, or {@code null} if it did not run
 * @param traceId the X-Ray trace id
 * @param logs the lines the invocation logged, START to REPORT
 * @param billedDuration what AWS bills: the duration rounded up to the millisecond, plus the Init
 *     phase on a cold start; zero when Lambda refused the invocation
 * @param memorySize the memory the invocation ran with, MB
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Invocation(
    String requestId,
    InvocationType invocationType,
    int attempt,
    Instant startedAt,
    Instant endedAt,
    Outcome outcome,
    String errorType,
    String errorMessage,
    boolean coldStart,
    String executedVersion,
    String traceId,
    List<String> logs,
    Duration billedDuration,
    int memorySize) {

  public Invocation {
    logs = List.copyOf(logs);
  }

  /** How an invocation ended. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Outcome {
    /** The handler returned a result. */
    SUCCEEDED,
    /** The handler threw, or the runtime failed: {@code FunctionError: "Unhandled"}. */
    FAILED,
    /** The invocation ran into the function's timeout ({@code Sandbox.Timedout}). */
    TIMED_OUT,
    /** Lambda refused it with 429 {@code TooManyRequestsException}; the handler did not run. */
    THROTTLED,
    /** Lambda failed with a 5xx service error; the handler did not run. */
    SERVICE_ERROR
  }

  /** Virtual time from start to end. */
  public Duration duration() {
    return Duration.between(startedAt, endedAt);
  }
}
