package dev.cloudless.fakes.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.lambda.Cors;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeCloud cloud = FakeCloud.create();

  @AfterEach
  void close() {
    cloud.close();
  }

  private static JsonNode body(ApiResponse response) throws Exception {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return JSON.readTree(response.bodyAsString());
  }

  @Test
  void routesMatchMostSpecificFirstAndDefaultCatchesTheRest() throws Exception {
    Functions.echo(cloud, "echo");
    HttpApi api = cloud.apiGateway().createHttpApi(HttpApiSpec.named("shop"));
    MethodSpec echo = MethodSpec.of(Integration.lambdaProxy("echo"));
    api.route("GET /orders/{id}", echo);
    api.route("ANY /orders/{id}", echo);
    api.route("GET /files/{path+}", echo);
    api.route("$default", echo);
    Stage stage = api.deploy(StageSpec.named("$default"));

    assertThat(body(stage.call(ApiRequest.get("/orders/7"))).get("routeKey").asText())
        .isEqualTo("GET /orders/{id}");
    assertThat(body(stage.call(ApiRequest.delete("/orders/7"))).get("routeKey").asText())
        .isEqualTo("ANY /orders/{id}");
    assertThat(body(stage.call(ApiRequest.get("/files/a/b.txt"))).get("pathParameters"))
        .isEqualTo(JSON.readTree("{\"path\":\"a/b.txt\"}"));
    assertThat(body(stage.call(ApiRequest.get("/elsewhere"))).get("routeKey").asText())
        .isEqualTo("$default");
  }

  @Test
  void withoutARouteTheAnswerIs404NotFound() {
    Functions.echo(cloud, "echo");
    HttpApi api = cloud.apiGateway().createHttpApi(HttpApiSpec.named("shop"));
    api.route("GET /orders", MethodSpec.of(Integration.lambdaProxy("echo")));
    Stage stage = api.deploy(StageSpec.named("$default"));

    ApiResponse response = stage.call(ApiRequest.get("/customers"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Not Found\"}");
    assertThat(response.header("apigw-requestid")).matches("[A-Za-z0-9]{15}=");
  }

  @Test
  void theEventIsPayloadFormat2() throws Exception {
    List<String> events = Functions.echo(cloud, "echo");
    HttpApi api = cloud.apiGateway().createHttpApi(HttpApiSpec.named("shop"));
    api.route("POST /orders/{id}", MethodSpec.of(Integration.lambdaProxy("echo")));
    Stage stage = api.deploy(StageSpec.named("prod").variable("tier", "gold"));

    stage.call(
        ApiRequest.post("/orders/42?status=open&status=paid&note=a%20b")
            .header("Cookie", "session=s1; theme=dark")
            .header("X-Custom", "one")
            .header("X-Custom", "two")
            .header("Content-Type", "application/json")
            .header("User-Agent", "test-agent")
            .body("{\"item\":1}"));

    JsonNode event = JSON.readTree(events.get(0));
    assertThat(event.get("version").asText()).isEqualTo("2.0");
    assertThat(event.get("routeKey").asText()).isEqualTo("POST /orders/{id}");
    // A named stage stays in rawPath and http.path.
    assertThat(event.get("rawPath").asText()).isEqualTo("/prod/orders/42");
    assertThat(event.get("rawQueryString").asText())
        .isEqualTo("status=open&status=paid&note=a%20b");
    assertThat(event.get("cookies"))
        .extracting(JsonNode::asText)
        .containsExactly("session=s1", "theme=dark");
    assertThat(event.get("headers").get("x-custom").asText()).isEqualTo("one,two");
    assertThat(event.get("headers").has("cookie")).isFalse();
    assertThat(event.get("queryStringParameters").get("status").asText()).isEqualTo("open,paid");
    assertThat(event.get("queryStringParameters").get("note").asText()).isEqualTo("a b");
    assertThat(event.get("pathParameters").get("id").asText()).isEqualTo("42");
    assertThat(event.get("stageVariables").get("tier").asText()).isEqualTo("gold");
    assertThat(event.get("body").asText()).isEqualTo("{\"item\":1}");
    assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
    assertThat(event.has("multiValueHeaders")).isFalse();
    JsonNode context = event.get("requestContext");
    assertThat(context.get("http").get("method").asText()).isEqualTo("POST");
    assertThat(context.get("http").get("path").asText()).isEqualTo("/prod/orders/42");
    assertThat(context.get("http").get("userAgent").asText()).isEqualTo("test-agent");
    assertThat(context.get("routeKey").asText()).isEqualTo("POST /orders/{id}");
    assertThat(context.get("stage").asText()).isEqualTo("prod");
    assertThat(context.get("time").asText()).isEqualTo("01/Jan/2025:00:00:00 +0000");
  }

  @Test
  void aResponseWithoutStatusCodeIsInferredAsJson() {
    Functions.returning(cloud, "plain", "{\"ok\":true}");
    Functions.returning(
        cloud,
        "cookies",
        "{\"statusCode\":201,\"cookies\":[\"a=1\",\"b=2\"],\"body\":\"made\",\"unknown\":1}");
    Functions.returning(cloud, "bad", "{\"statusCode\":\"abc\"}");
    HttpApi api = cloud.apiGateway().createHttpApi(HttpApiSpec.named("shop"));
    api.route("GET /plain", MethodSpec.of(Integration.lambdaProxy("plain")));
    api.route("GET /cookies", MethodSpec.of(Integration.lambdaProxy("cookies")));
    api.route("GET /bad", MethodSpec.of(Integration.lambdaProxy("bad")));
    Stage stage = api.deploy(StageSpec.named("$default"));

    ApiResponse plain = stage.call(ApiRequest.get("/plain"));
    ApiResponse cookies = stage.call(ApiRequest.get("/cookies"));
    ApiResponse bad = stage.call(ApiRequest.get("/bad"));

    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.bodyAsString()).isEqualTo("{\"ok\":true}");
    assertThat(plain.header("Content-Type")).isEqualTo("application/json");
    assertThat(cookies.statusCode()).isEqualTo(201);
    assertThat(cookies.headerValues("Set-Cookie")).containsExactly("a=1", "b=2");
    assertThat(cookies.bodyAsString()).isEqualTo("made");
    assertThat(bad.statusCode()).isEqualTo(500);
    assertThat(bad.bodyAsString()).isEqualTo("{\"message\":\"Internal Server Error\"}");
  }

  @Test
  void payloadFormat1IsLenientAboutKeysButNeedsAStatus() throws Exception {
    List<String> events = Functions.echo(cloud, "echo");
    Functions.returning(cloud, "extra", "{\"statusCode\":202,\"extra\":true,\"body\":\"ok\"}");
    Functions.returning(cloud, "nostatus", "{\"body\":\"ok\"}");
    HttpApi api = cloud.apiGateway().createHttpApi(HttpApiSpec.named("shop"));
    api.route(
        "GET /echo", MethodSpec.of(Integration.lambdaProxy("echo").payloadFormatVersion("1.0")));
    api.route(
        "GET /extra", MethodSpec.of(Integration.lambdaProxy("extra").payloadFormatVersion("1.0")));
    api.route(
        "GET /nostatus",
        MethodSpec.of(Integration.lambdaProxy("nostatus").payloadFormatVersion("1.0")));
    Stage stage = api.deploy(StageSpec.named("$default"));

    stage.call(ApiRequest.get("/echo?a=1&a=2"));
    ApiResponse extra = stage.call(ApiRequest.get("/extra"));
    ApiResponse noStatus = stage.call(ApiRequest.get("/nostatus"));

    JsonNode event = JSON.readTree(events.get(0));
    assertThat(event.get("version").asText()).isEqualTo("1.0");
    assertThat(event.get("multiValueQueryStringParameters").get("a"))
        .extracting(JsonNode::asText)
        .containsExactly("1", "2");
    assertThat(extra.statusCode()).isEqualTo(202);
    assertThat(noStatus.statusCode()).isEqualTo(500);
  }

  @Test
  void anIntegrationTimeoutIs503ServiceUnavailable() {
    Functions.returning(cloud, "slow", "{}", Duration.ofSeconds(31));
    HttpApi api = cloud.apiGateway().createHttpApi(HttpApiSpec.named("shop"));
    api.route("GET /slow", MethodSpec.of(Integration.lambdaProxy("slow")));
    Stage stage = api.deploy(StageSpec.named("$default"));
    Instant start = cloud.clock().now();

    ApiResponse response = stage.call(ApiRequest.get("/slow"));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Service Unavailable\"}");
    assertThat(cloud.clock().now()).isEqualTo(start.plusSeconds(29));
  }

  @Test
  void corsPreflightsAreAnsweredByApiGatewayAndItsHeadersWin() {
    Functions.returning(
        cloud,
        "fn",
        "{\"statusCode\":200,\"headers\":{\"Access-Control-Allow-Origin\":\"*\"},\"body\":\"x\"}");
    HttpApi api =
        cloud
            .apiGateway()
            .createHttpApi(
                HttpApiSpec.named("shop")
                    .cors(
                        Cors.allowingOrigins("https://shop.example")
                            .allowMethods("GET", "POST")
                            .maxAge(600)));
    api.route("GET /orders", MethodSpec.of(Integration.lambdaProxy("fn")));
    Stage stage = api.deploy(StageSpec.named("$default"));

    ApiResponse preflight =
        stage.call(
            ApiRequest.of("OPTIONS", "/orders")
                .header("Origin", "https://shop.example")
                .header("Access-Control-Request-Method", "GET"));
    ApiResponse actual =
        stage.call(ApiRequest.get("/orders").header("Origin", "https://shop.example"));

    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("GET,POST");
    assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("600");
    assertThat(actual.headerValues("Access-Control-Allow-Origin"))
        .containsExactly("https://shop.example");
  }

  @Test
  void autoDeployedStagesServeEachChangeAtOnce() {
    Functions.echo(cloud, "echo");
    HttpApi api = cloud.apiGateway().createHttpApi(HttpApiSpec.named("shop"));
    Stage auto = api.deploy(StageSpec.named("$default").autoDeploy(true));
    Stage manual = api.deploy(StageSpec.named("manual"));

    api.route("GET /new", MethodSpec.of(Integration.lambdaProxy("echo")));

    assertThat(auto.call(ApiRequest.get("/new")).statusCode()).isEqualTo(200);
    assertThat(manual.call(ApiRequest.get("/new")).statusCode()).isEqualTo(404);
  }

  @Test
  void httpApisRefuseWhatTheyDoNotHave() {
    HttpApi api = cloud.apiGateway().createHttpApi(HttpApiSpec.named("shop"));

    assertThatThrownBy(() -> api.route("GET /x", MethodSpec.of(Integration.mock())))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageContaining("HTTP APIs support AWS_PROXY and HTTP_PROXY");
    assertThatThrownBy(() -> api.route("/x", MethodSpec.of(Integration.lambdaProxy("f"))))
        .hasMessageContaining("not formatted properly");
    assertThatThrownBy(
            () ->
                api.route(
                    "GET /x", MethodSpec.of(Integration.lambdaProxy("f")).apiKeyRequired(true)))
        .hasMessageContaining("no API keys");
    assertThatThrownBy(() -> api.authorizer(AuthorizerSpec.token("t", "f")))
        .hasMessageContaining("REQUEST Lambda authorizers only");
    assertThatThrownBy(() -> api.deploy(StageSpec.named("prod").cacheCluster("0.5")))
        .hasMessageContaining("no stage cache");
  }
}
