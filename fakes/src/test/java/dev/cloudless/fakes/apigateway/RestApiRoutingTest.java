package dev.cloudless.fakes.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestApiRoutingTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeCloud cloud = FakeCloud.create();

  @AfterEach
  void close() {
    cloud.close();
  }

  /** An API whose every method answers with the event it got. */
  private Stage echoApi() {
    Functions.echo(cloud, "echo");
    RestApi api = cloud.apiGateway().createRestApi(RestApiSpec.named("shop"));
    MethodSpec echo = MethodSpec.of(Integration.lambdaProxy("echo"));
    api.method("GET", "/orders", echo);
    api.method("GET", "/orders/{id}", echo);
    api.method("GET", "/orders/latest", echo);
    api.method("ANY", "/{proxy+}", echo);
    api.method("POST", "/orders/{id}/items/{item+}", echo);
    return api.deploy(StageSpec.named("prod"));
  }

  private static JsonNode event(ApiResponse response) throws Exception {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return JSON.readTree(response.bodyAsString());
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "GET, /orders/latest, /orders/latest",
    "GET, /orders/42, /orders/{id}",
    "GET, /orders, /orders",
    "DELETE, /orders/42, /{proxy+}",
    "GET, /customers/7/history, /{proxy+}",
    "POST, /orders/42/items/a/b, /orders/{id}/items/{item+}",
  })
  void theMostSpecificResourceWinsAndAnyCatchesOtherVerbs(
      String method, String path, String resource) throws Exception {
    Stage stage = echoApi();

    JsonNode event = event(stage.call(ApiRequest.of(method, path)));

    assertThat(event.get("resource").asText()).isEqualTo(resource);
    assertThat(event.get("httpMethod").asText()).isEqualTo(method);
  }

  @Test
  void pathParametersAndAGreedyVariableTakeTheirPartsAsSent() throws Exception {
    Stage stage = echoApi();

    JsonNode items = event(stage.call(ApiRequest.post("/orders/42/items/a/b%2Bc")));
    JsonNode proxy = event(stage.call(ApiRequest.get("/x/test%2Balias@gmail.com/plus/a+b")));

    assertThat(items.get("pathParameters").get("id").asText()).isEqualTo("42");
    assertThat(items.get("pathParameters").get("item").asText()).isEqualTo("a/b%2Bc");
    // Recorded: %2B stays encoded and + stays a plus in path and pathParameters.
    assertThat(proxy.get("pathParameters").get("proxy").asText())
        .isEqualTo("x/test%2Balias@gmail.com/plus/a+b");
    assertThat(proxy.get("path").asText()).isEqualTo("/x/test%2Balias@gmail.com/plus/a+b");
  }

  @Test
  void trailingDoubleAndLeadingSlashesAreTreatedAsRecorded() throws Exception {
    Stage stage = echoApi();
    RestApi api = cloud.apiGateway().restApi(stage.apiId());

    JsonNode trailing = event(api.call(ApiRequest.get("/prod/proxy-value/")));
    JsonNode doubled = event(api.call(ApiRequest.get("/prod/proxy-value//double-slash")));
    JsonNode leading = event(api.call(ApiRequest.get("/prod//proxy-value")));
    JsonNode beforeStage = event(api.call(ApiRequest.get("//prod/proxy-value")));

    assertThat(trailing.get("path").asText()).isEqualTo("/proxy-value/");
    assertThat(trailing.get("pathParameters").get("proxy").asText()).isEqualTo("proxy-value");
    assertThat(doubled.get("pathParameters").get("proxy").asText())
        .isEqualTo("proxy-value//double-slash");
    assertThat(leading.get("path").asText()).isEqualTo("/proxy-value");
    assertThat(leading.get("requestContext").get("path").asText()).isEqualTo("/prod//proxy-value");
    assertThat(beforeStage.get("requestContext").get("path").asText())
        .isEqualTo("/prod/proxy-value");
  }

  @Test
  void aPathWithoutResourceIsRefusedWithMissingAuthenticationToken() {
    Functions.echo(cloud, "echo");
    RestApi api = cloud.apiGateway().createRestApi(RestApiSpec.named("shop"));
    api.method("GET", "/orders", MethodSpec.of(Integration.lambdaProxy("echo")));
    Stage stage = api.deploy(StageSpec.named("prod"));

    ApiResponse noResource = stage.call(ApiRequest.get("/customers"));
    ApiResponse noMethod = stage.call(ApiRequest.post("/orders"));

    for (ApiResponse response : List.of(noResource, noMethod)) {
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.bodyAsString())
          .isEqualTo("{\"message\":\"Missing Authentication Token\"}");
      assertThat(response.header("x-amzn-ErrorType"))
          .isEqualTo("MissingAuthenticationTokenException");
      assertThat(response.header("x-amzn-RequestId")).isNotBlank();
    }
    assertThat(cloud.apiGateway().requests())
        .extracting(ApiGatewayEvent.RequestServed::routeKey, ApiGatewayEvent.RequestServed::detail)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(null, "no route"));
  }

  @Test
  void aGreedyVariableDoesNotMatchTheRoot() {
    Functions.echo(cloud, "echo");
    RestApi api = cloud.apiGateway().createRestApi(RestApiSpec.named("shop"));
    api.method("ANY", "/{proxy+}", MethodSpec.of(Integration.lambdaProxy("echo")));
    Stage stage = api.deploy(StageSpec.named("prod"));

    assertThat(stage.call(ApiRequest.get("/")).statusCode()).isEqualTo(403);
    assertThat(stage.call(ApiRequest.get("/a")).statusCode()).isEqualTo(200);
  }

  @Test
  void anUnknownStageIsForbidden() {
    Stage stage = echoApi();
    RestApi api = cloud.apiGateway().restApi(stage.apiId());

    ApiResponse response = api.call(ApiRequest.get("/staging/orders"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.bodyAsString()).isEqualTo("{\"message\":\"Forbidden\"}");
  }

  @Test
  void changesReachClientsOnlyWhenDeployed() {
    Functions.echo(cloud, "echo");
    RestApi api = cloud.apiGateway().createRestApi(RestApiSpec.named("shop"));
    api.method("GET", "/orders", MethodSpec.of(Integration.lambdaProxy("echo")));
    Stage stage = api.deploy(StageSpec.named("prod"));
    String firstDeployment = stage.deploymentId();

    api.method("GET", "/customers", MethodSpec.of(Integration.lambdaProxy("echo")));
    int before = stage.call(ApiRequest.get("/customers")).statusCode();
    api.deploy(StageSpec.named("prod"));
    int after = stage.call(ApiRequest.get("/customers")).statusCode();

    assertThat(before).isEqualTo(403);
    assertThat(after).isEqualTo(200);
    assertThat(stage.deploymentId()).isNotEqualTo(firstDeployment);
    assertThat(cloud.journal().events(ApiGatewayEvent.StageDeployed.class)).hasSize(2);
  }

  @Test
  void stageVariablesReachTheEventAndChooseTheFunction() throws Exception {
    Functions.echo(cloud, "echo-blue");
    RestApi api = cloud.apiGateway().createRestApi(RestApiSpec.named("shop"));
    api.method(
        "GET",
        "/color",
        MethodSpec.of(
            Integration.lambdaProxy(
                "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                    + "arn:aws:lambda:us-east-1:000000000000:function:echo-${stageVariables.color}"
                    + "/invocations")));
    Stage stage = api.deploy(StageSpec.named("prod").variable("color", "blue"));

    JsonNode event = event(stage.call(ApiRequest.get("/color")));

    assertThat(event.get("stageVariables").get("color").asText()).isEqualTo("blue");
  }

  @Test
  void invalidResourcePathsAndUrisAreRefusedAsAwsRefusesThem() {
    RestApi api = cloud.apiGateway().createRestApi(RestApiSpec.named("shop"));
    MethodSpec any = MethodSpec.of(Integration.mock());
    api.method("GET", "/orders/{id}", any);

    assertThatThrownBy(() -> api.method("GET", "/orders/{orderId}/x", any))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageContaining("A sibling ({id}) of this resource already has a variable path part");
    assertThatThrownBy(() -> api.method("GET", "/{proxy+}/x", any))
        .hasMessageContaining("must be the last part");
    assertThatThrownBy(() -> api.method("FETCH", "/x", any))
        .hasMessageContaining("Invalid HTTP method [FETCH]");
    // Recorded messages (test_put_integration_aws_proxy_uri).
    assertThatThrownBy(() -> Integration.lambdaProxy("arn:aws:apigateway:us-east-1:lambda:fn"))
        .isInstanceOf(AwsServiceException.class)
        .hasMessage("AWS ARN for integration must contain path or action");
    assertThatThrownBy(
            () -> Integration.lambdaProxy("arn:aws:apigateway:us-east-1:s3:path/bucket/key"))
        .hasMessage(
            "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose"
                + " stream invocations.");
    assertThatThrownBy(() -> Integration.lambdaProxy("arn:aws"))
        .hasMessage("Invalid ARN specified in the request");
    assertThatThrownBy(() -> cloud.apiGateway().restApi("nope"))
        .isInstanceOf(AwsServiceException.class)
        .extracting(e -> ((AwsServiceException) e).errorCode())
        .isEqualTo("NotFoundException");
  }
}
