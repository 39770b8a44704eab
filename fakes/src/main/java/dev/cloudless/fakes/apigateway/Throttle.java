package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.AwsServiceException;
import org.apiguardian.api.API;

/**
 * A token bucket: {@code rateLimit} requests per second refill it, up to {@code burstLimit}
 * requests at once. A request that finds it empty gets 429 {@code {"message":"Too Many Requests"}}.
 * Time is the cloud's virtual clock.
 *
 * @param rateLimit steady-state requests per second (may be fractional)
 * @param burstLimit the bucket's size
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Throttle(double rateLimit, int burstLimit) {

  /** The account's default limits per Region: 10,000 requests per second, bursts of 5,000. */
  public static final Throttle ACCOUNT_DEFAULT = new Throttle(10_000, 5_000);

  public Throttle {
    if (rateLimit < 0 || Double.isNaN(rateLimit) || burstLimit < 0) {
      throw new AwsServiceException(
          400,
          "BadRequestException",
          "Throttle rateLimit and burstLimit must not be negative; got rate "
              + rateLimit
              + ", burst "
              + burstLimit
              + ".");
    }
  }

  public static Throttle of(double rateLimit, int burstLimit) {
    return new Throttle(rateLimit, burstLimit);
  }
}
