package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.apiguardian.api.API;

/**
 * What invocations cost, computed as AWS bills them: each billed invocation is one request, and its
 * billed duration (rounded up to the millisecond, Init included on cold starts) times its memory in
 * GB is its GB-seconds. Throttled invocations are not billed.
 *
 * @param requests billed invocations
 * @param gbSeconds compute used
 * @param requestCost USD for the requests
 * @param computeCost USD for the compute
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record LambdaCost(
    long requests, BigDecimal gbSeconds, BigDecimal requestCost, BigDecimal computeCost) {

  /** No invocations. */
  public static final LambdaCost ZERO =
      new LambdaCost(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

  /** Requests plus compute, in USD. */
  public BigDecimal total() {
    return requestCost.add(computeCost);
  }

  /** This cost plus another. */
  public LambdaCost plus(LambdaCost other) {
    return new LambdaCost(
        requests + other.requests,
        gbSeconds.add(other.gbSeconds),
        requestCost.add(other.requestCost),
        computeCost.add(other.computeCost));
  }

  /** The cost of one invocation. */
  public static LambdaCost of(long billedMillis, int memoryMb, LambdaSettings prices) {
    BigDecimal gbSeconds =
        BigDecimal.valueOf(billedMillis)
            .multiply(BigDecimal.valueOf(memoryMb))
            .divide(BigDecimal.valueOf(1_024_000), MathContext.DECIMAL64);
    BigDecimal requestCost =
        prices
            .pricePerMillionRequests()
            .divide(BigDecimal.valueOf(1_000_000), MathContext.DECIMAL64);
    return new LambdaCost(
        1,
        gbSeconds,
        requestCost,
        gbSeconds.multiply(prices.pricePerGbSecond(), MathContext.DECIMAL64));
  }

  @Override
  public String toString() {
    return requests
        + " requests, "
        + gbSeconds.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
        + " GB-s, USD "
        + total().setScale(10, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
