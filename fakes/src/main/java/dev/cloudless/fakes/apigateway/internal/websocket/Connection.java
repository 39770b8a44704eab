package dev.cloudless.fakes.apigateway.internal.websocket;

import dev.cloudless.fakes.apigateway.WebSocketConnection;
import dev.cloudless.fakes.clock.ScheduledAction;
import dev.cloudless.fakes.internal.http.IncomingRequest;
import dev.cloudless.fakes.internal.http.WebSocketPeer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One client connection: its peer, its facts, its timers on the virtual clock. */
final class Connection {

  final String id;
  final String stage;
  final IncomingRequest upgrade;
  final WebSocketPeer peer;
  final Instant connectedAt;
  final List<String> sent = new ArrayList<>();
  Instant lastActiveAt;
  ScheduledAction idle;
  ScheduledAction maxDuration;
  boolean open;
  boolean closed;

  Connection(String id, String stage, IncomingRequest upgrade, WebSocketPeer peer, Instant now) {
    this.id = id;
    this.stage = stage;
    this.upgrade = upgrade;
    this.peer = peer;
    this.connectedAt = now;
    this.lastActiveAt = now;
  }

  WebSocketConnection describe() {
    return new WebSocketConnection(
        id, connectedAt, lastActiveAt, upgrade.sourceIp(), upgrade.header("User-Agent"));
  }
}
