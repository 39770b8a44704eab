package dev.cloudless.fakes.lambda.internal.urls;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.lambda.InvocationResult;
import dev.cloudless.trace.TraceHeader;
import org.apiguardian.api.API;

/**
 * Lambda's synchronous invoke as a function URL uses it: with the request id the URL already gave
 * the request (it is in the event, the response header and the logs alike) and the URL's trace.
 */
@API(status = INTERNAL, since = "0.1")
@FunctionalInterface
public interface UrlInvoker {

  /**
   * Invokes {@code functionName} at {@code qualifier} ({@code null} for {@code $LATEST}).
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException Lambda's own refusals, such as {@code
   *     TooManyRequestsException}
   */
  InvocationResult invoke(
      String functionName, String qualifier, String requestId, String event, TraceHeader trace);
}
