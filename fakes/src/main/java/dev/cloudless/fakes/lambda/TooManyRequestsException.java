package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.AwsServiceException;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Lambda's HTTP 429: the invocation was throttled. The body AWS sends is {@code
 * {"Reason":"...","Type":"User","message":"Rate Exceeded."}}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TooManyRequestsException extends AwsServiceException {

  private static final long serialVersionUID = 1L;

  private final String reason;

  public TooManyRequestsException(String reason) {
    super(429, "TooManyRequestsException", "Rate Exceeded.", Map.of("Reason", reason));
    this.reason = reason;
  }

  /**
   * Why: {@code ConcurrentInvocationLimitExceeded} (account or unreserved pool full), {@code
   * ReservedFunctionConcurrentInvocationLimitExceeded} (the function's reserved cap), or another of
   * AWS's reasons.
   */
  public String reason() {
    return reason;
  }
}
