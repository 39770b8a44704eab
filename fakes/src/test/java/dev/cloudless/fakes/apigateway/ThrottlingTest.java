package dev.cloudless.fakes.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.apigateway.ApiGatewayEvent.RequestThrottled;
import dev.cloudless.fakes.aws.AwsServiceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stage, method and account throttling, API keys and usage plans, on the virtual clock. */
class ThrottlingTest {

  private final FakeCloud cloud = FakeCloud.create();

  @AfterEach
  void close() {
    cloud.close();
  }

  private RestApi api() {
    Functions.returning(cloud, "fn", "{\"statusCode\":200}", Duration.ZERO);
    RestApi api = cloud.apiGateway().createRestApi(RestApiSpec.named("t"));
    api.method("GET", "/a", MethodSpec.of(Integration.lambdaProxy("fn")));
    api.method("GET", "/b", MethodSpec.of(Integration.lambdaProxy("fn")));
    api.method("GET", "/keyed", MethodSpec.of(Integration.lambdaProxy("fn")).apiKeyRequired(true));
    return api;
  }

  private static List<Integer> statuses(Stage stage, String path, int times) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      statuses.add(stage.call(ApiRequest.get(path)).statusCode());
    }
    return statuses;
  }

  @Test
  void aStageThrottleIsATokenBucketPerMethod() {
    Stage stage = api().deploy(StageSpec.named("prod").throttle(Throttle.of(1, 2)));

    List<Integer> burst = statuses(stage, "/a", 3);
    List<Integer> otherMethod = statuses(stage, "/b", 2);
    cloud.advance(Duration.ofSeconds(1));
    List<Integer> refilled = statuses(stage, "/a", 2);

    assertThat(burst).containsExactly(200, 200, 429);
    assertThat(otherMethod).containsExactly(200, 200);
    assertThat(refilled).containsExactly(200, 429);
    ApiResponse throttled = stage.call(ApiRequest.get("/a"));
    assertThat(throttled.bodyAsString()).isEqualTo("{\"message\":\"Too Many Requests\"}");
    assertThat(cloud.journal().events(RequestThrottled.class))
        .extracting(RequestThrottled::limit, RequestThrottled::routeKey)
        .containsOnly(org.assertj.core.groups.Tuple.tuple("stage", "GET /a"));
  }

  @Test
  void aMethodSettingOverridesTheStageThrottle() {
    Stage stage =
        api()
            .deploy(
                StageSpec.named("prod")
                    .throttle(Throttle.of(100, 100))
                    .methodSettings(
                        "/b/GET", MethodSettings.defaults().throttle(Throttle.of(0, 1))));

    assertThat(statuses(stage, "/a", 3)).containsOnly(200);
    assertThat(statuses(stage, "/b", 2)).containsExactly(200, 429);
    assertThat(cloud.journal().events(RequestThrottled.class))
        .singleElement()
        .extracting(RequestThrottled::limit)
        .isEqualTo("method");
  }

  @Test
  void theAccountThrottleCoversEveryApi() {
    cloud.apiGateway().accountThrottle(Throttle.of(0, 3));
    Stage stage = api().deploy(StageSpec.named("prod"));

    assertThat(statuses(stage, "/a", 2)).containsExactly(200, 200);
    assertThat(statuses(stage, "/b", 2)).containsExactly(200, 429);
  }

  @Test
  void apiKeysAndUsagePlansGuardAMethod() {
    RestApi api = api();
    Stage stage = api.deploy(StageSpec.named("prod"));
    ApiKey key = cloud.apiGateway().createApiKey("client");
    ApiKey stranger = cloud.apiGateway().createApiKey("stranger", "s".repeat(20));
    UsagePlan plan =
        cloud
            .apiGateway()
            .createUsagePlan(
                UsagePlanSpec.named("basic")
                    .throttle(Throttle.of(10, 10))
                    .quota(Quota.perDay(2))
                    .stage(api.id(), "prod"));
    plan.addKey(key);

    ApiResponse noKey = stage.call(ApiRequest.get("/keyed"));
    ApiResponse wrongKey =
        stage.call(ApiRequest.get("/keyed").header("x-api-key", stranger.value()));
    ApiResponse first = stage.call(ApiRequest.get("/keyed").header("x-api-key", key.value()));
    ApiResponse second = stage.call(ApiRequest.get("/keyed").header("x-api-key", key.value()));
    ApiResponse third = stage.call(ApiRequest.get("/keyed").header("x-api-key", key.value()));
    int remainingBefore = plan.remainingQuota(key);
    cloud.advance(Duration.ofDays(1));
    ApiResponse nextDay = stage.call(ApiRequest.get("/keyed").header("x-api-key", key.value()));

    assertThat(noKey.statusCode()).isEqualTo(403);
    assertThat(noKey.bodyAsString()).isEqualTo("{\"message\":\"Forbidden\"}");
    assertThat(wrongKey.statusCode()).isEqualTo(403);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(third.bodyAsString()).isEqualTo("{\"message\":\"Limit Exceeded\"}");
    assertThat(remainingBefore).isZero();
    assertThat(nextDay.statusCode()).isEqualTo(200);
    assertThat(key.value()).hasSize(40);
    assertThat(cloud.journal().events(RequestThrottled.class))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.limit()).isEqualTo("usage plan quota");
              assertThat(t.apiKeyId()).isEqualTo(key.id());
            });
  }

  @Test
  void aUsagePlanThrottlesEachKeyOnItsOwn() {
    RestApi api = api();
    Stage stage = api.deploy(StageSpec.named("prod"));
    ApiKey a = cloud.apiGateway().createApiKey("a");
    ApiKey b = cloud.apiGateway().createApiKey("b");
    cloud
        .apiGateway()
        .createUsagePlan(
            UsagePlanSpec.named("tight").throttle(Throttle.of(0, 1)).stage(api.id(), "prod"))
        .addKey(a)
        .addKey(b);

    int a1 = stage.call(ApiRequest.get("/keyed").header("x-api-key", a.value())).statusCode();
    int a2 = stage.call(ApiRequest.get("/keyed").header("x-api-key", a.value())).statusCode();
    int b1 = stage.call(ApiRequest.get("/keyed").header("x-api-key", b.value())).statusCode();

    assertThat(List.of(a1, a2, b1)).containsExactly(200, 429, 200);
  }

  @Test
  void badSettingsAreRefusedWithAwsErrors() {
    assertThatThrownBy(() -> cloud.apiGateway().createApiKey("short", "tooshort"))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageContaining("at least 20 characters");
    assertThatThrownBy(() -> Throttle.of(-1, 1)).hasMessageContaining("must not be negative");
    assertThatThrownBy(
            () -> cloud.apiGateway().createUsagePlan(UsagePlanSpec.named("p").stage("nope", "x")))
        .hasMessageContaining("Invalid API identifier specified nope");
    assertThatThrownBy(() -> MethodSettings.defaults().cacheTtlInSeconds(3601))
        .hasMessageContaining("0 to 3600");
    assertThatThrownBy(() -> StageSpec.named("prod").cacheCluster("2"))
        .hasMessageContaining("cacheClusterSize [2]");
    assertThatThrownBy(() -> StageSpec.named("bad name"))
        .hasMessageContaining("Stage name [bad name] is invalid");
  }
}
