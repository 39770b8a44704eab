package dev.cloudless.fakes.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.lambda.FunctionSpec;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The REST Lambda proxy integration, checked against the events and responses recorded on AWS
 * (src/test/resources/apigateway, copied from shared/conformance/recorded/apigateway).
 */
class LambdaProxyRestTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeCloud cloud = FakeCloud.create();

  @AfterEach
  void close() {
    cloud.close();
  }

  private static JsonNode recorded(String key) throws Exception {
    try (InputStream in =
        LambdaProxyRestTest.class.getResourceAsStream(
            "/apigateway/test_apigateway_lambda.test_lambda_aws_proxy_integration.json")) {
      return JSON.readTree(in).get("recorded_content").get(key);
    }
  }

  private Stage proxyStage(String function) {
    RestApi api = cloud.apiGateway().createRestApi(RestApiSpec.named("proxy"));
    api.method("ANY", "/{proxy+}", MethodSpec.of(Integration.lambdaProxy(function)));
    api.method("GET", "/hardcoded", MethodSpec.of(Integration.lambdaProxy(function)));
    return api.deploy(StageSpec.named("stage"));
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void theEventHasTheRecordedShapeWithNullsForAbsentMaps() throws Exception {
    List<String> events = Functions.echo(cloud, "echo");
    Stage stage = proxyStage("echo");

    stage.call(ApiRequest.get("/proxy-value").header("tEsT-HEADeR", "aValUE"));
    stage.call(ApiRequest.get("/hardcoded"));

    JsonNode expected = recorded("invocation-payload-without-trailing-slash");
    JsonNode event = JSON.readTree(events.get(0));
    assertThat(keys(event)).containsExactlyInAnyOrderElementsOf(keys(expected));
    assertThat(keys(event.get("requestContext")))
        .containsExactlyInAnyOrderElementsOf(keys(expected.get("requestContext")));
    assertThat(keys(event.get("requestContext").get("identity")))
        .containsExactlyInAnyOrderElementsOf(keys(expected.get("requestContext").get("identity")));
    for (String absent :
        List.of(
            "body", "stageVariables", "queryStringParameters", "multiValueQueryStringParameters")) {
      assertThat(event.get(absent).isNull()).as(absent).isTrue();
    }
    assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
    assertThat(event.get("headers").get("tEsT-HEADeR").asText()).isEqualTo("aValUE");
    assertThat(event.get("multiValueHeaders").get("tEsT-HEADeR"))
        .extracting(JsonNode::asText)
        .containsExactly("aValUE");
    JsonNode context = event.get("requestContext");
    assertThat(context.get("path").asText()).isEqualTo("/stage/proxy-value");
    assertThat(context.get("resourcePath").asText()).isEqualTo("/{proxy+}");
    assertThat(context.get("stage").asText()).isEqualTo("stage");
    assertThat(context.get("accountId").asText()).isEqualTo(cloud.accountId());
    assertThat(context.get("requestTimeEpoch").asLong())
        .isEqualTo(FakeCloud.DEFAULT_START.toEpochMilli());
    assertThat(context.get("requestTime").asText()).isEqualTo("01/Jan/2025:00:00:00 +0000");
    assertThat(context.get("domainName").asText())
        .isEqualTo(context.get("apiId").asText() + ".execute-api.us-east-1.amazonaws.com");
    assertThat(event.get("headers").get("X-Amzn-Trace-Id").asText()).startsWith("Root=1-");

    JsonNode hardcoded = JSON.readTree(events.get(1));
    assertThat(hardcoded.get("pathParameters").isNull()).isTrue();
    assertThat(hardcoded.get("requestContext").get("resourceId").asText())
        .isNotEqualTo(context.get("resourceId").asText());
  }

  @Test
  void queryStringsAreDecodedAndARepeatedKeyKeepsItsLastValue() throws Exception {
    List<String> events = Functions.echo(cloud, "echo");
    Stage stage = proxyStage("echo");

    stage.call(
        ApiRequest.post(
                "/proxy-value?category=electronics&category=books&price=10&price=20&price=30")
            .header("Content-Type", "application/json;charset=utf-8")
            .body("{\"message\": \"hello world\"}"));
    stage.call(
        ApiRequest.get(
            "/proxy-value/api?dateTimeOffset=2023-06-12T18:05:10.123456+00:00"
                + "&email=test%2Balias@gmail.com&plus=test+alias@gmail.com"
                + "&url=https://www.google.com/&whitespace=foo%20bar&zhash=abort/"));

    JsonNode multi = JSON.readTree(events.get(0));
    JsonNode expectedMulti = recorded("invocation-payload-with-params-encoding-multi");
    assertThat(multi.get("queryStringParameters"))
        .isEqualTo(expectedMulti.get("queryStringParameters"));
    assertThat(multi.get("multiValueQueryStringParameters"))
        .isEqualTo(expectedMulti.get("multiValueQueryStringParameters"));
    assertThat(multi.get("body").asText()).isEqualTo("{\"message\": \"hello world\"}");
    JsonNode encoding = JSON.readTree(events.get(1));
    JsonNode expectedEncoding = recorded("invocation-payload-with-params-encoding");
    assertThat(encoding.get("queryStringParameters"))
        .isEqualTo(expectedEncoding.get("queryStringParameters"));
    assertThat(encoding.get("pathParameters")).isEqualTo(expectedEncoding.get("pathParameters"));
  }

  /** Recorded: test_aws_proxy_response_payload_format_validation. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"statusCode\":\"201\"}|201|",
        "{\"headers\":{\"test-header\":\"value\",\"header-bool\":true}}|200|",
        "{\"statusCode\":200,\"headers\":null}|200|",
        "{\"statusCode\":200,\"wrongValue\":\"value\"}|502|{\"message\": \"Internal server error\"}",
        "{}|502|{\"message\": \"Internal server error\"}",
        "\"justAString\"|502|{\"message\": \"Internal server error\"}",
        "{\"statusCode\":\"test\"}|502|{\"message\": \"Internal server error\"}",
        "{\"statusCode\":200,\"multiValueHeaders\":{\"a\":\"b\"}}|502|{\"message\": \"Internal server error\"}",
        "{\"statusCode\":200,\"body\":\"dGVzdC1kYXRh\",\"isBase64Encoded\":true}|200|dGVzdC1kYXRh",
      })
  void theFunctionsResponseIsValidatedAsRecorded(String result, int status, String body) {
    Functions.returning(cloud, "fn", result);
    Stage stage = proxyStage("fn");

    ApiResponse response = stage.call(ApiRequest.get("/x"));

    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.bodyAsString()).isEqualTo(body == null ? "" : body);
    assertThat(response.header("Content-Type")).isEqualTo("application/json");
    assertThat(response.header("x-amzn-RequestId")).isNotBlank();
    assertThat(response.header("x-amz-apigw-id")).matches("[A-Za-z0-9]{15}=");
    assertThat(response.header("X-Amzn-Trace-Id")).startsWith("Root=1-");
  }

  @Test
  void headersAndMultiValueHeadersAreMergedAsRecorded() {
    Functions.returning(
        cloud,
        "fn",
        "{\"statusCode\":200,\"headers\":{\"test-multi\":\"value-solo\"},"
            + "\"multiValueHeaders\":{\"tesT-Multi\":[\"value-multi\"]}}");
    Stage stage = proxyStage("fn");

    ApiResponse response = stage.call(ApiRequest.get("/x"));

    assertThat(response.headers())
        .filteredOn(h -> h.name().equalsIgnoreCase("test-multi"))
        .containsExactly(
            new Header("tesT-Multi", "value-multi"), new Header("tesT-Multi", "value-solo"));
  }

  @Test
  void aBase64BodyIsDecodedWhenTheClientAcceptsABinaryMediaType() {
    String png = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    Functions.returning(
        cloud,
        "image",
        "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"image/png\"},\"body\":\""
            + png
            + "\",\"isBase64Encoded\":true}");
    RestApi api =
        cloud.apiGateway().createRestApi(RestApiSpec.named("img").binaryMediaTypes("image/*"));
    api.method("GET", "/logo", MethodSpec.of(Integration.lambdaProxy("image")));
    Stage stage = api.deploy(StageSpec.named("prod"));

    ApiResponse binary = stage.call(ApiRequest.get("/logo").header("Accept", "image/png"));
    ApiResponse text = stage.call(ApiRequest.get("/logo").header("Accept", "application/json"));

    assertThat(binary.body()).containsExactly((byte) 0x89, 'P', 'N', 'G');
    assertThat(text.bodyAsString()).isEqualTo(png);
  }

  @Test
  void aBinaryRequestBodyReachesTheFunctionInBase64() throws Exception {
    List<String> events = Functions.echo(cloud, "echo");
    RestApi api =
        cloud.apiGateway().createRestApi(RestApiSpec.named("img").binaryMediaTypes("image/png"));
    api.method("POST", "/upload", MethodSpec.of(Integration.lambdaProxy("echo")));
    Stage stage = api.deploy(StageSpec.named("prod"));

    stage.call(
        ApiRequest.post("/upload").header("Content-Type", "image/png").body(new byte[] {1, 2, 3}));

    JsonNode event = JSON.readTree(events.get(0));
    assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
    assertThat(event.get("body").asText()).isEqualTo("AQID");
  }

  @Test
  void aFunctionErrorIsA502() {
    Functions.failing(cloud, "boom", new IllegalStateException("broken"));
    Stage stage = proxyStage("boom");

    ApiResponse response = stage.call(ApiRequest.get("/x"));

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.bodyAsString()).isEqualTo("{\"message\": \"Internal server error\"}");
    assertThat(stage.requests())
        .singleElement()
        .satisfies(r -> assertThat(r.detail()).contains("IllegalStateException"));
  }

  @Test
  void aCallByTheTestWaitsForTheFunctionOnTheVirtualClock() {
    Functions.returning(cloud, "slow", "{\"statusCode\":200}", Duration.ofSeconds(2));
    Stage stage = proxyStage("slow");
    Instant start = cloud.clock().now();

    ApiResponse response = stage.call(ApiRequest.get("/x"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(cloud.clock().now()).isEqualTo(start.plusSeconds(2));
    assertThat(stage.requests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.latency()).isEqualTo(Duration.ofSeconds(2));
              assertThat(r.routeKey()).isEqualTo("ANY /{proxy+}");
              assertThat(r.integrationType()).isEqualTo(IntegrationType.AWS_PROXY);
            });
  }

  @Test
  void anIntegrationLongerThan29SecondsTimesOutWith504AtTheTimeout() {
    Functions.returning(cloud, "slow", "{\"statusCode\":200}", Duration.ofSeconds(40));
    Stage stage = proxyStage("slow");
    Instant start = cloud.clock().now();

    ApiResponse response = stage.call(ApiRequest.get("/x"));

    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(response.bodyAsString()).isEqualTo("{\"message\": \"Endpoint request timed out\"}");
    assertThat(cloud.clock().now()).isEqualTo(start.plusSeconds(29));
  }

  @Test
  void theTimeoutIsConfigurable() {
    Functions.returning(cloud, "slow", "{\"statusCode\":200}", Duration.ofSeconds(6));
    RestApi api = cloud.apiGateway().createRestApi(RestApiSpec.named("t"));
    api.method(
        "GET", "/x", MethodSpec.of(Integration.lambdaProxy("slow").timeout(Duration.ofSeconds(5))));
    Stage stage = api.deploy(StageSpec.named("prod"));
    Instant start = cloud.clock().now();

    assertThat(stage.call(ApiRequest.get("/x")).statusCode()).isEqualTo(504);
    assertThat(cloud.clock().now()).isEqualTo(start.plusSeconds(5));
  }

  @Test
  void aThrottledOrMissingFunctionIsA500() {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("none")
                .reservedConcurrency(0)
                .handler(
                    (com.amazonaws.services.lambda.runtime.RequestStreamHandler)
                        (in, out, ctx) -> out.write("{}".getBytes(StandardCharsets.UTF_8))));
    RestApi api = cloud.apiGateway().createRestApi(RestApiSpec.named("t"));
    api.method("GET", "/throttled", MethodSpec.of(Integration.lambdaProxy("none")));
    api.method("GET", "/missing", MethodSpec.of(Integration.lambdaProxy("nobody")));
    Stage stage = api.deploy(StageSpec.named("prod"));

    ApiResponse throttled = stage.call(ApiRequest.get("/throttled"));
    ApiResponse missing = stage.call(ApiRequest.get("/missing"));

    assertThat(throttled.statusCode()).isEqualTo(500);
    assertThat(missing.statusCode()).isEqualTo(500);
    assertThat(stage.requests())
        .extracting(ApiGatewayEvent.RequestServed::detail)
        .anySatisfy(d -> assertThat(d).contains("TooManyRequestsException"))
        .anySatisfy(d -> assertThat(d).contains("ResourceNotFoundException"));
  }
}
