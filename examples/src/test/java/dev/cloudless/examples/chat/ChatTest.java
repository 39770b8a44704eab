package dev.cloudless.examples.chat;

import static dev.cloudless.assertions.CloudlessAssertions.assertThat;
import static dev.cloudless.assertions.CloudlessAssertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.apigateway.ApiRequest;
import dev.cloudless.fakes.apigateway.Integration;
import dev.cloudless.fakes.apigateway.MethodSpec;
import dev.cloudless.fakes.apigateway.WebSocketApi;
import dev.cloudless.fakes.apigateway.WebSocketApiSpec;
import dev.cloudless.fakes.apigateway.WebSocketClient;
import dev.cloudless.fakes.apigateway.WebSocketRefusedException;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.junit.CloudlessTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chat on an API Gateway WebSocket API: in process, and once over a real WebSocket. */
@CloudlessTest
class ChatTest {

  private final ChatRoom room = new ChatRoom();
  private WebSocketApi chat;

  @BeforeEach
  void deploy(FakeCloud cloud) {
    chat = cloud.apiGateway().createWebSocketApi(WebSocketApiSpec.named("chat"));
    MethodSpec handler = MethodSpec.of(Integration.lambdaProxy("chat"));
    chat.route("$connect", handler)
        .route("$disconnect", handler)
        .route("send", handler)
        .route("$default", handler)
        .deploy("prod");
    Connections connections = new Connections(chat.managementEndpoint("prod"));
    cloud.lambda().create(FunctionSpec.named("chat").handler(new ChatHandler(room, connections)));
  }

  private WebSocketClient join(String name) {
    return chat.connect("prod", ApiRequest.get("/?name=" + name));
  }

  @Test
  void aMessageReachesEveryoneInTheRoom() {
    WebSocketClient alice = join("alice");
    WebSocketClient bob = join("bob");

    alice.send("{\"action\":\"send\",\"text\":\"hi bob\"}");

    assertThat(bob).hasReceived("alice: hi bob");
    assertThat(chat)
        .hasOpenConnections(2)
        .hasSentTo(alice.connectionId(), "alice: hi bob")
        .hasSentTo(bob.connectionId(), "alice: hi bob");
  }

  @Test
  void aClientWithoutANameIsRefused() {
    assertThatThrownBy(() -> chat.connect("prod"))
        .isInstanceOfSatisfying(
            WebSocketRefusedException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThat(room.members()).isEmpty();
  }

  @Test
  void anUnknownActionIsAnsweredToTheSenderOnly() {
    WebSocketClient alice = join("alice");
    WebSocketClient bob = join("bob");

    alice.send("{\"action\":\"dance\"}");

    assertThat(alice).hasReceived("Unknown action; try {\"action\":\"send\"}");
    assertThat(chat).hasSentNothingTo(bob.connectionId());
  }

  @Test
  void aSilentClientIsDisconnectedAfterTenMinutesAndLeavesTheRoom(FakeCloud cloud) {
    WebSocketClient alice = join("alice");
    WebSocketClient bob = join("bob");

    cloud.advance(Duration.ofMinutes(6));
    alice.send("{\"action\":\"send\",\"text\":\"anyone?\"}");
    cloud.advance(Duration.ofMinutes(6));
    alice.send("{\"action\":\"send\",\"text\":\"bob?\"}");

    assertThat(bob).isClosedWithStatus(1001).hasReceived("alice: anyone?");
    assertThat(alice).isOpen().hasReceived("alice: anyone?", "alice: bob?");
    assertThat(room.members()).containsOnlyKeys(alice.connectionId());
  }

  /** A client over a real WebSocket: the future completes with the first message it receives. */
  private static final class FirstMessage implements WebSocket.Listener {
    final CompletableFuture<String> received = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        received.complete(text.toString());
      }
      ws.request(1);
      return null;
    }
  }

  @Test
  void overARealWebSocketWithTheJdkClient() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI url = chat.url("prod");
    FirstMessage aliceListener = new FirstMessage();
    FirstMessage bobListener = new FirstMessage();
    WebSocket alice =
        http.newWebSocketBuilder()
            .buildAsync(URI.create(url + "?name=alice"), aliceListener)
            .get(30, TimeUnit.SECONDS);
    http.newWebSocketBuilder()
        .buildAsync(URI.create(url + "?name=bob"), bobListener)
        .get(30, TimeUnit.SECONDS);

    alice
        .sendText("{\"action\":\"send\",\"text\":\"over the wire\"}", true)
        .get(30, TimeUnit.SECONDS);

    assertThat(bobListener.received.get(30, TimeUnit.SECONDS)).isEqualTo("alice: over the wire");
    assertThat(aliceListener.received.get(30, TimeUnit.SECONDS)).isEqualTo("alice: over the wire");
    assertThat(chat).hasOpenConnections(2);
    alice.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(30, TimeUnit.SECONDS);
  }
}
