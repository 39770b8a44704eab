package dev.cloudless.fakes.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.trace.TraceHeader;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * How another service invokes a function (API Gateway, a Step Functions task, an event source
 * mapping): as AWS's services do, through Lambda's {@code Invoke}, with its limits, throttles and
 * faults, but without moving the clock. The caller is itself running at the current instant and
 * continues at {@link ServiceInvocation#endedAt()}, by scheduling its next step there.
 *
 * <p>Lambda registers itself in the {@link ResourceRegistry}; services find it there, so that no
 * service depends on another's package.
 */
@API(status = INTERNAL, since = "0.1")
public interface FunctionInvoker {

  /**
   * Invokes a function now.
   *
   * @param functionName a name, partial or full ARN, optionally with {@code :qualifier}
   * @param qualifier a version or alias, or null
   * @param invocationType {@code RequestResponse}, {@code Event} or {@code DryRun}
   * @param payload the event, as JSON
   * @param traceHeader the trace to continue, or null for the caller's current one
   * @return how the invocation ended and when
   * @throws dev.cloudless.fakes.aws.AwsServiceException when Lambda refuses the call, as {@code
   *     Invoke} does: {@code ResourceNotFoundException}, {@code TooManyRequestsException}, {@code
   *     RequestEntityTooLargeException}, {@code ServiceException} and the rest
   */
  ServiceInvocation invoke(
      String functionName,
      String qualifier,
      String invocationType,
      String payload,
      TraceHeader traceHeader);

  /**
   * What {@code Invoke} answered, and the virtual instant it answered at.
   *
   * @param statusCode 200, 202 or 204
   * @param functionError {@code Unhandled} when the function failed, else null
   * @param executedVersion the version that ran, or null for asynchronous calls
   * @param payload the result or error payload; {@code ""} for asynchronous calls
   * @param requestId the request id
   * @param endedAt when the invocation ended on the virtual clock (now, for asynchronous calls)
   */
  record ServiceInvocation(
      int statusCode,
      String functionError,
      String executedVersion,
      String payload,
      String requestId,
      Instant endedAt) {}
}
