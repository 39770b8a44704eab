package dev.cloudless.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.apigateway.WebSocketApi;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a WebSocket API: its open connections and what it sent to each connection through
 * {@code @connections}.
 *
 * <pre>{@code
 * assertThat(chat)
 *     .hasOpenConnections(2)
 *     .hasSentTo(bob.connectionId(), "alice: hi")
 *     .hasSentJsonTo(alice.connectionId(), "{\"type\":\"joined\",\"user\":\"bob\"}");
 * }</pre>
 *
 * <p>A failure lists the API's WebSocket activity: connections, messages in and out, closes.
 *
 * <p>Not final only so that {@link CloudlessSoftAssertions} can proxy it; the package-private
 * constructor keeps it closed to other subclasses.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class WebSocketApiAssert extends AbstractAssert<WebSocketApiAssert, WebSocketApi> {

  WebSocketApiAssert(WebSocketApi actual) {
    super(actual, WebSocketApiAssert.class);
  }

  /** Verifies how many connections are open now. */
  public WebSocketApiAssert hasOpenConnections(int expected) {
    int open = api().connections().size();
    if (open != expected) {
      throw fail(
          "to have "
              + FailureText.count(expected, "open connection", "open connections")
              + " but it had "
              + open
              + ".");
    }
    return myself;
  }

  /** Verifies every message sent to {@code connectionId}, in order, and nothing else. */
  public WebSocketApiAssert hasSentTo(String connectionId, String... expected) {
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(expected, "expected");
    List<String> sent = api().messagesSentTo(connectionId);
    if (!sent.equals(Arrays.asList(expected))) {
      throw fail(
          "to have sent exactly "
              + Arrays.toString(expected)
              + " to connection ["
              + connectionId
              + "] but it sent "
              + sent
              + ".");
    }
    return myself;
  }

  /** Verifies that nothing was sent to {@code connectionId}. */
  public WebSocketApiAssert hasSentNothingTo(String connectionId) {
    return hasSentTo(connectionId);
  }

  /**
   * Verifies that some message sent to {@code connectionId} is the same JSON as {@code expected}:
   * key order and whitespace do not matter.
   */
  public WebSocketApiAssert hasSentJsonTo(String connectionId, String expected) {
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(expected, "expected");
    List<String> sent = api().messagesSentTo(connectionId);
    if (sent.stream().noneMatch(m -> JsonComparison.difference(m, expected).isEmpty())) {
      throw fail(
          "to have sent to connection ["
              + connectionId
              + "] a message JSON equal to\n  "
              + expected
              + "\nbut it sent "
              + sent
              + ".");
    }
    return myself;
  }

  private WebSocketApi api() {
    if (actual == null) {
      throw failure(FailureText.of("a WebSocket API", "but it was null.", ""));
    }
    return actual;
  }

  private AssertionError fail(String sentence) {
    return failure(
        FailureText.of(
            "WebSocket API [" + actual.name() + "]",
            sentence,
            JournalStory.ofWebSocketApi(actual)));
  }
}
