package dev.cloudless.fakes.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.apigateway.ApiGatewayEvent.CacheLookup;
import dev.cloudless.fakes.apigateway.ApiGatewayEvent.CacheOutcome;
import dev.cloudless.fakes.lambda.FunctionSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CachingAndCompressionTest {

  private final FakeCloud cloud = FakeCloud.create();
  private final AtomicInteger calls = new AtomicInteger();

  @AfterEach
  void close() {
    cloud.close();
  }

  /** A function answering with how many times it ran. */
  private void counter() {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("counter")
                .handler(
                    (RequestStreamHandler)
                        (in, out, ctx) ->
                            out.write(
                                ("{\"statusCode\":200,\"body\":\"call "
                                        + calls.incrementAndGet()
                                        + "\"}")
                                    .getBytes(StandardCharsets.UTF_8))));
  }

  private Stage cachedStage(StageSpec spec) {
    counter();
    RestApi api = cloud.apiGateway().createRestApi(RestApiSpec.named("c"));
    api.method(
        "GET",
        "/items/{id}",
        MethodSpec.of(
            Integration.lambdaProxy("counter")
                .cacheKeyParameters("method.request.querystring.type")));
    api.method("POST", "/items/{id}", MethodSpec.of(Integration.lambdaProxy("counter")));
    return api.deploy(spec);
  }

  private String body(Stage stage, ApiRequest request) {
    return stage.call(request).bodyAsString();
  }

  @Test
  void getResponsesAreCachedForTheTtlByTheDeclaredKeyParametersOnly() {
    Stage stage = cachedStage(StageSpec.named("prod").cacheCluster("0.5"));

    String first = body(stage, ApiRequest.get("/items/1?type=a"));
    String hit = body(stage, ApiRequest.get("/items/1?type=a"));
    // The path variable is not a cache key parameter: AWS serves the same entry.
    String otherId = body(stage, ApiRequest.get("/items/2?type=a"));
    String otherType = body(stage, ApiRequest.get("/items/1?type=b"));
    String post = body(stage, ApiRequest.post("/items/1?type=a"));
    cloud.advance(Duration.ofSeconds(300));
    String expired = body(stage, ApiRequest.get("/items/1?type=a"));

    assertThat(first).isEqualTo("call 1");
    assertThat(hit).isEqualTo("call 1");
    assertThat(otherId).isEqualTo("call 1");
    assertThat(otherType).isEqualTo("call 2");
    assertThat(post).isEqualTo("call 3");
    assertThat(expired).isEqualTo("call 4");
    assertThat(cloud.journal().events(CacheLookup.class))
        .extracting(CacheLookup::outcome)
        .containsExactly(
            CacheOutcome.MISS,
            CacheOutcome.HIT,
            CacheOutcome.HIT,
            CacheOutcome.MISS,
            CacheOutcome.MISS);
    assertThat(stage.requests())
        .extracting(ApiGatewayEvent.RequestServed::detail)
        .filteredOn("cache hit"::equals)
        .hasSize(2);
  }

  @Test
  void methodSettingsOverrideTheTtlAndCanTurnCachingOff() {
    Stage stage =
        cachedStage(
            StageSpec.named("prod")
                .cacheCluster("0.5")
                .methodSettings("/items/{id}/GET", MethodSettings.defaults().cacheTtlInSeconds(10))
                .methodSettings(
                    "/items/{id}/POST", MethodSettings.defaults().cachingEnabled(true)));

    body(stage, ApiRequest.get("/items/1"));
    cloud.advance(Duration.ofSeconds(10));
    String afterTtl = body(stage, ApiRequest.get("/items/1"));
    body(stage, ApiRequest.post("/items/1"));
    String cachedPost = body(stage, ApiRequest.post("/items/1"));

    assertThat(afterTtl).isEqualTo("call 2");
    assertThat(cachedPost).isEqualTo("call 3");
  }

  @Test
  void cacheControlMaxAgeZeroInvalidatesWhenNoAuthorizationIsRequired() {
    Stage stage = cachedStage(StageSpec.named("prod").cacheCluster("0.5"));

    body(stage, ApiRequest.get("/items/1"));
    String refreshed = body(stage, ApiRequest.get("/items/1").header("Cache-Control", "max-age=0"));
    String afterwards = body(stage, ApiRequest.get("/items/1"));
    stage.flushCache();
    String flushed = body(stage, ApiRequest.get("/items/1"));

    assertThat(refreshed).isEqualTo("call 2");
    assertThat(afterwards).isEqualTo("call 2");
    assertThat(flushed).isEqualTo("call 3");
  }

  @Test
  void anAuthorizedMethodInvalidatesOnlyWhenThePolicyAllowsIt() {
    counter();
    cloud
        .lambda()
        .create(
            FunctionSpec.named("auth")
                .handler(
                    (RequestStreamHandler)
                        (in, out, ctx) ->
                            out.write(
                                ("{\"principalId\":\"u\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                                        + "\"Statement\":[{\"Action\":\"execute-api:Invoke\","
                                        + "\"Effect\":\"Allow\",\"Resource\":\"*\"}]}}")
                                    .getBytes(StandardCharsets.UTF_8))));
    RestApi api = cloud.apiGateway().createRestApi(RestApiSpec.named("c"));
    api.authorizer(AuthorizerSpec.token("auth", "auth"));
    api.method("GET", "/x", MethodSpec.of(Integration.lambdaProxy("counter")).authorizer("auth"));
    Stage stage =
        api.deploy(
            StageSpec.named("prod")
                .cacheCluster("0.5")
                .methodSettings(
                    StageSpec.ALL_METHODS,
                    MethodSettings.defaults()
                        .unauthorizedCacheControlHeaderStrategy(
                            UnauthorizedCacheControlHeaderStrategy.FAIL_WITH_403)));
    ApiRequest request = ApiRequest.get("/x").header("Authorization", "t");

    body(stage, request);
    ApiResponse refused = stage.call(request.header("Cache-Control", "max-age=0"));
    String cached = body(stage, request);

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(cached).isEqualTo("call 1");
    assertThat(cloud.journal().events(CacheLookup.class))
        .extracting(CacheLookup::outcome)
        .contains(CacheOutcome.INVALIDATION_REFUSED);
  }

  private Stage compressedStage(Integer minimumSize) {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("big")
                .handler(
                    (RequestStreamHandler)
                        (in, out, ctx) -> {
                          String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                          String requestBody =
                              new com.fasterxml.jackson.databind.ObjectMapper()
                                  .readTree(body)
                                  .path("body")
                                  .asText("");
                          String payload = "x".repeat(2000) + requestBody;
                          out.write(
                              ("{\"statusCode\":200,\"body\":\"" + payload + "\"}")
                                  .getBytes(StandardCharsets.UTF_8));
                        }));
    RestApi api =
        cloud
            .apiGateway()
            .createRestApi(RestApiSpec.named("z").minimumCompressionSize(minimumSize));
    api.method("POST", "/z", MethodSpec.of(Integration.lambdaProxy("big")));
    return api.deploy(StageSpec.named("prod"));
  }

  @Test
  void responsesAtLeastTheMinimumSizeAreCompressedAsTheClientPrefers() throws Exception {
    Stage stage = compressedStage(1024);

    ApiResponse gzip = stage.call(ApiRequest.post("/z").header("Accept-Encoding", "gzip, deflate"));
    ApiResponse deflate =
        stage.call(ApiRequest.post("/z").header("Accept-Encoding", "gzip;q=0.5, deflate"));
    ApiResponse identity = stage.call(ApiRequest.post("/z").header("Accept-Encoding", "identity"));
    ApiResponse none = stage.call(ApiRequest.post("/z"));

    assertThat(gzip.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(
            new String(new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes()))
        .isEqualTo("x".repeat(2000));
    assertThat(deflate.header("Content-Encoding")).isEqualTo("deflate");
    assertThat(
            new String(
                new InflaterInputStream(new ByteArrayInputStream(deflate.body())).readAllBytes()))
        .isEqualTo("x".repeat(2000));
    assertThat(identity.header("Content-Encoding")).isNull();
    assertThat(none.header("Content-Encoding")).isNull();
    assertThat(none.bodyAsString()).hasSize(2000);
  }

  @Test
  void smallResponsesAndApisWithoutCompressionStayAsTheyAre() {
    Stage small = compressedStage(100_000);

    ApiResponse response = small.call(ApiRequest.post("/z").header("Accept-Encoding", "gzip"));

    assertThat(response.header("Content-Encoding")).isNull();
  }

  @Test
  void aCompressedRequestBodyIsDecompressedBeforeTheIntegration() throws Exception {
    Stage stage = compressedStage(0);
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write("hello".getBytes(StandardCharsets.UTF_8));
    }

    ApiResponse response =
        stage.call(
            ApiRequest.post("/z")
                .header("Content-Encoding", "gzip")
                .header("Content-Type", "text/plain")
                .body(compressed.toByteArray()));
    ApiResponse unknown =
        stage.call(ApiRequest.post("/z").header("Content-Encoding", "br").body("abc"));

    assertThat(response.bodyAsString()).endsWith("hello");
    assertThat(unknown.statusCode()).isEqualTo(415);
  }
}
