package dev.cloudless.fakes.internal.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** What a fake does with one accepted WebSocket connection; called on the server's threads. */
@API(status = INTERNAL, since = "0.1")
public interface WebSocketSession {

  /** The connection is open: messages may be sent to the client from now on. */
  void onOpen();

  /** The client sent a text message. */
  void onText(String message);

  /** The connection closed, by either side. */
  void onClose(int statusCode, String reason);
}
