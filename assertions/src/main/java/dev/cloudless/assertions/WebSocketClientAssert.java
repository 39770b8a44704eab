package dev.cloudless.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.apigateway.WebSocketClient;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an in-process WebSocket client: what it received and whether it is still open.
 *
 * <pre>{@code
 * assertThat(bob).hasReceived("alice: hi").isOpen();
 * assertThat(idle).isClosedWithStatus(1001);
 * }</pre>
 *
 * <p>Not final only so that {@link CloudlessSoftAssertions} can proxy it; the package-private
 * constructor keeps it closed to other subclasses.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class WebSocketClientAssert extends AbstractAssert<WebSocketClientAssert, WebSocketClient> {

  WebSocketClientAssert(WebSocketClient actual) {
    super(actual, WebSocketClientAssert.class);
  }

  /** Verifies every message the client received, in order, and nothing else. */
  public WebSocketClientAssert hasReceived(String... expected) {
    Objects.requireNonNull(expected, "expected");
    List<String> received = client().received();
    if (!received.equals(Arrays.asList(expected))) {
      throw fail(
          "to have received exactly " + Arrays.toString(expected) + " but it received " + received);
    }
    return myself;
  }

  /** Verifies that some received message is the same JSON as {@code expected}. */
  public WebSocketClientAssert hasReceivedJson(String expected) {
    Objects.requireNonNull(expected, "expected");
    List<String> received = client().received();
    if (received.stream().noneMatch(m -> JsonComparison.difference(m, expected).isEmpty())) {
      throw fail(
          "to have received a message JSON equal to\n  "
              + expected
              + "\nbut it received "
              + received);
    }
    return myself;
  }

  /** Verifies that the connection is open. */
  public WebSocketClientAssert isOpen() {
    if (!client().isOpen()) {
      throw fail("to be open but it was closed with " + client().closeStatus().orElse(-1) + ".");
    }
    return myself;
  }

  /** Verifies that the connection closed with {@code status} (1000, 1001 idle, 1009 too big). */
  public WebSocketClientAssert isClosedWithStatus(int status) {
    OptionalInt closed = client().closeStatus();
    if (closed.isEmpty() || closed.getAsInt() != status) {
      throw fail(
          "to be closed with "
              + status
              + " but it "
              + (closed.isEmpty() ? "was open." : "closed with " + closed.getAsInt() + "."));
    }
    return myself;
  }

  private WebSocketClient client() {
    if (actual == null) {
      throw failure(FailureText.of("a WebSocket client", "but it was null.", ""));
    }
    return actual;
  }

  private AssertionError fail(String sentence) {
    return failure(
        FailureText.of(
            "WebSocket client [" + actual.connectionId() + "]",
            sentence,
            "Received:\n  " + String.join("\n  ", actual.received()) + "\n"));
  }
}
