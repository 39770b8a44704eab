package dev.cloudless.fakes.internal.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** The server's end of one WebSocket connection, as a fake uses it. */
@API(status = INTERNAL, since = "0.1")
public interface WebSocketPeer {

  /**
   * Sends a text message.
   *
   * @throws IllegalStateException when the connection is not open (yet, or any more)
   */
  void sendText(String text);

  /** Closes the connection with a status code and reason. */
  void close(int statusCode, String reason);

  /** Whether the connection is open. */
  boolean isOpen();
}
