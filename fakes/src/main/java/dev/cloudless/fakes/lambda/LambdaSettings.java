package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The account-level settings of the fake Lambda: the Regional concurrency quota, the unreserved
 * minimum AWS keeps, how long an idle execution environment lives, and the prices costs are
 * computed with.
 *
 * <pre>{@code
 * cloud.lambda().settings(LambdaSettings.defaults().concurrentExecutions(10).minimumUnreserved(10));
 * }</pre>
 *
 * @param concurrentExecutions the account's concurrency quota; default 1,000
 * @param minimumUnreserved the unreserved concurrency AWS never lets reservations take; default 100
 *     (AWS uses 10 for accounts whose quota is 10)
 * @param environmentIdleTimeout how long an execution environment may sit idle before Lambda
 *     recycles it; default 10 minutes (AWS does not publish its value)
 * @param pricePerGbSecond the compute price; default us-east-1 x86, USD 0.0000166667
 * @param pricePerMillionRequests the request price; default USD 0.20
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record LambdaSettings(
    int concurrentExecutions,
    int minimumUnreserved,
    Duration environmentIdleTimeout,
    BigDecimal pricePerGbSecond,
    BigDecimal pricePerMillionRequests) {

  public LambdaSettings {
    if (concurrentExecutions < 1) {
      throw new IllegalArgumentException(
          "concurrentExecutions must be at least 1; got " + concurrentExecutions + ".");
    }
    if (minimumUnreserved < 0 || minimumUnreserved > concurrentExecutions) {
      throw new IllegalArgumentException(
          "minimumUnreserved must be between 0 and concurrentExecutions ("
              + concurrentExecutions
              + "); got "
              + minimumUnreserved
              + ".");
    }
    Objects.requireNonNull(environmentIdleTimeout, "environmentIdleTimeout");
    if (environmentIdleTimeout.isNegative() || environmentIdleTimeout.isZero()) {
      throw new IllegalArgumentException(
          "environmentIdleTimeout must be positive; got " + environmentIdleTimeout + ".");
    }
    Objects.requireNonNull(pricePerGbSecond, "pricePerGbSecond");
    Objects.requireNonNull(pricePerMillionRequests, "pricePerMillionRequests");
  }

  /** AWS's defaults and us-east-1 x86 prices. */
  public static LambdaSettings defaults() {
    return new LambdaSettings(
        1000, 100, Duration.ofMinutes(10), new BigDecimal("0.0000166667"), new BigDecimal("0.20"));
  }

  /**
   * The account's concurrency quota. The unreserved minimum follows AWS: 100, or the whole quota
   * when the quota is below 100.
   */
  public LambdaSettings concurrentExecutions(int executions) {
    return new LambdaSettings(
        executions,
        Math.min(100, Math.max(1, executions)),
        environmentIdleTimeout,
        pricePerGbSecond,
        pricePerMillionRequests);
  }

  public LambdaSettings minimumUnreserved(int minimum) {
    return new LambdaSettings(
        concurrentExecutions,
        minimum,
        environmentIdleTimeout,
        pricePerGbSecond,
        pricePerMillionRequests);
  }

  public LambdaSettings environmentIdleTimeout(Duration timeout) {
    return new LambdaSettings(
        concurrentExecutions,
        minimumUnreserved,
        timeout,
        pricePerGbSecond,
        pricePerMillionRequests);
  }

  /** Prices in USD: per GB-second of billed duration, and per million requests. */
  public LambdaSettings prices(BigDecimal perGbSecond, BigDecimal perMillionRequests) {
    return new LambdaSettings(
        concurrentExecutions,
        minimumUnreserved,
        environmentIdleTimeout,
        perGbSecond,
        perMillionRequests);
  }
}
