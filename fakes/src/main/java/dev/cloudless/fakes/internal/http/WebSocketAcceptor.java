package dev.cloudless.fakes.internal.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import org.apiguardian.api.API;

/** Decides WebSocket upgrade requests on an endpoint that serves WebSockets. */
@API(status = INTERNAL, since = "0.1")
@FunctionalInterface
public interface WebSocketAcceptor {

  /**
   * Accepts or refuses the upgrade {@code request}; {@code peer} is usable once the session's
   * {@link WebSocketSession#onOpen()} ran.
   */
  Answer accept(IncomingRequest request, WebSocketPeer peer);

  /** A session for an accepted connection, or the HTTP status and body of a refusal. */
  @API(status = INTERNAL, since = "0.1")
  record Answer(WebSocketSession session, int refusalStatus, String refusalBody) {

    public static Answer accepted(WebSocketSession session) {
      return new Answer(Objects.requireNonNull(session), 0, null);
    }

    public static Answer refused(int status, String body) {
      return new Answer(null, status, body);
    }
  }
}
