package dev.cloudless.examples.orders;

import static dev.cloudless.assertions.CloudlessAssertions.assertThat;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.lambda.Invocation.Outcome;
import dev.cloudless.fakes.lambda.TooManyRequestsException;
import dev.cloudless.junit.CloudlessTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order API's function has a reservation of 10 concurrent executions to protect the database. A
 * burst of 12 orders arriving together gets two 429s; each order takes two seconds, so the slots
 * are free again after that.
 */
@CloudlessTest
class BurstThrottlingTest {

  static final String ORDER_REQUEST =
      "{\"httpMethod\":\"POST\",\"path\":\"/orders\",\"body\":"
          + "\"{\\\"customerId\\\":\\\"c-1\\\",\\\"items\\\":[{\\\"sku\\\":\\\"pen\\\","
          + "\\\"quantity\\\":1,\\\"unitPriceCents\\\":99}]}\"}";

  /** Schedules {@code count} synchronous calls at the current instant: a burst of traffic. */
  static List<String> burst(FakeCloud cloud, int count) {
    List<String> throttled = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      cloud
          .clock()
          .schedule(
              Duration.ZERO,
              "order request",
              () -> {
                try {
                  cloud.lambda().invoke("place-order", ORDER_REQUEST);
                } catch (TooManyRequestsException e) {
                  throttled.add(e.reason());
                }
              });
    }
    cloud.runUntilIdle();
    return throttled;
  }

  @Test
  void aBurstBeyondTheReservationGets429s(FakeCloud cloud) {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("place-order")
                .handler(PlaceOrderHandler.class)
                .runsFor(Duration.ofSeconds(2))
                .reservedConcurrency(10));

    List<String> throttled = burst(cloud, 12);

    assertThat(throttled)
        .containsExactly(
            "ReservedFunctionConcurrentInvocationLimitExceeded",
            "ReservedFunctionConcurrentInvocationLimitExceeded");
    assertThat(cloud.lambda().function("place-order"))
        .hasInvocations(12)
        .hasThrottles(2)
        .hasColdStarts(10);
  }

  @Test
  void afterTwoSecondsTheSlotsAreFreeAgain(FakeCloud cloud) {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("place-order")
                .handler(PlaceOrderHandler.class)
                .runsFor(Duration.ofSeconds(2))
                .reservedConcurrency(10));
    burst(cloud, 10);

    cloud.advance(Duration.ofSeconds(2));

    assertThat(burst(cloud, 10)).isEmpty();
    assertThat(cloud.lambda().function("place-order")).hasColdStarts(10);
  }

  @Test
  void asynchronousOrdersAreKeptAndRetriedNotLost(FakeCloud cloud) {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("place-order")
                .handler(PlaceOrderHandler.class)
                .runsFor(Duration.ofSeconds(2))
                .reservedConcurrency(10));

    for (int i = 0; i < 12; i++) {
      cloud.lambda().invokeAsync("place-order", ORDER_REQUEST);
    }
    cloud.runUntilIdle();

    assertThat(cloud.lambda().function("place-order")).hasThrottles(4);
    assertThat(
            cloud.lambda().function("place-order").invocations().stream()
                .filter(i -> i.outcome() == Outcome.SUCCEEDED)
                .count())
        .isEqualTo(12);
  }
}
