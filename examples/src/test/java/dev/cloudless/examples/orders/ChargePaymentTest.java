package dev.cloudless.examples.orders;

import static dev.cloudless.assertions.CloudlessAssertions.assertThat;
import static dev.cloudless.fakes.faults.Faults.onFunction;
import static java.time.Duration.ofMinutes;

import dev.cloudless.examples.orders.PaymentGateway.PaymentTimeout;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.lambda.Invocation.Outcome;
import dev.cloudless.fakes.sqs.Queue;
import dev.cloudless.junit.CloudResource;
import dev.cloudless.junit.CloudlessExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The payment function is invoked asynchronously after an order is placed. When the payment
 * provider times out, Lambda retries it and finally dead-letters the order: these tests run that
 * whole story, minutes of it, in milliseconds.
 */
class ChargePaymentTest {

  static final String ORDER =
      "{\"orderId\":\"o-42\",\"customerId\":\"c-7\",\"items\":"
          + "[{\"sku\":\"book\",\"quantity\":1,\"unitPriceCents\":1250}],\"totalCents\":1250}";

  @RegisterExtension
  static CloudlessExtension cloudless =
      CloudlessExtension.builder()
          .setUp(
              cloud -> {
                Queue dlq = cloud.sqs().createQueue("charge-dlq");
                cloud
                    .lambda()
                    .create(
                        FunctionSpec.named("charge")
                            .handler(new ChargePaymentHandler())
                            .deadLetterQueue(dlq));
              })
          .build();

  @Test
  void aChargeThatSucceedsIsNotRetried(FakeCloud cloud, @CloudResource("charge-dlq") Queue dlq) {
    cloud.lambda().invokeAsync("charge", ORDER);
    cloud.runUntilIdle();

    assertThat(cloud.lambda().function("charge")).hasOutcomes(Outcome.SUCCEEDED);
    assertThat(dlq).isEmpty();
  }

  @Test
  void aProviderTimeoutIsRetriedOneThenTwoMinutesLater(FakeCloud cloud) {
    cloud.faults().inject(onFunction("charge").throwing(new PaymentTimeout("psp slow")).times(2));

    cloud.lambda().invokeAsync("charge", ORDER);
    cloud.runUntilIdle();

    assertThat(cloud.lambda().function("charge"))
        .hasOutcomes(Outcome.FAILED, Outcome.FAILED, Outcome.SUCCEEDED)
        .hasRetryDelays(ofMinutes(1), ofMinutes(2));
  }

  @Test
  void chargesThatKeepTimingOutEndInTheDeadLetterQueue(
      FakeCloud cloud, @CloudResource("charge-dlq") Queue dlq) {
    cloud.faults().inject(onFunction("charge").throwing(new PaymentTimeout("psp slow")).always());

    String requestId = cloud.lambda().invokeAsync("charge", ORDER).requestId();
    cloud.runUntilIdle();

    assertThat(cloud.lambda().function("charge"))
        .hasInvocations(3)
        .hasRetryDelays(ofMinutes(1), ofMinutes(2));
    assertThat(dlq)
        .singleMessage()
        .hasJsonBody(ORDER)
        .hasMessageAttribute("RequestID", requestId)
        .hasMessageAttribute("ErrorCode", "200")
        .hasMessageAttribute("ErrorMessage", "psp slow");
  }

  @Test
  void fewerRetriesMeanAnEarlierDeadLetter(FakeCloud cloud) {
    Queue dlq = cloud.sqs().createQueue("refund-dlq");
    cloud
        .lambda()
        .create(
            FunctionSpec.named("refund")
                .handler(
                    new ChargePaymentHandler(
                        (customer, amount) -> {
                          throw new PaymentTimeout("psp down");
                        }))
                .maximumRetryAttempts(0)
                .deadLetterQueue(dlq));

    cloud.lambda().invokeAsync("refund", ORDER);
    cloud.runUntilIdle();

    assertThat(cloud.lambda().function("refund")).hasInvocations(1);
    assertThat(dlq).singleMessage().hasMessageAttribute("ErrorMessage", "psp down");
  }
}
