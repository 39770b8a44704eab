package dev.cloudless.assertions;

import static dev.cloudless.assertions.CloudlessAssertions.assertThat;
import static dev.cloudless.assertions.CloudlessAssertions.assertThatThrownBy;
import static dev.cloudless.fakes.apigateway.ApiGatewayEvent.AuthorizerOutcome.ALLOW;
import static dev.cloudless.fakes.apigateway.ApiGatewayEvent.AuthorizerOutcome.DENY;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.apigateway.ApiRequest;
import dev.cloudless.fakes.apigateway.ApiResponse;
import dev.cloudless.fakes.apigateway.AuthorizerSpec;
import dev.cloudless.fakes.apigateway.Integration;
import dev.cloudless.fakes.apigateway.MethodSpec;
import dev.cloudless.fakes.apigateway.RestApi;
import dev.cloudless.fakes.apigateway.RestApiSpec;
import dev.cloudless.fakes.apigateway.Stage;
import dev.cloudless.fakes.apigateway.StageSpec;
import dev.cloudless.fakes.apigateway.Throttle;
import dev.cloudless.fakes.lambda.FunctionSpec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiGatewayAssertTest {

  private final FakeCloud cloud = FakeCloud.create();
  private Stage stage;
  private Stage limited;

  @BeforeEach
  void ordersApi() {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("orders")
                .handler(
                    (RequestStreamHandler)
                        (in, out, ctx) ->
                            out.write(
                                ("{\"statusCode\":200,\"headers\":{\"Content-Type\":"
                                        + "\"application/json\"},\"body\":\"{\\\"orderId\\\":"
                                        + "\\\"42\\\",\\\"items\\\":[\\\""
                                        + "x".repeat(40)
                                        + "\\\"]}\"}")
                                    .getBytes(StandardCharsets.UTF_8))));
    cloud
        .lambda()
        .create(
            FunctionSpec.named("auth")
                .handler(
                    (RequestStreamHandler)
                        (in, out, ctx) -> {
                          String event = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                          String effect = event.contains("\"deny\"") ? "Deny" : "Allow";
                          out.write(
                              ("{\"principalId\":\"u\",\"policyDocument\":{\"Version\":"
                                      + "\"2012-10-17\",\"Statement\":[{\"Action\":"
                                      + "\"execute-api:Invoke\",\"Effect\":\""
                                      + effect
                                      + "\",\"Resource\":\"*\"}]}}")
                                  .getBytes(StandardCharsets.UTF_8));
                        }));
    RestApi api =
        cloud.apiGateway().createRestApi(RestApiSpec.named("shop").minimumCompressionSize(10));
    api.authorizer(AuthorizerSpec.token("auth", "auth"));
    api.method(
        "GET", "/orders/{id}", MethodSpec.of(Integration.lambdaProxy("orders")).authorizer("auth"));
    api.method("GET", "/open", MethodSpec.of(Integration.lambdaProxy("orders")));
    stage = api.deploy(StageSpec.named("prod").cacheCluster("0.5"));
    limited = api.deploy(StageSpec.named("limited").throttle(Throttle.of(1, 2)));
  }

  @AfterEach
  void close() {
    cloud.close();
  }

  private ApiResponse get(String path, String token) {
    return stage.call(ApiRequest.get(path).header("Authorization", token));
  }

  @Test
  void aResponseIsCheckedDecodedWhateverItsCompression() {
    ApiResponse response =
        stage.call(
            ApiRequest.get("/orders/42")
                .header("Authorization", "allow")
                .header("Accept-Encoding", "gzip"));

    assertThat(response)
        .hasStatus(200)
        .isCompressedWith("gzip")
        .hasHeader("content-type", "application/json")
        .hasHeader("x-amzn-RequestId")
        .doesNotHaveHeader("Set-Cookie")
        .hasJsonBody("{\"items\":[\"${json-unit.any-string}\"],\"orderId\":\"42\"}")
        .hasBodyContaining("\"orderId\":\"42\"");
    assertThat(response).jsonBody().inPath("orderId").isString().isEqualTo("42");
    assertThatThrownBy(() -> assertThat(response).hasStatus(201))
        .hasMessageStartingWith("Expecting response [200] to have status 201 but it was 200.")
        .hasMessageContaining("Content-Encoding: gzip")
        .hasMessageContaining("body: {\"orderId\":\"42\"");
    assertThatThrownBy(() -> assertThat(response).hasJsonBody("{\"orderId\":\"43\"}"))
        .hasMessageContaining("to have a JSON body equal to");
    assertThatThrownBy(() -> assertThat(response).isCompressedWith("identity"))
        .hasMessageContaining("but its Content-Encoding was gzip");
    assertThatThrownBy(() -> assertThat(response).hasHeader("Content-Type", "text/plain"))
        .hasMessageContaining("its values were [application/json]");
  }

  @Test
  void routesCountCallsCacheHitsAndAuthorizerDecisions() {
    get("/orders/1", "allow");
    get("/orders/1", "allow");
    get("/orders/1", "deny");
    stage.call(ApiRequest.get("/open"));

    assertThat(stage).hasRequests(4);
    assertThat(stage)
        .route(
            "GET /orders/{id}",
            route ->
                route
                    .hasCalls(3)
                    .hasStatuses(200, 200, 403)
                    .hasCacheMisses(1)
                    .hasCacheHits(1)
                    .hasAuthorizerDecisions(ALLOW, ALLOW, DENY)
                    .hasAuthorizerCalls(2)
                    .hasThrottles(0));
    assertThat(stage).route("GET /open").hasCalls(1).hasAuthorizerDecisions();
    assertThatThrownBy(() -> assertThat(stage).route("GET /orders/{id}").hasCacheHits(2))
        .hasMessageStartingWith(
            "Expecting route [GET /orders/{id}] of stage [prod] to have 2 cache hits but it had 1.")
        .hasMessageContaining("Events of route [GET /orders/{id}] on stage [prod]:")
        .hasMessageContaining("cache HIT GET /orders/{id}")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("GET /open"));
    assertThatThrownBy(() -> assertThat(stage).route("GET /orders/{id}").hasAuthorizerCalls(3))
        .hasMessageContaining("to have called its authorizer 3 times but it called it 2 times.");
    assertThatThrownBy(() -> assertThat(stage).hasRequests(5))
        .hasMessageStartingWith(
            "Expecting stage [prod] of API ["
                + stage.apiId()
                + "] to have answered 5 requests but it answered 4.");
  }

  @Test
  void throttlesAreCountedPerRoute() {
    for (int i = 0; i < 3; i++) {
      limited.call(ApiRequest.get("/open"));
    }

    assertThat(limited).route("GET /open").hasThrottles(1).hasStatuses(200, 200, 429);
    assertThat(stage).route("GET /open").hasCalls(0);
    assertThatThrownBy(() -> assertThat(limited).route("GET /open").hasThrottles(0))
        .hasMessageContaining("to have 0 throttled requests but it had 1.");
  }

  @Test
  void softAssertionsCollectEveryApiFailure() {
    ApiResponse response = stage.call(ApiRequest.get("/open"));
    CloudlessSoftAssertions softly = new CloudlessSoftAssertions();

    softly.assertThat(response).hasStatus(500).hasHeader("X-Missing");
    softly.assertThat(stage).route("GET /open").hasCalls(7);

    assertThat(softly.errorsCollected()).hasSize(3);
  }
}
