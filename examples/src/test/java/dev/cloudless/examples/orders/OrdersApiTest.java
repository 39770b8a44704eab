package dev.cloudless.examples.orders;

import static dev.cloudless.assertions.CloudlessAssertions.assertThat;
import static dev.cloudless.fakes.apigateway.ApiGatewayEvent.AuthorizerOutcome.ALLOW;
import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.apigateway.ApiRequest;
import dev.cloudless.fakes.apigateway.ApiResponse;
import dev.cloudless.fakes.apigateway.RestApi;
import dev.cloudless.fakes.apigateway.Stage;
import dev.cloudless.fakes.apigateway.StageSpec;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.junit.CloudlessTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The orders API, imported from the OpenAPI file it is deployed from, with its TOKEN authorizer,
 * the stage cache and compression: tested as its clients use it, in process and once over HTTP.
 */
@CloudlessTest
class OrdersApiTest {

  private static final String BOOKS =
      "{\"customerId\":\"c-7\",\"items\":[{\"sku\":\"book\",\"quantity\":2,\"unitPriceCents\":1250}]}";

  private final OrderBook orders = new OrderBook();
  private Stage prod;

  @BeforeEach
  void deploy(FakeCloud cloud) throws IOException {
    cloud.lambda().create(FunctionSpec.named("place-order").handler(new PlaceOrderHandler(orders)));
    cloud.lambda().create(FunctionSpec.named("get-order").handler(new GetOrderHandler(orders)));
    cloud
        .lambda()
        .create(
            FunctionSpec.named("orders-authorizer")
                .handler(new OrdersAuthorizerHandler(Set.of("c-suspended"))));
    RestApi api = cloud.apiGateway().importRestApi(resource("/orders-api.yaml"));
    prod = api.deploy(StageSpec.named("prod").cacheCluster("0.5"));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = OrdersApiTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private ApiResponse placeOrder(String token, String body) {
    return prod.call(
        ApiRequest.post("/orders")
            .header("Authorization", token)
            .header("Content-Type", "application/json")
            .body(body));
  }

  private String placedOrderId() {
    return placeOrder("Bearer c-7", BOOKS)
        .bodyAsString()
        .replaceAll(".*\"orderId\":\"([^\"]+)\".*", "$1");
  }

  @Test
  void aCustomerPlacesAnOrderAndReadsItBack() {
    ApiResponse placed = placeOrder("Bearer c-7", BOOKS);
    String orderId = placed.bodyAsString().replaceAll(".*\"orderId\":\"([^\"]+)\".*", "$1");

    ApiResponse read =
        prod.call(ApiRequest.get("/orders/" + orderId).header("Authorization", "Bearer c-7"));

    assertThat(placed).hasStatus(201).hasHeader("Content-Type", "application/json");
    assertThat(read)
        .hasStatus(200)
        .hasJsonBody(
            "{\"orderId\":\""
                + orderId
                + "\",\"customerId\":\"c-7\",\"totalCents\":2500,"
                + "\"items\":[{\"sku\":\"book\",\"quantity\":2,\"unitPriceCents\":1250}]}");
  }

  @Test
  void anotherCustomersOrderIsNotFound() {
    String orderId = placedOrderId();

    ApiResponse read =
        prod.call(ApiRequest.get("/orders/" + orderId).header("Authorization", "Bearer c-8"));

    assertThat(read).hasStatus(404).hasJsonBody("{\"message\":\"No order " + orderId + ".\"}");
  }

  @Test
  void theAuthorizerAnswersAsApiGatewayDoes(FakeCloud cloud) {
    ApiResponse noToken = prod.call(ApiRequest.post("/orders").body(BOOKS));
    ApiResponse malformed = placeOrder("Basic dXNlcg==", BOOKS);
    ApiResponse expired = placeOrder("Bearer expired-c-7", BOOKS);
    ApiResponse suspended = placeOrder("Bearer c-suspended", BOOKS);

    assertThat(noToken).hasStatus(401).hasJsonBody("{\"message\":\"Unauthorized\"}");
    // The token fails identityValidationExpression: refused without calling the authorizer.
    assertThat(malformed).hasStatus(401);
    assertThat(expired).hasStatus(401).hasJsonBody("{\"message\":\"Unauthorized\"}");
    assertThat(suspended)
        .hasStatus(403)
        .hasJsonBody(
            "{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}");
    assertThat(cloud.lambda().function("orders-authorizer")).hasInvocations(2);
    assertThat(cloud.lambda().function("place-order")).hasInvocations(0);
  }

  @Test
  void ordersAreCachedPerIdForFiveMinutesAndOneDecisionServesEveryRoute(FakeCloud cloud) {
    String orderId = placedOrderId();
    ApiRequest read = ApiRequest.get("/orders/" + orderId).header("Authorization", "Bearer c-7");

    prod.call(read);
    prod.call(read);
    cloud.advance(Duration.ofMinutes(5));
    prod.call(read);

    assertThat(prod)
        .route(
            "GET /orders/{orderId}",
            route ->
                route
                    .hasCalls(3)
                    .hasCacheMisses(2)
                    .hasCacheHits(1)
                    .hasAuthorizerDecisions(ALLOW, ALLOW, ALLOW)
                    // The decision of POST /orders was cached for the token and covers this route;
                    // after five minutes it expired with the cache entry.
                    .hasAuthorizerCalls(1));
    assertThat(cloud.lambda().function("get-order")).hasInvocations(2);
  }

  @Test
  void aClientThatAcceptsGzipGetsLargeResponsesCompressed() {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      items
          .append(i == 0 ? "" : ",")
          .append("{\"sku\":\"sku-")
          .append(i)
          .append("\",\"quantity\":1,\"unitPriceCents\":100}");
    }
    ApiResponse placed =
        placeOrder("Bearer c-7", "{\"customerId\":\"c-7\",\"items\":[" + items + "]}");
    String orderId = placed.bodyAsString().replaceAll(".*\"orderId\":\"([^\"]+)\".*", "$1");

    ApiResponse large =
        prod.call(
            ApiRequest.get("/orders/" + orderId)
                .header("Authorization", "Bearer c-7")
                .header("Accept-Encoding", "gzip, deflate"));
    ApiResponse small =
        prod.call(ApiRequest.get("/status").header("Accept-Encoding", "gzip, deflate"));

    assertThat(placed.body().length).isGreaterThan(1024);
    assertThat(large).hasStatus(200).isCompressedWith("gzip");
    assertThat(large).jsonBody().inPath("totalCents").isEqualTo(3000);
    assertThat(small).isCompressedWith("identity");
  }

  @Test
  void theStatusEndpointAnswersTheDocumentsExampleBeforeItHasABackend() {
    ApiResponse status = prod.call(ApiRequest.get("/status"));

    assertThat(status).hasStatus(200).hasJsonBody("{\"status\":\"open\",\"deliveryDays\":2}");
  }

  @Test
  void overRealHttpWithTheJdkClient() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI base = prod.url();

    HttpResponse<String> placed =
        http.send(
            HttpRequest.newBuilder(base.resolve("orders"))
                .header("Authorization", "Bearer c-7")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BOOKS))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> missing =
        http.send(
            HttpRequest.newBuilder(base.resolve("nowhere")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(placed.statusCode()).isEqualTo(201);
    assertThat(placed.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThatJson(placed.body()).inPath("totalCents").isEqualTo(2500);
    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(missing.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    assertThat(prod).hasRequests(2);
  }

  @Test
  void everyRouteOfTheImportedDocumentIsThere(FakeCloud cloud) {
    List<ApiResponse> answers =
        List.of(
            prod.call(ApiRequest.get("/status")),
            prod.call(ApiRequest.of("DELETE", "/orders")),
            prod.call(ApiRequest.get("/orders")));

    assertThat(answers).extracting(ApiResponse::statusCode).containsExactly(200, 403, 403);
    assertThat(cloud.apiGateway().restApis())
        .extracting(RestApi::name)
        .containsExactly("orders-api");
  }
}
