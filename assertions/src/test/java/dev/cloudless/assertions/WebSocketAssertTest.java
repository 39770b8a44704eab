package dev.cloudless.assertions;

import static dev.cloudless.assertions.CloudlessAssertions.assertThat;
import static dev.cloudless.assertions.CloudlessAssertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.apigateway.Integration;
import dev.cloudless.fakes.apigateway.MethodSpec;
import dev.cloudless.fakes.apigateway.WebSocketApi;
import dev.cloudless.fakes.apigateway.WebSocketApiSpec;
import dev.cloudless.fakes.apigateway.WebSocketClient;
import dev.cloudless.fakes.lambda.FunctionSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebSocketAssertTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final FakeCloud cloud = FakeCloud.create();
  private WebSocketApi chat;

  @BeforeEach
  void chat() {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("echo")
                .handler(
                    (RequestStreamHandler)
                        (in, out, ctx) -> {
                          JsonNode event = JSON.readTree(in);
                          chat.postToConnection(
                              event.get("requestContext").get("connectionId").asText(),
                              "{\"echo\": " + event.get("body").asText() + "}");
                          out.write("{\"statusCode\":200}".getBytes(StandardCharsets.UTF_8));
                        }));
    chat = cloud.apiGateway().createWebSocketApi(WebSocketApiSpec.named("chat"));
    chat.route("$default", MethodSpec.of(Integration.lambdaProxy("echo")));
    chat.deploy("prod");
  }

  @AfterEach
  void close() {
    cloud.close();
  }

  @Test
  void messagesSentToEachConnectionAreChecked() {
    WebSocketClient alice = chat.connect("prod");
    WebSocketClient bob = chat.connect("prod");

    alice.send("1");

    assertThat(chat)
        .hasOpenConnections(2)
        .hasSentTo(alice.connectionId(), "{\"echo\": 1}")
        .hasSentJsonTo(alice.connectionId(), "{\"echo\":1}")
        .hasSentNothingTo(bob.connectionId());
    assertThat(alice).hasReceived("{\"echo\": 1}").hasReceivedJson("{\"echo\":1}").isOpen();
    assertThatThrownBy(() -> assertThat(chat).hasSentTo(bob.connectionId(), "{\"echo\": 1}"))
        .hasMessageStartingWith(
            "Expecting WebSocket API [chat] to have sent exactly [{\"echo\": 1}] to connection ["
                + bob.connectionId()
                + "] but it sent [].")
        .hasMessageContaining("WebSocket activity of API [chat]:")
        .hasMessageContaining(alice.connectionId() + " SENT: {\"echo\": 1}");
    assertThatThrownBy(() -> assertThat(chat).hasOpenConnections(1))
        .hasMessageContaining("to have 1 open connection but it had 2.");
    assertThatThrownBy(() -> assertThat(bob).hasReceivedJson("{\"echo\":1}"))
        .hasMessageContaining("to have received a message JSON equal to");
  }

  @Test
  void closedClientsAreChecked() {
    WebSocketClient idle = chat.connect("prod");

    cloud.advance(Duration.ofMinutes(10));

    assertThat(idle).isClosedWithStatus(1001);
    assertThat(chat).hasOpenConnections(0);
    assertThatThrownBy(() -> assertThat(idle).isOpen())
        .hasMessageContaining("to be open but it was closed with 1001.");
    assertThatThrownBy(() -> assertThat(idle).isClosedWithStatus(1000))
        .hasMessageContaining("to be closed with 1000 but it closed with 1001.");
  }
}
