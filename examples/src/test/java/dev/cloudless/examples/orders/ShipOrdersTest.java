package dev.cloudless.examples.orders;

import static dev.cloudless.assertions.CloudlessAssertions.assertThat;

import dev.cloudless.fakes.lambda.FakeLambda;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.lambda.InvocationResult;
import dev.cloudless.junit.CloudlessTest;
import org.junit.jupiter.api.Test;

/**
 * The shipping consumer on its own: the test hands it an SQSEvent as Lambda would and reads the
 * partial batch response. {@link OrderEventsFanOutTest} runs it behind a real queue and mapping.
 */
@CloudlessTest
class ShipOrdersTest {

  @Test
  void onlyTheOrderThatCannotShipIsReportedAsABatchItemFailure(FakeLambda lambda) {
    lambda.create(FunctionSpec.named("ship-orders").handler(new ShipOrdersHandler()));
    String event =
        "{\"Records\":["
            + record(
                "m-1", "{\\\"orderId\\\":\\\"o-1\\\",\\\"items\\\":[{\\\"sku\\\":\\\"pen\\\"}]}")
            + ","
            + record("m-2", "{\\\"orderId\\\":\\\"o-2\\\",\\\"items\\\":[]}")
            + "]}";

    InvocationResult result = lambda.invoke("ship-orders", event);

    assertThat(result)
        .hasNoFunctionError()
        .hasJsonPayload("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-2\"}]}");
  }

  private static String record(String messageId, String body) {
    return "{\"messageId\":\""
        + messageId
        + "\",\"body\":\""
        + body
        + "\",\"eventSource\":\"aws:sqs\","
        + "\"eventSourceARN\":\"arn:aws:sqs:us-east-1:000000000000:shipping\","
        + "\"awsRegion\":\"us-east-1\"}";
  }
}
