package dev.cloudless.fakes.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.lambda.FunctionSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenApiImportTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeCloud cloud = FakeCloud.create();

  @AfterEach
  void close() {
    cloud.close();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in =
        OpenApiImportTest.class.getResourceAsStream("/apigateway/openapi/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void anOpenApi3DocumentWithAwsExtensionsBecomesARestApi() throws Exception {
    Functions.returning(cloud, "get-order", "{\"statusCode\":200,\"body\":\"order\"}");
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

    RestApi api = cloud.apiGateway().importRestApi(resource("orders-openapi3.yaml"));
    Stage stage = api.deploy(StageSpec.named("prod"));

    assertThat(api.name()).isEqualTo("orders");
    assertThat(api.spec().binaryMediaTypes()).containsExactly("image/png");
    assertThat(api.spec().minimumCompressionSize()).isEqualTo(1024);
    ApiResponse noToken = stage.call(ApiRequest.get("/orders/1"));
    ApiResponse badToken = stage.call(ApiRequest.get("/orders/1").header("Authorization", "x"));
    ApiResponse order =
        stage.call(ApiRequest.get("/orders/1").header("Authorization", "Bearer abc"));
    ApiResponse created = stage.call(ApiRequest.post("/orders"));
    ApiResponse other = stage.call(ApiRequest.of("PATCH", "/somewhere/else"));

    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(badToken.statusCode()).isEqualTo(401);
    assertThat(order.statusCode()).isEqualTo(200);
    assertThat(order.bodyAsString()).isEqualTo("order");
    // An operation without an integration answers its example, $ and all.
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(created.bodyAsString()))
        .isEqualTo(JSON.readTree("{\"orderId\":\"o-1\",\"status\":\"$pending\"}"));
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.bodyAsString()).isEqualTo("{\"message\": \"no such thing: somewhere/else\"}");
    assertThat(cloud.journal().events(ApiGatewayEvent.AuthorizerDecided.class))
        .extracting(ApiGatewayEvent.AuthorizerDecided::authorizer)
        .containsOnly("token-auth");
  }

  @Test
  void theImportedTimeoutAndTtlAreKept() {
    Functions.returning(cloud, "get-order", "{\"statusCode\":200}", Duration.ofSeconds(11));
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
    RestApi api;
    try {
      api = cloud.apiGateway().importRestApi(resource("orders-openapi3.yaml"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    Stage stage = api.deploy(StageSpec.named("prod"));

    ApiResponse response =
        stage.call(ApiRequest.get("/orders/1").header("Authorization", "Bearer abc"));

    assertThat(response.statusCode()).as("timeoutInMillis 10000").isEqualTo(504);
  }

  @Test
  void aSwagger2DocumentIsImportedWithItsExamplesAndValidator() throws Exception {
    RestApi api = cloud.apiGateway().importRestApi(resource("pets-swagger2.json"));
    Stage stage = api.deploy(StageSpec.named("test"));

    ApiResponse pets = stage.call(ApiRequest.get("/pets?type=dog"));
    ApiResponse missing = stage.call(ApiRequest.get("/pets"));

    assertThat(pets.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(pets.bodyAsString()))
        .isEqualTo(JSON.readTree("[{\"id\":1,\"name\":\"Rex\"}]"));
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.bodyAsString())
        .isEqualTo("{\"message\": \"Missing required request parameters: [type]\"}");
  }

  @Test
  void anHttpApiIsImportedWithPayloadFormat2() throws Exception {
    java.util.List<String> events = Functions.echo(cloud, "echo");
    String document =
        "openapi: 3.0.1\n"
            + "info: {title: shop, version: '1'}\n"
            + "paths:\n"
            + "  /items/{id}:\n"
            + "    get:\n"
            + "      x-amazon-apigateway-integration:\n"
            + "        type: aws_proxy\n"
            + "        httpMethod: POST\n"
            + "        uri: echo\n"
            + "        payloadFormatVersion: '2.0'\n";

    HttpApi api = cloud.apiGateway().importHttpApi(document);
    Stage stage = api.deploy(StageSpec.named("$default"));
    stage.call(ApiRequest.get("/items/9"));

    JsonNode event = JSON.readTree(events.get(0));
    assertThat(event.get("version").asText()).isEqualTo("2.0");
    assertThat(event.get("routeKey").asText()).isEqualTo("GET /items/{id}");
  }

  @Test
  void openApi31AndOtherDocumentsAreRefusedAsAwsRefusesThem() {
    String openApi31 = "openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths: {}\n";

    assertThatThrownBy(() -> cloud.apiGateway().importRestApi(openApi31))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageStartingWith("Invalid OpenAPI input.")
        .hasMessageContaining("openapi 3.1.0")
        .extracting(e -> ((AwsServiceException) e).errorCode())
        .isEqualTo("BadRequestException");
    assertThatThrownBy(() -> cloud.apiGateway().importRestApi("{not json"))
        .hasMessageStartingWith("Invalid OpenAPI input.");
    assertThatThrownBy(() -> cloud.apiGateway().importRestApi("title: no version"))
        .hasMessageStartingWith("Invalid OpenAPI input.");
  }
}
