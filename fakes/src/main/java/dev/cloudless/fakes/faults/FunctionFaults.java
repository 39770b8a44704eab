package dev.cloudless.fakes.faults;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/** The effects a fault can have on a function; each is followed by a schedule. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FunctionFaults {

  /** The {@code Reason} an injected throttle reports unless told otherwise. */
  public static final String DEFAULT_THROTTLE_REASON = "ConcurrentInvocationLimitExceeded";

  private final FaultTarget.OnFunction target;

  FunctionFaults(FaultTarget.OnFunction target) {
    this.target = target;
  }

  /** The handler fails with {@code exception} instead of running. */
  public UnscheduledFault throwing(Throwable exception) {
    return new UnscheduledFault(target, new FaultEffect.Throw(exception));
  }

  /** The invocation returns a function error with this type and message. */
  public UnscheduledFault functionError(String errorType, String errorMessage) {
    return new UnscheduledFault(target, new FaultEffect.FunctionError(errorType, errorMessage));
  }

  /** The invocation takes {@code delay} longer on the virtual clock. */
  public UnscheduledFault latency(Duration delay) {
    return new UnscheduledFault(target, new FaultEffect.Latency(delay));
  }

  /** The invocation runs into the function's timeout. */
  public UnscheduledFault timeout() {
    return new UnscheduledFault(target, new FaultEffect.Timeout());
  }

  /** Lambda refuses the invocation with 429, reason {@code ConcurrentInvocationLimitExceeded}. */
  public UnscheduledFault throttle() {
    return throttle(DEFAULT_THROTTLE_REASON);
  }

  /** Lambda refuses the invocation with 429 and this {@code Reason}. */
  public UnscheduledFault throttle(String reason) {
    return new UnscheduledFault(target, new FaultEffect.Throttle(reason));
  }

  /** The invocation starts in a new execution environment: a cold start. */
  public UnscheduledFault coldStart() {
    return new UnscheduledFault(target, new FaultEffect.ColdStart());
  }

  /** Lambda fails the invocation with a 500 {@code ServiceException}. */
  public UnscheduledFault serviceError() {
    return new UnscheduledFault(target, new FaultEffect.ServiceError());
  }
}
