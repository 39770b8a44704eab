package dev.cloudless.fakes.apigateway.internal.websocket;

import dev.cloudless.fakes.apigateway.WebSocketClient;
import dev.cloudless.fakes.internal.http.WebSocketPeer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Both ends of an in-process connection: the peer the API sends to, and the client the test holds.
 * What the client sends goes to the same session a socket's frames go to.
 */
final class InProcessClient implements WebSocketClient, WebSocketPeer {

  private final List<String> received = new ArrayList<>();
  private String connectionId;
  private Consumer<String> onText;
  private Runnable onClientClose;
  private boolean open;
  private Integer closeStatus;

  void opened(String connectionId, Consumer<String> onText, Runnable onClientClose) {
    synchronized (this) {
      this.connectionId = connectionId;
      this.onText = onText;
      this.onClientClose = onClientClose;
      this.open = true;
    }
  }

  @Override
  public synchronized String connectionId() {
    return connectionId;
  }

  @Override
  public void send(String message) {
    Consumer<String> target;
    synchronized (this) {
      if (!open) {
        throw new IllegalStateException(
            "WebSocket connection [" + connectionId + "] is closed (" + closeStatus + ").");
      }
      target = onText;
    }
    target.accept(message);
  }

  @Override
  public synchronized List<String> received() {
    return List.copyOf(received);
  }

  @Override
  public synchronized boolean isOpen() {
    return open;
  }

  @Override
  public synchronized OptionalInt closeStatus() {
    return closeStatus == null ? OptionalInt.empty() : OptionalInt.of(closeStatus);
  }

  @Override
  public void close() {
    Runnable target;
    synchronized (this) {
      if (!open) {
        return;
      }
      open = false;
      closeStatus = 1000;
      target = onClientClose;
    }
    target.run();
  }

  // ---- the server's end ----

  @Override
  public synchronized void sendText(String text) {
    if (!open) {
      throw new IllegalStateException("The WebSocket connection is not open.");
    }
    received.add(text);
  }

  @Override
  public synchronized void close(int statusCode, String reason) {
    if (open) {
      open = false;
      closeStatus = statusCode;
    }
  }

  @Override
  public String toString() {
    return "WebSocketClient[" + connectionId + (open ? " open" : " closed") + "]";
  }
}
