package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The API refused an in-process WebSocket connection, as a client over a socket sees a failed
 * handshake: the {@code $connect} route answered a status other than 2xx, or failed (500), or the
 * stage does not exist (403).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class WebSocketRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String body;

  public WebSocketRefusedException(int statusCode, String body) {
    super(
        "The WebSocket handshake was refused with "
            + statusCode
            + (body == null || body.isEmpty() ? "" : " " + body));
    this.statusCode = statusCode;
    this.body = body == null ? "" : body;
  }

  /** The HTTP status the handshake was answered with. */
  public int statusCode() {
    return statusCode;
  }

  /** The body of the refusal, empty when there was none. */
  public String body() {
    return body;
  }
}
