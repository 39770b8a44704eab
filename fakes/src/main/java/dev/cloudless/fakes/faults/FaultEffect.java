package dev.cloudless.fakes.faults;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/** What a fault does when it fires. */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface FaultEffect {

  /** The effect as written in the DSL, such as {@code throttle()}. */
  String describe();

  /**
   * The handler fails with this exception instead of running, exactly as if it had thrown it: the
   * caller sees {@code FunctionError: "Unhandled"} and the Java runtime's error payload.
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record Throw(Throwable exception) implements FaultEffect {
    public Throw {
      Objects.requireNonNull(exception, "exception");
    }

    @Override
    public String describe() {
      String message = exception.getMessage();
      return "throwing("
          + exception.getClass().getSimpleName()
          + (message == null ? "" : ": " + message)
          + ")";
    }
  }

  /**
   * The invocation returns a function error with this type and message and no stack trace, as a
   * runtime error such as {@code Runtime.ExitError} does.
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record FunctionError(String errorType, String errorMessage) implements FaultEffect {
    public FunctionError {
      Objects.requireNonNull(errorType, "errorType");
      Objects.requireNonNull(errorMessage, "errorMessage");
    }

    @Override
    public String describe() {
      return "functionError(\"" + errorType + "\", \"" + errorMessage + "\")";
    }
  }

  /**
   * The invocation takes this much longer on the virtual clock; the handler still runs. When the
   * total passes the function's timeout, the invocation times out.
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record Latency(Duration delay) implements FaultEffect {
    public Latency {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("Latency must not be negative; got " + delay + ".");
      }
    }

    @Override
    public String describe() {
      return "latency(" + delay + ")";
    }
  }

  /**
   * The invocation runs until the function's timeout and fails with {@code Sandbox.Timedout}; the
   * handler does not run, and the execution environment is reset.
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record Timeout() implements FaultEffect {
    @Override
    public String describe() {
      return "timeout()";
    }
  }

  /**
   * The service refuses the call with HTTP 429 {@code TooManyRequestsException}, as when
   * concurrency runs out: a synchronous caller gets the exception, an asynchronous event is retried
   * with back-off.
   *
   * @param reason AWS's {@code Reason}, such as {@code ConcurrentInvocationLimitExceeded}
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record Throttle(String reason) implements FaultEffect {
    public Throttle {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String describe() {
      // A route's throttle has no reason of its own: its rule reads as written, throttle().
      return reason.isEmpty() ? "throttle()" : "throttle(\"" + reason + "\")";
    }
  }

  /**
   * The service fails with a server error: Lambda with HTTP 500 {@code ServiceException} (a
   * synchronous caller gets the exception, an asynchronous event is retried as AWS retries system
   * errors), SQS with HTTP 500 {@code InternalFailure} (the operation has no effect, and the caller
   * gets the exception).
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record ServiceError() implements FaultEffect {
    @Override
    public String describe() {
      return "serviceError()";
    }
  }

  /**
   * The invocation gets a new execution environment, as when Lambda scales out: its initialisation
   * (the handler's constructor, {@code initDuration}) runs first, and it is a cold start even when
   * a warm environment was idle.
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record ColdStart() implements FaultEffect {
    @Override
    public String describe() {
      return "coldStart()";
    }
  }

  /**
   * A delivery fails with a client-side error, as when the endpoint was deleted or its policy no
   * longer lets the service in: SNS does not retry it, and sends it to the subscription's
   * dead-letter queue, if there is one.
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record ClientError() implements FaultEffect {
    @Override
    public String describe() {
      return "clientError()";
    }
  }

  /**
   * A standard queue stores a message twice, as SQS's at-least-once delivery allows: both copies
   * have the same {@code MessageId}, body and attributes, each is received, counted and deleted on
   * its own, so a consumer that is not idempotent processes the message twice. FIFO queues deliver
   * exactly once, so this effect is refused on them.
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record DuplicateDelivery() implements FaultEffect {
    @Override
    public String describe() {
      return "duplicateDelivery()";
    }
  }

  /**
   * A Step Functions task attempt fails with this error and cause instead of calling its resource,
   * as if the resource had failed: Retry and Catch see the error.
   *
   * @param error the error name, such as {@code States.TaskFailed} or {@code PaymentDeclined}
   * @param cause the cause, or null
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record TaskFailure(String error, String cause) implements FaultEffect {
    public TaskFailure {
      Objects.requireNonNull(error, "error");
    }

    @Override
    public String describe() {
      return "failWith(\"" + error + "\"" + (cause == null ? "" : ", \"" + cause + "\"") + ")";
    }
  }

  /**
   * An Express execution runs a task twice, as its at-least-once semantics allow: the resource is
   * called, then called again with the same input, and the state continues with the second result.
   * Standard executions run each task exactly once, so this effect is refused on them.
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record DuplicateExecution() implements FaultEffect {
    @Override
    public String describe() {
      return "duplicateExecution()";
    }
  }
}
