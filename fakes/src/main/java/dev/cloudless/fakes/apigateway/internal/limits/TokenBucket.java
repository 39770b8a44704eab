package dev.cloudless.fakes.apigateway.internal.limits;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.apigateway.Throttle;
import java.time.Duration;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * API Gateway's token bucket on the virtual clock: full ({@code burstLimit} tokens) at first,
 * refilled at {@code rateLimit} tokens per second, one token per request. Source: API Gateway
 * developer guide, {@code api-gateway-request-throttling.md}.
 */
@API(status = INTERNAL, since = "0.1")
public final class TokenBucket {

  private final Throttle throttle;
  private double tokens;
  private Instant last;

  public TokenBucket(Throttle throttle, Instant now) {
    this.throttle = throttle;
    this.tokens = throttle.burstLimit();
    this.last = now;
  }

  public Throttle throttle() {
    return throttle;
  }

  /** Takes a token if there is one. */
  public synchronized boolean tryAcquire(Instant now) {
    if (now.isAfter(last)) {
      double seconds = Duration.between(last, now).toNanos() / 1e9;
      tokens = Math.min(throttle.burstLimit(), tokens + seconds * throttle.rateLimit());
      last = now;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
