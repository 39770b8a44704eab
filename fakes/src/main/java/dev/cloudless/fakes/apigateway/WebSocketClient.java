package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * A client connected to a {@link WebSocketApi} in process, without a socket: its messages go
 * through the same routes, limits and timers as a real WebSocket's.
 *
 * <pre>{@code
 * WebSocketClient alice = chat.connect("prod");
 * alice.send("{\"action\":\"send\",\"text\":\"hi\"}");
 * assertThat(alice.received()).contains("alice: hi");
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface WebSocketClient extends AutoCloseable {

  /** The id API Gateway gave the connection, as handlers see it in {@code requestContext}. */
  String connectionId();

  /**
   * Sends a text message, which runs its route at once (the call returns when the route's function
   * has answered). A message over 128 KB closes the connection with 1009, as API Gateway does.
   *
   * @throws IllegalStateException when the connection is closed
   */
  void send(String message);

  /** Every message the client received, in order: {@code @connections} posts and error messages. */
  List<String> received();

  /** Whether the connection is open. */
  boolean isOpen();

  /** The close status code once the connection is closed (1000 normal, 1001 idle, 1009 too big). */
  OptionalInt closeStatus();

  /** Closes the connection from the client's side with 1000: {@code $disconnect} runs. */
  @Override
  void close();
}
