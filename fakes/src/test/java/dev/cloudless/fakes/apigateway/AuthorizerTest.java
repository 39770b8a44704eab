package dev.cloudless.fakes.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.apigateway.ApiGatewayEvent.AuthorizerDecided;
import dev.cloudless.fakes.apigateway.ApiGatewayEvent.AuthorizerOutcome;
import dev.cloudless.fakes.lambda.FunctionSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthorizerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeCloud cloud = FakeCloud.create();
  private final List<JsonNode> authorizerEvents = new ArrayList<>();
  private List<String> backendEvents;

  @AfterEach
  void close() {
    cloud.close();
  }

  /**
   * An authorizer whose decision the token names: {@code allow[:resource]}, {@code deny}, {@code
   * unauthorized}, {@code boom}, {@code badpolicy}, {@code object-context}.
   */
  private void tokenAuthorizer() {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("auth")
                .handler(
                    (RequestStreamHandler)
                        (in, out, ctx) -> {
                          JsonNode event = JSON.readTree(in);
                          synchronized (authorizerEvents) {
                            authorizerEvents.add(event);
                          }
                          String token =
                              event.has("authorizationToken")
                                  ? event.get("authorizationToken").asText()
                                  : event.path("headers").path("X-Token").asText();
                          String answer = answer(token, event.get("methodArn").asText());
                          out.write(answer.getBytes(StandardCharsets.UTF_8));
                        }));
  }

  private static String answer(String token, String methodArn) {
    if (token.equals("unauthorized")) {
      throw new IllegalStateException("Unauthorized");
    }
    if (token.equals("boom")) {
      throw new IllegalStateException("database down");
    }
    if (token.equals("badpolicy")) {
      return "{\"principalId\":\"u\",\"policyDocument\":{\"Version\":\"2012-10-17\"}}";
    }
    String effect = token.startsWith("deny") ? "Deny" : "Allow";
    String resource = token.startsWith("allow:") ? token.substring(6) : methodArn;
    String context =
        token.equals("object-context")
            ? "{\"nested\":{\"a\":1}}"
            : "{\"tenant\":\"t-1\",\"level\":3,\"admin\":true}";
    return "{\"principalId\":\"user-7\",\"policyDocument\":{\"Version\":\"2012-10-17\","
        + "\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\""
        + effect
        + "\",\"Resource\":\""
        + resource
        + "\"}]},\"context\":"
        + context
        + "}";
  }

  private Stage restApi(AuthorizerSpec authorizer) {
    tokenAuthorizer();
    backendEvents = Functions.echo(cloud, "backend");
    RestApi api = cloud.apiGateway().createRestApi(RestApiSpec.named("secure"));
    api.authorizer(authorizer);
    MethodSpec guarded = MethodSpec.of(Integration.lambdaProxy("backend")).authorizer("auth");
    api.method("GET", "/orders/{id}", guarded);
    api.method("GET", "/customers", guarded);
    return api.deploy(StageSpec.named("prod"));
  }

  private ApiResponse get(Stage stage, String path, String token) {
    ApiRequest request = ApiRequest.get(path);
    return stage.call(token == null ? request : request.header("Authorization", token));
  }

  private List<AuthorizerDecided> decisions() {
    return cloud.journal().events(AuthorizerDecided.class);
  }

  @Test
  void anAllowedRequestCarriesThePrincipalAndContextToTheIntegration() throws Exception {
    Stage stage = restApi(AuthorizerSpec.token("auth", "auth"));

    ApiResponse response = get(stage, "/orders/1", "allow");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode event = authorizerEvents.get(0);
    assertThat(event.get("type").asText()).isEqualTo("TOKEN");
    assertThat(event.get("authorizationToken").asText()).isEqualTo("allow");
    assertThat(event.get("methodArn").asText())
        .isEqualTo(
            "arn:aws:execute-api:us-east-1:000000000000:" + stage.apiId() + "/prod/GET/orders/1");
    JsonNode authorizer =
        JSON.readTree(backendEvents.get(0)).get("requestContext").get("authorizer");
    assertThat(authorizer.get("principalId").asText()).isEqualTo("user-7");
    // REST passes context values as strings.
    assertThat(authorizer.get("tenant").asText()).isEqualTo("t-1");
    assertThat(authorizer.get("level").isTextual()).isTrue();
    assertThat(authorizer.get("level").asText()).isEqualTo("3");
    assertThat(authorizer.get("admin").asText()).isEqualTo("true");
    assertThat(decisions())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.outcome()).isEqualTo(AuthorizerOutcome.ALLOW);
              assertThat(d.principalId()).isEqualTo("user-7");
              assertThat(d.cached()).isFalse();
            });
  }

  @Test
  void refusalsHaveAwsStatusesAndBodies() {
    Stage stage = restApi(AuthorizerSpec.token("auth", "auth"));

    ApiResponse deny = get(stage, "/orders/1", "deny");
    ApiResponse unauthorized = get(stage, "/orders/1", "unauthorized");
    ApiResponse boom = get(stage, "/orders/1", "boom");
    ApiResponse badPolicy = get(stage, "/orders/1", "badpolicy");
    ApiResponse objectContext = get(stage, "/orders/1", "object-context");
    ApiResponse missing = get(stage, "/orders/1", null);

    assertThat(deny.statusCode()).isEqualTo(403);
    assertThat(deny.bodyAsString())
        .isEqualTo(
            "{\"Message\":\"User is not authorized to access this resource with an explicit"
                + " deny\"}");
    assertThat(unauthorized.statusCode()).isEqualTo(401);
    assertThat(unauthorized.bodyAsString()).isEqualTo("{\"message\":\"Unauthorized\"}");
    for (ApiResponse failure : List.of(boom, badPolicy, objectContext)) {
      assertThat(failure.statusCode()).isEqualTo(500);
      assertThat(failure.header("x-amzn-ErrorType")).isEqualTo("AuthorizerConfigurationException");
    }
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(backendEvents).isEmpty();
    assertThat(authorizerEvents).as("a missing token never reaches the function").hasSize(5);
    assertThat(decisions())
        .extracting(AuthorizerDecided::outcome)
        .containsExactly(
            AuthorizerOutcome.DENY,
            AuthorizerOutcome.UNAUTHORIZED,
            AuthorizerOutcome.FAILED,
            AuthorizerOutcome.FAILED,
            AuthorizerOutcome.FAILED,
            AuthorizerOutcome.UNAUTHORIZED);
  }

  @Test
  void aTokenFailingTheValidationExpressionIsRefusedWithoutCallingTheFunction() {
    Stage stage = restApi(AuthorizerSpec.token("auth", "auth").validationExpression("^allow.*$"));

    ApiResponse refused = get(stage, "/orders/1", "deny");
    ApiResponse allowed = get(stage, "/orders/1", "allow");

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(authorizerEvents).hasSize(1);
  }

  @Test
  void decisionsAreCachedForTheTtlOnTheVirtualClock() {
    Stage stage = restApi(AuthorizerSpec.token("auth", "auth").resultTtlInSeconds(300));

    get(stage, "/orders/1", "allow");
    get(stage, "/orders/1", "allow");
    cloud.advance(Duration.ofSeconds(299));
    get(stage, "/orders/1", "allow");
    cloud.advance(Duration.ofSeconds(2));
    get(stage, "/orders/1", "allow");
    get(stage, "/orders/1", "allow:*");

    assertThat(authorizerEvents).as("calls: first, after expiry, other token").hasSize(3);
    assertThat(decisions())
        .extracting(AuthorizerDecided::cached)
        .containsExactly(false, true, true, false, false);
  }

  @Test
  void aTtlOfZeroCallsTheFunctionEveryTime() {
    Stage stage = restApi(AuthorizerSpec.token("auth", "auth").resultTtlInSeconds(0));

    get(stage, "/orders/1", "allow");
    get(stage, "/orders/1", "allow");

    assertThat(authorizerEvents).hasSize(2);
  }

  @Test
  void aNarrowCachedPolicyDeniesOtherRoutes() {
    Stage stage = restApi(AuthorizerSpec.token("auth", "auth"));
    String onlyOrderOne =
        "allow:arn:aws:execute-api:us-east-1:000000000000:" + stage.apiId() + "/prod/GET/orders/1";

    ApiResponse first = get(stage, "/orders/1", onlyOrderOne);
    ApiResponse other = get(stage, "/customers", onlyOrderOne);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(other.bodyAsString())
        .isEqualTo("{\"Message\":\"User is not authorized to access this resource\"}");
    assertThat(decisions().get(1).cached()).isTrue();
    assertThat(decisions().get(1).outcome()).isEqualTo(AuthorizerOutcome.DENY);
  }

  @Test
  void policyResourcesMatchWithIamWildcards() {
    Stage stage = restApi(AuthorizerSpec.token("auth", "auth").resultTtlInSeconds(0));

    assertThat(get(stage, "/orders/1", "allow:arn:aws:execute-api:*:*:*/prod/GET/*").statusCode())
        .isEqualTo(200);
    assertThat(
            get(stage, "/orders/1", "allow:arn:aws:execute-api:*:*:*/prod/*/orders/?").statusCode())
        .isEqualTo(200);
    assertThat(get(stage, "/orders/1", "allow:arn:aws:execute-api:*:*:*/prod/POST/*").statusCode())
        .isEqualTo(403);
    assertThat(get(stage, "/orders/1", "allow:arn:aws:execute-api:*:*:*/test/*").statusCode())
        .isEqualTo(403);
  }

  @Test
  void aRequestAuthorizerReadsItsIdentitySourcesAndCachesByThem() {
    tokenAuthorizer();
    backendEvents = Functions.echo(cloud, "backend");
    RestApi api = cloud.apiGateway().createRestApi(RestApiSpec.named("secure"));
    api.authorizer(
        AuthorizerSpec.request("auth", "auth")
            .identitySource("method.request.header.X-Token, method.request.querystring.tenant"));
    api.method(
        "GET", "/items", MethodSpec.of(Integration.lambdaProxy("backend")).authorizer("auth"));
    Stage stage = api.deploy(StageSpec.named("prod"));

    ApiResponse t1 = stage.call(ApiRequest.get("/items?tenant=a").header("X-Token", "allow"));
    ApiResponse again = stage.call(ApiRequest.get("/items?tenant=a").header("X-Token", "allow"));
    ApiResponse t2 = stage.call(ApiRequest.get("/items?tenant=b").header("X-Token", "allow"));
    ApiResponse missing = stage.call(ApiRequest.get("/items").header("X-Token", "allow"));

    assertThat(List.of(t1, again, t2)).extracting(ApiResponse::statusCode).containsOnly(200);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(authorizerEvents).hasSize(2);
    JsonNode event = authorizerEvents.get(0);
    assertThat(event.get("type").asText()).isEqualTo("REQUEST");
    assertThat(event.get("queryStringParameters").get("tenant").asText()).isEqualTo("a");
    assertThat(event.get("headers").get("X-Token").asText()).isEqualTo("allow");
    assertThat(event.get("resource").asText()).isEqualTo("/items");
  }

  @Test
  void anHttpApiAuthorizerWithSimpleResponses() throws Exception {
    List<JsonNode> events = new ArrayList<>();
    cloud
        .lambda()
        .create(
            FunctionSpec.named("simple")
                .handler(
                    (RequestStreamHandler)
                        (in, out, ctx) -> {
                          JsonNode event = JSON.readTree(in);
                          events.add(event);
                          boolean ok = event.get("headers").path("x-key").asText().equals("good");
                          out.write(
                              ("{\"isAuthorized\":"
                                      + ok
                                      + ",\"context\":{\"user\":\"ann\",\"roles\":[\"a\"]}}")
                                  .getBytes(StandardCharsets.UTF_8));
                        }));
    backendEvents = Functions.echo(cloud, "backend");
    HttpApi api = cloud.apiGateway().createHttpApi(HttpApiSpec.named("h"));
    api.authorizer(
        AuthorizerSpec.request("simple", "simple")
            .identitySource("$request.header.x-key")
            .enableSimpleResponses(true));
    api.route("GET /me", MethodSpec.of(Integration.lambdaProxy("backend")).authorizer("simple"));
    Stage stage = api.deploy(StageSpec.named("$default"));

    ApiResponse ok = stage.call(ApiRequest.get("/me").header("x-key", "good"));
    ApiResponse refused = stage.call(ApiRequest.get("/me").header("x-key", "bad"));
    ApiResponse missing = stage.call(ApiRequest.get("/me"));

    assertThat(ok.statusCode()).isEqualTo(200);
    JsonNode lambda =
        JSON.readTree(backendEvents.get(0)).get("requestContext").get("authorizer").get("lambda");
    assertThat(lambda.get("user").asText()).isEqualTo("ann");
    assertThat(events.get(0).get("version").asText()).isEqualTo("2.0");
    assertThat(events.get(0).get("identitySource"))
        .extracting(JsonNode::asText)
        .containsExactly("good");
    assertThat(events.get(0).get("routeArn").asText()).endsWith("/$default/GET/me");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.bodyAsString()).isEqualTo("{\"message\":\"Forbidden\"}");
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.bodyAsString()).isEqualTo("{\"message\":\"Unauthorized\"}");
  }
}
