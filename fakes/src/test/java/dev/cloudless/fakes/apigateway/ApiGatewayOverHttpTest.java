package dev.cloudless.fakes.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.apigateway.internal.ApiGatewayService;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The loopback listener: the same pipeline as in-process calls, over real HTTP. */
class ApiGatewayOverHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeCloud cloud = FakeCloud.create();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          // A guard against a hung test only; no test waits on it.
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @AfterEach
  void close() {
    cloud.close();
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theServerStartsOnlyWhenATestAsksForAUrl() {
    Functions.echo(cloud, "echo");
    RestApi api = cloud.apiGateway().createRestApi(RestApiSpec.named("shop"));
    api.method("GET", "/orders", MethodSpec.of(Integration.lambdaProxy("echo")));
    Stage stage = api.deploy(StageSpec.named("prod"));
    stage.call(ApiRequest.get("/orders"));
    ApiGatewayService service = (ApiGatewayService) cloud.apiGateway();

    assertThat(service.serverStarted()).isFalse();
    URI url = stage.url();
    assertThat(service.serverStarted()).isTrue();
    assertThat(url.toString()).matches("http://127\\.0\\.0\\.1:\\d+/prod/");
  }

  @Test
  void aRestStageAnswersOverHttpAsInProcess() throws Exception {
    List<String> events = Functions.echo(cloud, "echo");
    Functions.returning(
        cloud, "slow", "{\"statusCode\":201,\"body\":\"done\"}", Duration.ofSeconds(3));
    RestApi api = cloud.apiGateway().createRestApi(RestApiSpec.named("shop"));
    api.method("GET", "/orders/{id}", MethodSpec.of(Integration.lambdaProxy("echo")));
    api.method("POST", "/slow", MethodSpec.of(Integration.lambdaProxy("slow")));
    Stage stage = api.deploy(StageSpec.named("prod"));
    Instant start = cloud.clock().now();

    HttpResponse<String> get =
        send(
            HttpRequest.newBuilder(stage.url().resolve("orders/42?x=1"))
                .header("X-Test", "yes")
                .GET()
                .build());
    HttpResponse<String> post =
        send(
            HttpRequest.newBuilder(stage.url().resolve("slow"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    HttpResponse<String> missing =
        send(HttpRequest.newBuilder(stage.url().resolve("nothing")).GET().build());

    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.headers().firstValue("x-amzn-RequestId")).isPresent();
    JsonNode event = JSON.readTree(events.get(0));
    assertThat(event.get("pathParameters").get("id").asText()).isEqualTo("42");
    assertThat(event.get("headers").get("X-Test").asText()).isEqualTo("yes");
    assertThat(event.get("headers").get("X-Forwarded-Proto").asText()).isEqualTo("http");
    assertThat(event.get("headers").get("X-Forwarded-Port").asText())
        .isEqualTo(Integer.toString(stage.url().getPort()));
    assertThat(event.get("headers").has("Upgrade")).as("hop-by-hop headers stay out").isFalse();
    assertThat(post.statusCode()).isEqualTo(201);
    assertThat(post.body()).isEqualTo("done");
    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(missing.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    // The request over HTTP waited for the slow function on the virtual clock.
    assertThat(cloud.clock().now()).isAfterOrEqualTo(start.plusSeconds(3));
    assertThat(api.requests()).hasSize(3);
  }

  @Test
  void anHttpApiAnswersOverHttpAndTheListenerStopsWithTheCloud() throws Exception {
    Functions.returning(cloud, "fn", "{\"hello\":\"world\"}");
    HttpApi api = cloud.apiGateway().createHttpApi(HttpApiSpec.named("shop"));
    api.route("GET /hello", MethodSpec.of(Integration.lambdaProxy("fn")));
    Stage stage = api.deploy(StageSpec.named("$default"));
    URI url = stage.url().resolve("hello");

    HttpResponse<String> response = send(HttpRequest.newBuilder(url).GET().build());
    cloud.close();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"hello\":\"world\"}");
    assertThatThrownBy(() -> send(HttpRequest.newBuilder(url).GET().build()))
        .isInstanceOf(ConnectException.class);
  }
}
