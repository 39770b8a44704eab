package dev.cloudless.fakes.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudless.fakes.FakeCloud;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Mock and Lambda custom integrations with VTL mapping templates (Apache Velocity). */
class MappingTemplatesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeCloud cloud = FakeCloud.create();

  @AfterEach
  void close() {
    cloud.close();
  }

  private Stage deploy(String method, String path, Integration integration) {
    RestApi api = cloud.apiGateway().createRestApi(RestApiSpec.named("t"));
    api.method(method, path, MethodSpec.of(integration));
    return api.deploy(StageSpec.named("prod").variable("env", "test"));
  }

  /**
   * A REST API has no CORS setting: the console's "Enable CORS" writes an OPTIONS method with a
   * mock integration whose response sets the headers, and a proxy integration's function must set
   * them itself. (developer guide, how-to-cors.md)
   */
  @Test
  void restCorsIsAnOptionsMockSettingTheHeadersAsConfiguredAndProxyFunctionsSetTheirOwn() {
    Functions.returning(cloud, "orders", "{\"statusCode\":200,\"body\":\"[]\"}");
    RestApi api = cloud.apiGateway().createRestApi(RestApiSpec.named("shop"));
    api.method("GET", "/orders", MethodSpec.of(Integration.lambdaProxy("orders")));
    api.method(
        "OPTIONS",
        "/orders",
        MethodSpec.of(
            Integration.mock()
                .requestTemplate("application/json", "{\"statusCode\": 200}")
                .response(
                    IntegrationResponse.of("200")
                        .header("Access-Control-Allow-Origin", "'https://shop.example'")
                        .header("Access-Control-Allow-Methods", "'GET,OPTIONS'")
                        .header("Access-Control-Allow-Headers", "'Content-Type,Authorization'"))));
    Stage stage = api.deploy(StageSpec.named("prod"));

    ApiResponse preflight =
        stage.call(
            ApiRequest.of("OPTIONS", "/orders")
                .header("Origin", "https://shop.example")
                .header("Access-Control-Request-Method", "GET"));
    ApiResponse get =
        stage.call(ApiRequest.get("/orders").header("Origin", "https://shop.example"));
    ApiResponse preflightElsewhere = stage.call(ApiRequest.of("OPTIONS", "/customers"));

    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
    assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("GET,OPTIONS");
    assertThat(preflight.header("Access-Control-Allow-Headers"))
        .isEqualTo("Content-Type,Authorization");
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.header("Access-Control-Allow-Origin")).isNull();
    assertThat(preflightElsewhere.statusCode()).isEqualTo(403);
  }

  @Test
  void aMocksRequestTemplateChoosesTheStatusAndTheResponseTemplateTheBody() {
    Stage stage =
        deploy(
            "GET",
            "/pets/{id}",
            Integration.mock()
                .requestTemplate(
                    "application/json",
                    "#if($input.params('scope') == \"internal\"){\"statusCode\": 200}"
                        + "#else{\"statusCode\": 403}#end")
                .response(
                    IntegrationResponse.of("200")
                        .template(
                            "application/json",
                            "{\"id\": \"$input.params('id')\", \"stage\": \"$context.stage\","
                                + " \"env\": \"$stageVariables.env\"}")
                        .header("X-Mock", "'yes'"))
                .response(
                    IntegrationResponse.of("403")
                        .selectionPattern("403")
                        .template("application/json", "{\"error\": \"not for you\"}")));

    ApiResponse internal = stage.call(ApiRequest.get("/pets/7?scope=internal"));
    ApiResponse external = stage.call(ApiRequest.get("/pets/7"));

    assertThat(internal.statusCode()).isEqualTo(200);
    assertThat(internal.bodyAsString())
        .isEqualTo("{\"id\": \"7\", \"stage\": \"prod\", \"env\": \"test\"}");
    assertThat(internal.header("X-Mock")).isEqualTo("yes");
    assertThat(external.statusCode()).isEqualTo(403);
    assertThat(external.bodyAsString()).isEqualTo("{\"error\": \"not for you\"}");
    assertThat(stage.requests())
        .extracting(ApiGatewayEvent.RequestServed::integrationType)
        .containsOnly(IntegrationType.MOCK);
  }

  @Test
  void aLambdaCustomIntegrationGetsTheTemplatedPayloadAsRecorded() throws Exception {
    List<String> events = Functions.echoRaw(cloud, "raw");
    Stage stage =
        deploy(
            "GET",
            "/test",
            Integration.lambda("raw")
                .requestTemplate("application/json", "{\"param1\": \"$input.params('param1')\"}")
                .response(IntegrationResponse.of("200").selectionPattern("")));

    ApiResponse response = stage.call(ApiRequest.get("/test?param1=foobar"));

    // Recorded (test_lambda_aws_integration_with_request_template): {"param1": "foobar"}.
    assertThat(JSON.readTree(events.get(0))).isEqualTo(JSON.readTree("{\"param1\":\"foobar\"}"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.bodyAsString()))
        .isEqualTo(JSON.readTree("{\"param1\":\"foobar\"}"));
  }

  /** Recorded: test_lambda_selection_patterns. */
  @Test
  void selectionPatternsMatchTheLambdaErrorMessage() throws Exception {
    cloud
        .lambda()
        .create(
            dev.cloudless.fakes.lambda.FunctionSpec.named("select")
                .handler(
                    (com.amazonaws.services.lambda.runtime.RequestStreamHandler)
                        (in, out, ctx) -> {
                          String status = JSON.readTree(in).path("status").asText();
                          switch (status) {
                            case "400" ->
                                throw new IllegalArgumentException(
                                    "Error: Raising four hundred from within the Lambda function");
                            case "500" ->
                                throw new IllegalStateException(
                                    "Error: Raising five hundred from within the Lambda function");
                            case "418" -> throw new IllegalStateException("teapot");
                            default -> out.write("\"Pass\"".getBytes());
                          }
                        }));
    Stage stage =
        deploy(
            "POST",
            "/select",
            Integration.lambda("select")
                .response(IntegrationResponse.of("200"))
                .response(
                    IntegrationResponse.of("400")
                        .selectionPattern(".*four hundred.*")
                        .template("application/json", "$input.path('$.errorMessage')"))
                .response(IntegrationResponse.of("500").selectionPattern(".*five hundred.*")));

    ApiResponse ok = stage.call(ApiRequest.post("/select").body("{\"status\":\"200\"}"));
    ApiResponse four = stage.call(ApiRequest.post("/select").body("{\"status\":\"400\"}"));
    ApiResponse five = stage.call(ApiRequest.post("/select").body("{\"status\":\"500\"}"));
    ApiResponse unmatched = stage.call(ApiRequest.post("/select").body("{\"status\":\"418\"}"));

    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.bodyAsString()).isEqualTo("\"Pass\"");
    assertThat(four.statusCode()).isEqualTo(400);
    assertThat(four.bodyAsString())
        .isEqualTo("Error: Raising four hundred from within the Lambda function");
    assertThat(five.statusCode()).isEqualTo(500);
    assertThat(JSON.readTree(five.bodyAsString()).get("errorMessage").asText())
        .isEqualTo("Error: Raising five hundred from within the Lambda function");
    // No pattern matches: the default response, so a Lambda error comes back as 200.
    assertThat(unmatched.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(unmatched.bodyAsString()).get("errorMessage").asText())
        .isEqualTo("teapot");
  }

  /** Recorded: test_lambda_aws_integration_response_with_mapping_templates. */
  @Test
  void aResponseTemplateCanOverrideTheStatus() {
    Functions.returning(cloud, "fn", "{\"body\":\"customerror\",\"statusCode\":200}");
    Stage stage =
        deploy(
            "POST",
            "/x",
            Integration.lambda("fn")
                .response(
                    IntegrationResponse.of("200")
                        .template(
                            "application/json",
                            "#set($body = $input.path('$.body'))"
                                + "#if($body == \"customerror\")"
                                + "#set($context.responseOverride.status = 400)"
                                + "#set($context.responseOverride.header.XWhy = \"custom\")"
                                + "#{else}#set($context.responseOverride.status = 202)#end"
                                + "$input.json('$')")));

    ApiResponse response = stage.call(ApiRequest.post("/x"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.header("XWhy")).isEqualTo("custom");
    assertThat(response.bodyAsString()).isEqualTo("{\"body\":\"customerror\",\"statusCode\":200}");
  }

  @Test
  void utilAndContextVariablesWorkAsDocumented() throws Exception {
    Stage stage =
        deploy(
            "POST",
            "/u",
            Integration.mock()
                .requestTemplate("application/json", "{\"statusCode\": 200}")
                .response(
                    IntegrationResponse.of("200")
                        .template(
                            "application/json",
                            "#set($in = $util.parseJson($input.params('data')))"
                                + "{\"escaped\": \"$util.escapeJavaScript($input.params('text'))\","
                                + " \"b64\": \"$util.base64Encode('hi')\","
                                + " \"url\": \"$util.urlEncode('a b&c')\","
                                + " \"parsed\": $in.n,"
                                + " \"requestId\": \"$context.requestId\","
                                + " \"method\": \"$context.httpMethod\","
                                + " \"all\": \"$util.escapeJavaScript($input.params().querystring.text)\","
                                + " \"items\": [#foreach($i in [1..3])$i#if($foreach.hasNext),#end#end]}")));

    ApiResponse response =
        stage.call(
            ApiRequest.post("/u?text=say%20%22hi%22%2Fbye&data=%7B%22n%22%3A5%7D")
                .header("Content-Type", "application/json"));

    JsonNode body = JSON.readTree(response.bodyAsString());
    assertThat(body.get("escaped").asText()).isEqualTo("say \"hi\"/bye");
    assertThat(body.get("b64").asText()).isEqualTo("aGk=");
    assertThat(body.get("url").asText()).isEqualTo("a+b%26c");
    assertThat(body.get("parsed").asInt()).isEqualTo(5);
    assertThat(body.get("requestId").asText()).isEqualTo(response.header("x-amzn-RequestId"));
    assertThat(body.get("method").asText()).isEqualTo("POST");
    assertThat(body.get("all").asText()).isEqualTo("say \"hi\"/bye");
    assertThat(body.get("items")).extracting(JsonNode::asInt).containsExactly(1, 2, 3);
  }

  @Test
  void escapeJavaScriptEscapesASingleQuoteAsJavaScriptDoes() {
    Stage stage =
        deploy(
            "GET",
            "/e",
            Integration.mock()
                .requestTemplate("application/json", "{\"statusCode\": 200}")
                .response(
                    IntegrationResponse.of("200")
                        .template("text/plain", "$util.escapeJavaScript($input.params('t'))")));

    ApiResponse response = stage.call(ApiRequest.get("/e?t=it%27s%0A%C3%A9"));

    // Not valid JSON inside a JSON string: AWS's templates have the same trap.
    assertThat(response.bodyAsString()).isEqualTo("it\\'s\\n\\u00E9");
    assertThat(response.header("Content-Type")).isEqualTo("text/plain");
  }

  @Test
  void passthroughNeverRefusesAnUnmatchedContentTypeWith415() {
    Functions.returning(cloud, "fn", "{}");
    Stage stage =
        deploy(
            "POST",
            "/x",
            Integration.lambda("fn")
                .requestTemplate("application/json", "{}")
                .passthroughBehavior(PassthroughBehavior.NEVER)
                .response(IntegrationResponse.of("200")));

    ApiResponse xml = stage.call(ApiRequest.post("/x").header("Content-Type", "application/xml"));
    ApiResponse json = stage.call(ApiRequest.post("/x").header("Content-Type", "application/json"));

    assertThat(xml.statusCode()).isEqualTo(415);
    assertThat(xml.bodyAsString()).isEqualTo("{\"message\": \"Unsupported Media Type\"}");
    assertThat(json.statusCode()).isEqualTo(200);
  }

  @Test
  void withoutADefaultOrAMatchTheAnswerIs500() {
    Stage stage =
        deploy(
            "GET",
            "/x",
            Integration.mock()
                .requestTemplate("application/json", "{\"statusCode\": 404}")
                .response(IntegrationResponse.of("200").selectionPattern("2\\d\\d")));

    ApiResponse response = stage.call(ApiRequest.get("/x"));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.bodyAsString()).isEqualTo("{\"message\": \"Internal server error\"}");
  }
}
