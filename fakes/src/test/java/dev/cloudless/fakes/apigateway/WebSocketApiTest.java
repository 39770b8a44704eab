package dev.cloudless.fakes.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.apigateway.ApiGatewayEvent.WebSocketActivity;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.lambda.FunctionSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WebSocket APIs over a real WebSocket (the JDK's client). Waits are for events the server sends,
 * with a generous guard against a hung test; no test depends on how long anything takes.
 */
class WebSocketApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long GUARD_SECONDS = 20;

  private final FakeCloud cloud = FakeCloud.create();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<JsonNode> events = new ArrayList<>();
  private WebSocketApi api;

  /** A client that queues what it receives and completes when the server closes. */
  static final class Client implements WebSocket.Listener {
    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(partial.toString());
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed.completeExceptionally(error);
    }

    String next() throws InterruptedException {
      String message = messages.poll(GUARD_SECONDS, TimeUnit.SECONDS);
      assertThat(message).as("a message within the guard time").isNotNull();
      return message;
    }

    int closeCode() throws Exception {
      return closed.get(GUARD_SECONDS, TimeUnit.SECONDS);
    }
  }

  private void function(String name, RequestStreamHandler handler) {
    cloud.lambda().create(FunctionSpec.named(name).handler(handler));
  }

  private JsonNode record(java.io.InputStream in) throws java.io.IOException {
    JsonNode event = JSON.readTree(in);
    synchronized (events) {
      events.add(event);
    }
    return event;
  }

  @BeforeEach
  void chat() {
    function(
        "connect",
        (in, out, ctx) -> {
          JsonNode event = record(in);
          String token = event.path("queryStringParameters").path("token").asText("");
          out.write(
              (token.equals("bad") ? "{\"statusCode\":401}" : "{\"statusCode\":200}")
                  .getBytes(StandardCharsets.UTF_8));
        });
    function(
        "send",
        (in, out, ctx) -> {
          JsonNode event = record(in);
          String connectionId = event.get("requestContext").get("connectionId").asText();
          String text = JSON.readTree(event.get("body").asText()).get("text").asText();
          api.postToConnection(connectionId, "echo: " + text);
          out.write("{\"statusCode\":200}".getBytes(StandardCharsets.UTF_8));
        });
    function(
        "broken",
        (in, out, ctx) -> {
          record(in);
          throw new IllegalStateException("broken");
        });
    function(
        "disconnect",
        (in, out, ctx) -> {
          record(in);
          out.write("{}".getBytes(StandardCharsets.UTF_8));
        });
    api = cloud.apiGateway().createWebSocketApi(WebSocketApiSpec.named("chat"));
    api.route("$connect", MethodSpec.of(Integration.lambdaProxy("connect")));
    api.route("send", MethodSpec.of(Integration.lambdaProxy("send")));
    api.route("broken", MethodSpec.of(Integration.lambdaProxy("broken")));
    api.route("$disconnect", MethodSpec.of(Integration.lambdaProxy("disconnect")));
    api.deploy("prod");
  }

  @AfterEach
  void close() {
    cloud.close();
  }

  private WebSocket connect(Client client, String query) {
    URI uri = URI.create(api.url("prod") + (query == null ? "" : "?" + query));
    return http.newWebSocketBuilder()
        .header("User-Agent", "chat-test")
        .buildAsync(uri, client)
        .orTimeout(GUARD_SECONDS, TimeUnit.SECONDS)
        .join();
  }

  private List<JsonNode> events(String eventType) {
    synchronized (events) {
      return events.stream()
          .filter(e -> e.get("requestContext").get("eventType").asText().equals(eventType))
          .toList();
    }
  }

  private String connectionId() {
    return events("CONNECT").get(0).get("requestContext").get("connectionId").asText();
  }

  @Test
  void aMessageIsRoutedByItsActionAndHandlersPostBackThroughConnections() throws Exception {
    Client client = new Client();
    WebSocket ws = connect(client, "room=lobby");

    ws.sendText("{\"action\":\"send\",\"text\":\"hi\"}", true).join();
    String reply = client.next();

    assertThat(reply).isEqualTo("echo: hi");
    JsonNode connect = events("CONNECT").get(0);
    assertThat(connect.get("requestContext").get("routeKey").asText()).isEqualTo("$connect");
    assertThat(connect.get("requestContext").get("stage").asText()).isEqualTo("prod");
    assertThat(connect.get("requestContext").get("identity").get("userAgent").asText())
        .isEqualTo("chat-test");
    assertThat(connect.get("queryStringParameters").get("room").asText()).isEqualTo("lobby");
    assertThat(connect.get("headers").has("Sec-WebSocket-Key")).isTrue();
    JsonNode message = events("MESSAGE").get(0);
    assertThat(message.get("requestContext").get("routeKey").asText()).isEqualTo("send");
    assertThat(message.get("requestContext").get("messageDirection").asText()).isEqualTo("IN");
    assertThat(message.get("body").asText()).isEqualTo("{\"action\":\"send\",\"text\":\"hi\"}");
    assertThat(message.has("headers")).isFalse();
    String id = connectionId();
    assertThat(id).matches("[A-Za-z0-9]{15}=");
    assertThat(api.messagesSentTo(id)).containsExactly("echo: hi");
    assertThat(api.connection(id))
        .hasValueSatisfying(c -> assertThat(c.userAgent()).isEqualTo("chat-test"));
    assertThat(cloud.journal().events(WebSocketActivity.class))
        .extracting(WebSocketActivity::kind)
        .containsExactly("CONNECTED", "RECEIVED", "SENT");
    ws.abort();
  }

  @Test
  void connectCanRefuseTheHandshake() {
    Client client = new Client();

    assertThatThrownBy(() -> connect(client, "token=bad"))
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(WebSocketHandshakeException.class)
        .satisfies(
            e ->
                assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
                    .isEqualTo(401));
    assertThat(api.connections()).isEmpty();
  }

  @Test
  void aMessageWithoutRouteOrAFailingRouteGetsAwsErrorMessages() throws Exception {
    Client client = new Client();
    WebSocket ws = connect(client, null);

    ws.sendText("{\"action\":\"nothing\"}", true).join();
    JsonNode forbidden = JSON.readTree(client.next());
    ws.sendText("{\"action\":\"broken\"}", true).join();
    JsonNode failed = JSON.readTree(client.next());

    assertThat(forbidden.get("message").asText()).isEqualTo("Forbidden");
    assertThat(forbidden.get("connectionId").asText()).isEqualTo(connectionId());
    assertThat(failed.get("message").asText()).isEqualTo("Internal server error");
    ws.abort();
  }

  @Test
  void anIdleConnectionIsClosedAfterTenMinutesOfVirtualTime() throws Exception {
    Client client = new Client();
    WebSocket ws = connect(client, null);
    ws.sendText("{\"action\":\"send\",\"text\":\"hi\"}", true).join();
    client.next();

    cloud.advance(Duration.ofMinutes(9));
    boolean openAfterNine = !api.connections().isEmpty();
    cloud.advance(Duration.ofMinutes(1));

    assertThat(openAfterNine).isTrue();
    assertThat(client.closeCode()).isEqualTo(1001);
    JsonNode disconnect = events("DISCONNECT").get(0);
    assertThat(disconnect.get("requestContext").get("disconnectStatusCode").asInt())
        .isEqualTo(1001);
    assertThat(disconnect.get("requestContext").get("disconnectReason").asText())
        .isEqualTo("Going away");
    assertThat(api.connections()).isEmpty();
    assertThatThrownBy(() -> api.postToConnection(connectionId(), "late"))
        .isInstanceOf(AwsServiceException.class)
        .extracting(e -> ((AwsServiceException) e).statusCode())
        .isEqualTo(410);
  }

  @Test
  void aBusyConnectionIsClosedAfterTwoHours() throws Exception {
    Client client = new Client();
    WebSocket ws = connect(client, null);

    for (int i = 0; i < 12; i++) {
      cloud.advance(Duration.ofMinutes(9));
      ws.sendText("{\"action\":\"send\",\"text\":\"" + i + "\"}", true).join();
      client.next();
    }
    boolean openAt108Minutes = !api.connections().isEmpty();
    cloud.advance(Duration.ofMinutes(12));

    assertThat(openAt108Minutes).isTrue();
    assertThat(client.closeCode()).isEqualTo(1001);
  }

  @Test
  void aMessageOver128KbClosesTheConnectionWith1009() throws Exception {
    Client client = new Client();
    WebSocket ws = connect(client, null);
    String part = "x".repeat(30 * 1024);

    for (int i = 0; i < 4; i++) {
      ws.sendText(part, false).join();
    }
    // Over 128 KB with this part: the server may close before the client has written it all.
    ws.sendText(part, true);

    assertThat(client.closeCode()).isEqualTo(1009);
  }

  @Test
  void aFrameOver32KbClosesTheConnectionWith1009EvenIfTheMessageIsSmallEnough() throws Exception {
    Client client = new Client();
    WebSocket ws = connect(client, null);

    // The JDK client cuts text into frames of 16 KB, but sends binary data as one frame. The
    // server may close before the client has written all of it: the send's own result is moot.
    ws.sendBinary(java.nio.ByteBuffer.wrap(new byte[32 * 1024 + 1]), true);

    assertThat(client.closeCode()).isEqualTo(1009);
  }

  @Test
  void aBinaryFrameClosesTheConnectionWith1003AndRunsDisconnect() throws Exception {
    Client client = new Client();
    WebSocket ws = connect(client, null);

    ws.sendBinary(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}), true);

    assertThat(client.closeCode()).isEqualTo(1003);
    JsonNode disconnect = events("DISCONNECT").get(0);
    assertThat(disconnect.get("requestContext").get("disconnectStatusCode").asInt())
        .isEqualTo(1003);
    assertThat(api.connections()).isEmpty();
  }

  @Test
  void theManagementApiAnswersOverHttp() throws Exception {
    Client client = new Client();
    connect(client, null);
    String id = connectionId();
    URI connection = URI.create(api.managementEndpoint("prod") + "/@connections/" + id);

    HttpResponse<String> info =
        http.send(
            HttpRequest.newBuilder(connection).GET().build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(connection)
                .POST(HttpRequest.BodyPublishers.ofString("hello"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String received = client.next();
    HttpResponse<String> delete =
        http.send(
            HttpRequest.newBuilder(connection).DELETE().build(),
            HttpResponse.BodyHandlers.ofString());
    int closeCode = client.closeCode();
    HttpResponse<String> gone =
        http.send(
            HttpRequest.newBuilder(connection)
                .POST(HttpRequest.BodyPublishers.ofString("again"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(info.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(info.body());
    assertThat(body.get("ConnectedAt").asText()).isEqualTo("2025-01-01T00:00:00Z");
    assertThat(body.get("Identity").get("UserAgent").asText()).isEqualTo("chat-test");
    assertThat(post.statusCode()).isEqualTo(200);
    assertThat(received).isEqualTo("hello");
    assertThat(delete.statusCode()).isEqualTo(204);
    assertThat(closeCode).isEqualTo(1000);
    assertThat(events("DISCONNECT")).hasSize(1);
    assertThat(gone.statusCode()).isEqualTo(410);
    assertThat(gone.headers().firstValue("x-amzn-ErrorType")).hasValue("GoneException");
  }

  @Test
  void anUnknownStageIsRefusedAndOnlyLambdaProxyRoutesAreAccepted() {
    assertThatThrownBy(() -> api.url("staging")).hasMessageContaining("no stage [staging]");
    assertThatThrownBy(() -> api.route("x", MethodSpec.of(Integration.mock())))
        .hasMessageContaining("Lambda proxy integrations");
    assertThatThrownBy(
            () -> WebSocketApiSpec.named("x").routeSelectionExpression("$request.header.x"))
        .hasMessageContaining("not supported");
  }
}
