package dev.cloudless.fakes.apigateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.cloudless.fakes.FakeCloud;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP and HTTP proxy integrations, against a WireMock backend on loopback. */
class HttpIntegrationTest {

  private final FakeCloud cloud = FakeCloud.create();
  private final WireMockServer backend =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

  @BeforeEach
  void start() {
    backend.start();
  }

  @AfterEach
  void close() {
    backend.stop();
    cloud.close();
  }

  private String base() {
    return "http://127.0.0.1:" + backend.port();
  }

  @Test
  void anHttpProxyPassesTheRequestAndTheResponseThrough() {
    backend.stubFor(
        get(urlPathEqualTo("/inventory/items/42"))
            .willReturn(
                aResponse()
                    .withStatus(206)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("X-Backend", "wiremock")
                    .withBody("{\"id\":42}")));
    RestApi api = cloud.apiGateway().createRestApi(RestApiSpec.named("proxy"));
    api.method(
        "ANY",
        "/{proxy+}",
        MethodSpec.of(
            Integration.httpProxy(base() + "/inventory/{proxy}")
                .requestParameter("integration.request.header.X-Stage", "context.stage")));
    Stage stage = api.deploy(StageSpec.named("prod"));

    ApiResponse response =
        stage.call(ApiRequest.get("/items/42?color=red").header("X-Client", "test"));

    assertThat(response.statusCode()).isEqualTo(206);
    assertThat(response.bodyAsString()).isEqualTo("{\"id\":42}");
    assertThat(response.header("X-Backend")).isEqualTo("wiremock");
    assertThat(response.header("x-amzn-RequestId")).isNotBlank();
    backend.verify(
        getRequestedFor(urlEqualTo("/inventory/items/42?color=red"))
            .withHeader("X-Client", equalTo("test"))
            .withHeader("X-Stage", equalTo("prod")));
  }

  @Test
  void anHttpIntegrationMapsTheRequestAndSelectsTheResponseByStatus() {
    backend.stubFor(
        post(urlEqualTo("/orders"))
            .willReturn(aResponse().withStatus(409).withBody("{\"reason\":\"duplicate\"}")));
    RestApi api = cloud.apiGateway().createRestApi(RestApiSpec.named("http"));
    api.method(
        "POST",
        "/orders/{id}",
        MethodSpec.of(
            Integration.http("POST", base() + "/orders")
                .requestTemplate(
                    "application/json",
                    "{\"orderId\": \"$input.params('id')\", \"item\": $input.json('$.item')}")
                .response(IntegrationResponse.of("200"))
                .response(
                    IntegrationResponse.of("409")
                        .selectionPattern("4\\d\\d")
                        .template(
                            "application/json", "{\"error\": \"$input.path('$.reason')\"}"))));
    Stage stage = api.deploy(StageSpec.named("prod"));

    ApiResponse response =
        stage.call(
            ApiRequest.post("/orders/o-1")
                .header("Content-Type", "application/json")
                .body("{\"item\": {\"sku\": \"b-7\"}}"));

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.bodyAsString()).isEqualTo("{\"error\": \"duplicate\"}");
    backend.verify(
        postRequestedFor(urlEqualTo("/orders"))
            .withRequestBody(equalToJson("{\"orderId\": \"o-1\", \"item\": {\"sku\": \"b-7\"}}")));
  }

  @Test
  void anHttpApiCanProxyToAUrl() {
    backend.stubFor(get(urlEqualTo("/health")).willReturn(aResponse().withBody("up")));
    HttpApi api = cloud.apiGateway().createHttpApi(HttpApiSpec.named("shop"));
    api.route("GET /health", MethodSpec.of(Integration.httpProxy(base() + "/health")));
    Stage stage = api.deploy(StageSpec.named("$default"));

    ApiResponse response = stage.call(ApiRequest.get("/health"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsString()).isEqualTo("up");
  }

  @Test
  void anUnreachableBackendIsA500() {
    RestApi api = cloud.apiGateway().createRestApi(RestApiSpec.named("proxy"));
    api.method("GET", "/x", MethodSpec.of(Integration.httpProxy(base() + "/x")));
    Stage stage = api.deploy(StageSpec.named("prod"));
    backend.stop();

    ApiResponse response = stage.call(ApiRequest.get("/x"));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(stage.requests())
        .singleElement()
        .satisfies(r -> assertThat(r.detail()).startsWith("backend unreachable"));
  }
}
