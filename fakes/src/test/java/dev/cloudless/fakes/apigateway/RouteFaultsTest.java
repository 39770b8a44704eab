package dev.cloudless.fakes.apigateway;

import static dev.cloudless.fakes.faults.Faults.onRoute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.faults.FaultEffect;
import dev.cloudless.fakes.faults.FaultFired;
import dev.cloudless.fakes.faults.FaultRule;
import dev.cloudless.fakes.faults.FaultSchedule;
import dev.cloudless.fakes.faults.FaultTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code onRoute(...)} fault rules: latency past the timeout, throttles and server errors. */
class RouteFaultsTest {

  private final FakeCloud cloud = FakeCloud.create();
  private Stage orders;

  @AfterEach
  void close() {
    cloud.close();
  }

  private Stage restApi() {
    Functions.returning(cloud, "orders", "{\"statusCode\":201,\"body\":\"created\"}");
    RestApi api = cloud.apiGateway().createRestApi(RestApiSpec.named("orders-api"));
    MethodSpec proxy = MethodSpec.of(Integration.lambdaProxy("orders"));
    api.method("POST", "/orders", proxy);
    api.method("GET", "/orders/{id}", proxy);
    return api.deploy(StageSpec.named("prod"));
  }

  @Test
  void aLatencyPastTheIntegrationTimeoutAnswers504AtTheTimeout() {
    orders = restApi();
    cloud
        .faults()
        .inject(onRoute("orders-api", "POST /orders").latency(Duration.ofSeconds(31)).always());
    Instant start = cloud.clock().now();

    ApiResponse response = orders.call(ApiRequest.post("/orders").body("{}"));

    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(response.bodyAsString()).isEqualTo("{\"message\": \"Endpoint request timed out\"}");
    assertThat(cloud.clock().now()).isEqualTo(start.plusSeconds(29));
    // Another route of the same API is not touched.
    assertThat(orders.call(ApiRequest.get("/orders/7")).statusCode()).isEqualTo(201);
  }

  @Test
  void aLatencyWithinTheTimeoutDelaysTheAnswer() {
    orders = restApi();
    cloud
        .faults()
        .inject(onRoute("orders-api", "POST /orders").latency(Duration.ofSeconds(5)).once());
    Instant start = cloud.clock().now();

    ApiResponse response = orders.call(ApiRequest.post("/orders").body("{}"));

    assertThat(response.statusCode()).isEqualTo(201);
    // The function runs for 100 ms, the fault adds 5 s.
    assertThat(cloud.clock().now()).isEqualTo(start.plusMillis(5100));
    assertThat(orders.requests())
        .singleElement()
        .satisfies(r -> assertThat(r.latency()).isEqualTo(Duration.ofMillis(5100)));
  }

  @Test
  void aThrottleAnswers429AndIsJournaledAsAThrottle() {
    orders = restApi();
    cloud.faults().inject(onRoute("orders-api", "POST /orders").throttle().times(1));

    ApiResponse first = orders.call(ApiRequest.post("/orders").body("{}"));
    ApiResponse second = orders.call(ApiRequest.post("/orders").body("{}"));

    assertThat(first.statusCode()).isEqualTo(429);
    assertThat(first.bodyAsString()).isEqualTo("{\"message\":\"Too Many Requests\"}");
    assertThat(second.statusCode()).isEqualTo(201);
    assertThat(cloud.journal().events(ApiGatewayEvent.RequestThrottled.class))
        .singleElement()
        .satisfies(t -> assertThat(t.routeKey()).isEqualTo("POST /orders"));
    assertThat(cloud.lambda().function("orders").invocations()).hasSize(1);
    assertThat(cloud.journal().events(FaultFired.class))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.rule())
                    .isEqualTo("onRoute(\"orders-api\", \"POST /orders\").throttle().once()"));
  }

  @Test
  void aServiceErrorAnswers500WithoutCallingTheIntegration() {
    Functions.returning(cloud, "orders", "{\"statusCode\":200,\"body\":\"ok\"}");
    HttpApi api = cloud.apiGateway().createHttpApi(HttpApiSpec.named("shop"));
    api.route("GET /orders", MethodSpec.of(Integration.lambdaProxy("orders")));
    Stage stage = api.deploy(StageSpec.named("$default"));
    // By id as well as by name.
    cloud.faults().inject(onRoute(api.id(), "GET /orders").serviceError().onAttempts(2));

    List<Integer> statuses =
        List.of(
            stage.call(ApiRequest.get("/orders")).statusCode(),
            stage.call(ApiRequest.get("/orders")).statusCode(),
            stage.call(ApiRequest.get("/orders")).statusCode());

    assertThat(statuses).containsExactly(200, 500, 200);
    assertThat(cloud.lambda().function("orders").invocations()).hasSize(2);
  }

  @Test
  void anHttpApiRouteTimesOutWith503() {
    Functions.returning(cloud, "orders", "{\"statusCode\":200,\"body\":\"ok\"}");
    HttpApi api = cloud.apiGateway().createHttpApi(HttpApiSpec.named("shop"));
    api.route("$default", MethodSpec.of(Integration.lambdaProxy("orders")));
    Stage stage = api.deploy(StageSpec.named("$default"));
    cloud.faults().inject(onRoute("shop", "$default").latency(Duration.ofMinutes(1)).always());

    ApiResponse response = stage.call(ApiRequest.get("/anything"));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Service Unavailable\"}");
  }

  @Test
  void aRuleWithAnEffectARouteCannotHaveFailsLoudly() {
    orders = restApi();
    cloud
        .faults()
        .inject(
            new FaultRule(
                new FaultTarget.OnRoute("orders-api", "POST /orders"),
                new FaultEffect.DuplicateDelivery(),
                new FaultSchedule.Always()));

    assertThatThrownBy(() -> orders.call(ApiRequest.post("/orders").body("{}")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a route can only have latency(...), throttle() or serviceError()");
  }
}
