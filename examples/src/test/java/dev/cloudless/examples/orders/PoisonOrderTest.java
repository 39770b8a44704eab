package dev.cloudless.examples.orders;

import static dev.cloudless.assertions.CloudlessAssertions.assertThat;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.sqs.Queue;
import dev.cloudless.junit.CloudlessTest;
import org.junit.jupiter.api.Test;

/**
 * An order the payment function can never process (no items, so no amount: the handler fails on it
 * every time) is retried twice, then its invocation record goes to the failed-orders queue, where
 * the support team reads it.
 */
@CloudlessTest
class PoisonOrderTest {

  static final String POISON = "{\"orderId\":\"o-13\",\"customerId\":\"c-7\",\"items\":null}";

  @Test
  void aPoisonOrderEndsInTheOnFailureDestinationWithAwsInvocationRecord(FakeCloud cloud) {
    Queue failedOrders = cloud.sqs().createQueue("failed-orders");
    cloud
        .lambda()
        .create(
            FunctionSpec.named("charge")
                .handler(
                    new ChargePaymentHandler(
                        (customer, amount) -> {
                          throw new IllegalArgumentException("nothing to charge");
                        }))
                .onFailure(failedOrders));

    String requestId = cloud.lambda().invokeAsync("charge", POISON).requestId();
    cloud.runUntilIdle();

    assertThat(cloud.lambda().function("charge"))
        .hasInvocations(3)
        .hasDestinationRecords("RetriesExhausted");
    assertThat(failedOrders)
        .singleMessage()
        .jsonBody()
        .isObject()
        .containsEntry("version", "1.0")
        .containsKeys("timestamp", "requestContext", "requestPayload", "responseContext");
    assertThat(failedOrders)
        .singleMessage()
        .jsonBody()
        .inPath("requestContext")
        .isEqualTo(
            "{\"requestId\":\""
                + requestId
                + "\",\"functionArn\":\""
                + cloud.lambda().function("charge").arn()
                + ":$LATEST\",\"condition\":\"RetriesExhausted\",\"approximateInvokeCount\":3}");
    assertThat(failedOrders).singleMessage().jsonBody().inPath("requestPayload").isEqualTo(POISON);
    assertThat(failedOrders)
        .singleMessage()
        .jsonBody()
        .inPath("responsePayload.errorMessage")
        .isEqualTo("nothing to charge");
  }
}
