package dev.cloudless.fakes.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.lambda.FunctionSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WebSocket APIs connected in process: the same routes, limits and timers, no socket. */
class WebSocketInProcessTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeCloud cloud = FakeCloud.create();
  private final List<JsonNode> events = new ArrayList<>();
  private WebSocketApi api;

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

  private List<JsonNode> events(String eventType) {
    synchronized (events) {
      return events.stream()
          .filter(e -> e.get("requestContext").get("eventType").asText().equals(eventType))
          .toList();
    }
  }

  @BeforeEach
  void chat() {
    function(
        "connect",
        (in, out, ctx) -> {
          JsonNode event = record(in);
          String token = event.path("queryStringParameters").path("token").asText("");
          out.write(
              (token.equals("bad") ? "{\"statusCode\":403}" : "{\"statusCode\":200}")
                  .getBytes(StandardCharsets.UTF_8));
        });
    function(
        "broadcast",
        (in, out, ctx) -> {
          JsonNode event = record(in);
          String text = JSON.readTree(event.get("body").asText()).get("text").asText();
          for (WebSocketConnection c : api.connections()) {
            api.postToConnection(c.connectionId(), text);
          }
          out.write("{\"statusCode\":200}".getBytes(StandardCharsets.UTF_8));
        });
    function(
        "fallback",
        (in, out, ctx) -> {
          JsonNode event = record(in);
          api.postToConnection(
              event.get("requestContext").get("connectionId").asText(),
              "default got " + event.get("body").asText());
          out.write("{\"statusCode\":200}".getBytes(StandardCharsets.UTF_8));
        });
    function(
        "disconnect",
        (in, out, ctx) -> {
          record(in);
          out.write("{}".getBytes(StandardCharsets.UTF_8));
        });
    api = cloud.apiGateway().createWebSocketApi(WebSocketApiSpec.named("chat"));
    api.route("$connect", MethodSpec.of(Integration.lambdaProxy("connect")));
    api.route("broadcast", MethodSpec.of(Integration.lambdaProxy("broadcast")));
    api.route("$default", MethodSpec.of(Integration.lambdaProxy("fallback")));
    api.route("$disconnect", MethodSpec.of(Integration.lambdaProxy("disconnect")));
    api.deploy("prod");
  }

  @AfterEach
  void close() {
    cloud.close();
  }

  @Test
  void aBroadcastReachesEveryConnectedClient() {
    WebSocketClient alice = api.connect("prod");
    WebSocketClient bob = api.connect("prod");

    alice.send("{\"action\":\"broadcast\",\"text\":\"hello\"}");

    assertThat(alice.received()).containsExactly("hello");
    assertThat(bob.received()).containsExactly("hello");
    assertThat(api.messagesSentTo(bob.connectionId())).containsExactly("hello");
    assertThat(alice.connectionId()).isNotEqualTo(bob.connectionId()).matches("[A-Za-z0-9]{15}=");
  }

  @Test
  void theConnectEventCarriesTheUpgradeRequestsQueryAndHeaders() {
    WebSocketClient client =
        api.connect("prod", ApiRequest.get("/?room=lobby").header("User-Agent", "app/1.0"));

    JsonNode connect = events("CONNECT").get(0);
    assertThat(connect.get("requestContext").get("routeKey").asText()).isEqualTo("$connect");
    assertThat(connect.get("requestContext").get("connectionId").asText())
        .isEqualTo(client.connectionId());
    assertThat(connect.get("requestContext").get("identity").get("userAgent").asText())
        .isEqualTo("app/1.0");
    assertThat(connect.get("queryStringParameters").get("room").asText()).isEqualTo("lobby");
    assertThat(connect.get("headers").get("Sec-WebSocket-Version").asText()).isEqualTo("13");
    assertThat(api.connection(client.connectionId()))
        .hasValueSatisfying(c -> assertThat(c.userAgent()).isEqualTo("app/1.0"));
  }

  @Test
  void aMessageWithoutAMatchingActionOrNotJsonGoesToDefault() {
    WebSocketClient client = api.connect("prod");

    client.send("{\"action\":\"unknown\"}");
    client.send("plain text");

    assertThat(client.received())
        .containsExactly("default got {\"action\":\"unknown\"}", "default got plain text");
    assertThat(events("MESSAGE"))
        .extracting(e -> e.get("requestContext").get("routeKey").asText())
        .containsExactly("$default", "$default");
  }

  @Test
  void connectCanRefuseTheConnection() {
    assertThatThrownBy(() -> api.connect("prod", ApiRequest.get("/?token=bad")))
        .isInstanceOfSatisfying(
            WebSocketRefusedException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    assertThat(api.connections()).isEmpty();
  }

  @Test
  void closingTheClientRunsDisconnectAndLaterPostsAreGone() {
    WebSocketClient client = api.connect("prod");
    String id = client.connectionId();

    client.close();

    assertThat(client.closeStatus()).hasValue(1000);
    JsonNode disconnect = events("DISCONNECT").get(0);
    assertThat(disconnect.get("requestContext").get("connectionId").asText()).isEqualTo(id);
    assertThat(disconnect.get("requestContext").get("disconnectStatusCode").asInt())
        .isEqualTo(1000);
    assertThatThrownBy(() -> api.postToConnection(id, "late"))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(410);
              assertThat(e.errorCode()).isEqualTo("GoneException");
            });
    assertThatThrownBy(() -> client.send("again")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void idleAndMaximumDurationCloseOnTheVirtualClock() {
    WebSocketClient idle = api.connect("prod");
    WebSocketClient busy = api.connect("prod");

    cloud.advance(Duration.ofMinutes(9).plusSeconds(59));
    boolean idleOpenBeforeTenMinutes = idle.isOpen();
    for (int i = 0; i < 12; i++) {
      busy.send("keep-alive");
      cloud.advance(Duration.ofMinutes(9));
    }
    boolean busyOpenAt118Minutes = busy.isOpen();
    cloud.advance(Duration.ofMinutes(2));

    assertThat(idleOpenBeforeTenMinutes).isTrue();
    assertThat(idle.closeStatus()).hasValue(1001);
    assertThat(busyOpenAt118Minutes).isTrue();
    assertThat(busy.closeStatus()).hasValue(1001);
    assertThat(events("DISCONNECT")).hasSize(2);
  }

  @Test
  void aMessageOver128KbClosesTheConnectionWith1009() {
    WebSocketClient client = api.connect("prod");

    client.send("x".repeat(128 * 1024));
    boolean openAtTheLimit = client.isOpen();
    client.send("x".repeat(128 * 1024 + 1));

    assertThat(openAtTheLimit).isTrue();
    assertThat(client.closeStatus()).hasValue(1009);
    assertThat(events("DISCONNECT")).hasSize(1);
  }

  @Test
  void aRouteLongerThan29SecondsTimesOutOnTheVirtualClock() {
    Functions.returning(cloud, "slow", "{\"statusCode\":200}", Duration.ofSeconds(31));
    api.route("slow", MethodSpec.of(Integration.lambdaProxy("slow")));
    api.route(
        "quick", MethodSpec.of(Integration.lambdaProxy("slow").timeout(Duration.ofSeconds(5))));
    api.deploy("prod");
    WebSocketClient client = api.connect("prod");
    java.time.Instant start = cloud.clock().now();

    client.send("{\"action\":\"slow\"}");
    java.time.Instant afterSlow = cloud.clock().now();
    client.send("{\"action\":\"quick\"}");

    assertThat(Duration.between(start, afterSlow)).isEqualTo(Duration.ofSeconds(29));
    assertThat(client.received())
        .hasSize(2)
        .allSatisfy(
            m -> {
              JsonNode error = readJson(m);
              assertThat(error.get("message").asText()).isEqualTo("Endpoint request timed out");
              assertThat(error.get("connectionId").asText()).isEqualTo(client.connectionId());
            });
    assertThat(client.isOpen()).isTrue();
    assertThatThrownBy(
            () ->
                api.route(
                    "slower",
                    MethodSpec.of(Integration.lambdaProxy("slow").timeout(Duration.ofSeconds(30)))))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageContaining("50 to 29000 ms");
  }

  @Test
  void aConnectLongerThan29SecondsIsRefusedWith504() {
    Functions.returning(cloud, "slow-connect", "{\"statusCode\":200}", Duration.ofSeconds(30));
    api.route("$connect", MethodSpec.of(Integration.lambdaProxy("slow-connect")));
    api.deploy("prod");

    assertThatThrownBy(() -> api.connect("prod"))
        .isInstanceOfSatisfying(
            WebSocketRefusedException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(504);
              assertThat(e.body()).isEqualTo("{\"message\": \"Endpoint request timed out\"}");
            });
    assertThat(api.connections()).isEmpty();
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError(text, e);
    }
  }

  @Test
  void postingOver128KbIsRefused() {
    WebSocketClient client = api.connect("prod");

    assertThatThrownBy(
            () -> api.postToConnection(client.connectionId(), "x".repeat(128 * 1024 + 1)))
        .isInstanceOfSatisfying(
            AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(413));
    assertThat(client.received()).isEmpty();
  }
}
