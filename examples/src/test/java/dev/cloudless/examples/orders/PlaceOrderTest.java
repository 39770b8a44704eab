package dev.cloudless.examples.orders;

import static dev.cloudless.assertions.CloudlessAssertions.assertThat;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.lambda.FakeLambda;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.lambda.InvocationResult;
import dev.cloudless.junit.CloudlessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API's {@code POST /orders} function, invoked synchronously as API Gateway invokes it. */
@CloudlessTest
class PlaceOrderTest {

  private static String apiRequest(String body) {
    return "{\"httpMethod\":\"POST\",\"path\":\"/orders\",\"body\":"
        + "\""
        + body.replace("\"", "\\\"")
        + "\"}";
  }

  @BeforeEach
  void deploy(FakeCloud cloud) {
    cloud.lambda().create(FunctionSpec.named("place-order").handler(PlaceOrderHandler.class));
  }

  @Test
  void aValidOrderIsPricedAndAnswered201(FakeLambda lambda) {
    InvocationResult result =
        lambda.invoke(
            "place-order",
            apiRequest(
                "{\"customerId\":\"c-7\",\"items\":[{\"sku\":\"book\",\"quantity\":2,"
                    + "\"unitPriceCents\":1250}]}"));

    assertThat(result).hasStatusCode(200).hasNoFunctionError();
    assertThat(result).payloadJson().inPath("statusCode").isEqualTo(201);
    assertThat(result)
        .payloadJson()
        .inPath("body")
        .isString()
        .contains("\"customerId\":\"c-7\"")
        .contains("\"totalCents\":2500");
  }

  @Test
  void anOrderWithoutItemsIsAnswered400(FakeLambda lambda) {
    InvocationResult result =
        lambda.invoke("place-order", apiRequest("{\"customerId\":\"c-7\",\"items\":[]}"));

    assertThat(result).hasNoFunctionError();
    assertThat(result).payloadJson().inPath("statusCode").isEqualTo(400);
  }

  @Test
  void aBodyThatIsNotJsonIsAFunctionErrorNotAResponse(FakeCloud cloud) {
    InvocationResult result = cloud.lambda().invoke("place-order", apiRequest("not json"));

    // As on AWS: status 200, FunctionError "Unhandled", the Java runtime's error payload.
    assertThat(result).hasStatusCode(200).isFunctionError();
    assertThat(result)
        .payloadJson()
        .inPath("errorType")
        .isEqualTo("java.lang.IllegalArgumentException");
    assertThat(cloud.lambda().function("place-order"))
        .singleInvocation()
        .failed()
        .hasErrorMessage("Malformed JSON");
  }

  @Test
  void eachEnvironmentCreatesItsHandlerOnceAndWarmCallsReuseIt(FakeCloud cloud) {
    String order =
        apiRequest(
            "{\"customerId\":\"c-7\",\"items\":[{\"sku\":\"pen\",\"quantity\":1,\"unitPriceCents\":99}]}");

    cloud.lambda().invoke("place-order", order);
    cloud.lambda().invoke("place-order", order);

    assertThat(cloud.lambda().function("place-order")).hasInvocations(2).hasColdStarts(1);
  }
}
