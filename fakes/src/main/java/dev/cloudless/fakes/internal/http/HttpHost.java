package dev.cloudless.fakes.internal.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * The HTTP server of one cloud: an embedded Jetty that opens one loopback port per endpoint (a
 * function URL, an API's stage), so each gets a URL of its own, as AWS gives each its own host.
 *
 * <p>Nothing starts until the first {@link #open}: creating a cloud opens no port and starts no
 * thread. {@link #close()} stops every port; connections are refused afterwards.
 *
 * <p>The handlers run on Jetty's threads and receive the request as it came ({@link
 * IncomingRequest}); they decide everything else, so that this class knows no AWS service.
 *
 * <p>An endpoint may also accept WebSocket upgrades ({@link #open(Function, WebSocketAcceptor)}),
 * with API Gateway's limits, the only fake that serves WebSockets: frames of at most 32 KB and
 * messages of at most 128 KB (larger ones close the connection with 1009), and no binary frames
 * (they close it with 1003). Idle and maximum connection times are left to the fake, which keeps
 * them on the virtual clock.
 */
@API(status = INTERNAL, since = "0.1")
public final class HttpHost implements AutoCloseable {

  /** Endpoints listen on the loopback interface only: tests talk to them, nobody else. */
  public static final String LOOPBACK = "127.0.0.1";

  /**
   * Jetty's pool is shared by every endpoint: each port holds one selector thread, the rest serve
   * requests. Tests open a handful of endpoints; 256 leaves room for a couple of hundred.
   */
  private static final int MAX_THREADS = 256;

  private final String name;

  /** API Gateway's WebSocket frame limit: 32 KB. */
  public static final int MAX_WEBSOCKET_FRAME = 32 * 1024;

  /** API Gateway's WebSocket message limit: 128 KB. */
  public static final int MAX_WEBSOCKET_MESSAGE = 128 * 1024;

  private final Map<Connector, Function<IncomingRequest, OutgoingResponse>> handlers =
      new ConcurrentHashMap<>();
  private final Map<Connector, WebSocketAcceptor> webSockets = new ConcurrentHashMap<>();
  private Server server;
  private boolean closed;

  /** A host whose threads are named after {@code name}, such as the cloud's name. */
  public HttpHost(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  /** Whether the server was started: only once an endpoint was opened. */
  public synchronized boolean started() {
    return server != null;
  }

  /**
   * Opens a new port on {@link #LOOPBACK}, chosen by the operating system, whose requests {@code
   * handler} answers. A handler that throws gives a 500.
   */
  public synchronized HttpEndpoint open(Function<IncomingRequest, OutgoingResponse> handler) {
    return open(handler, null);
  }

  /**
   * Opens a port as {@link #open(Function)} does, whose WebSocket upgrade requests {@code
   * webSockets} decides (null: none accepted).
   */
  public synchronized HttpEndpoint open(
      Function<IncomingRequest, OutgoingResponse> handler, WebSocketAcceptor webSockets) {
    Objects.requireNonNull(handler, "handler");
    if (closed) {
      throw new IllegalStateException("The HTTP server of [" + name + "] is closed.");
    }
    try {
      Server running = server();
      HttpConfiguration config = new HttpConfiguration();
      // Answer as AWS's front door does, without announcing Jetty.
      config.setSendServerVersion(false);
      config.setSendXPoweredBy(false);
      // Paths reach the fakes as sent (an encoded slash included), as AWS passes rawPath through.
      config.setUriCompliance(UriCompliance.LEGACY);
      ServerConnector connector =
          new ServerConnector(running, 0, 1, new HttpConnectionFactory(config));
      connector.setHost(LOOPBACK);
      connector.setPort(0);
      handlers.put(connector, handler);
      if (webSockets != null) {
        this.webSockets.put(connector, webSockets);
      }
      running.addConnector(connector);
      connector.start();
      return new Endpoint(connector);
    } catch (Exception e) {
      throw new IllegalStateException("Could not open an HTTP port for [" + name + "]", e);
    }
  }

  private Server server() throws Exception {
    if (server == null) {
      QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
      threads.setName("cloudless-" + name + "-http");
      threads.setDaemon(true);
      Server created = new Server(threads);
      created.setStopTimeout(0);
      created.setHandler(new Dispatch());
      ServerWebSocketContainer container = ServerWebSocketContainer.ensure(created);
      container.setMaxFrameSize(MAX_WEBSOCKET_FRAME);
      // Jetty would otherwise split a larger frame into smaller ones and accept it: AWS refuses it.
      container.setAutoFragment(false);
      container.setMaxTextMessageSize(MAX_WEBSOCKET_MESSAGE);
      container.setMaxBinaryMessageSize(MAX_WEBSOCKET_MESSAGE);
      // Idle connections are the fake's business, on the virtual clock: Jetty must not cut them.
      container.setIdleTimeout(java.time.Duration.ofDays(1));
      created.start();
      server = created;
    }
    return server;
  }

  private synchronized void remove(ServerConnector connector) {
    handlers.remove(connector);
    webSockets.remove(connector);
    try {
      connector.stop();
    } catch (Exception e) {
      // The port is closed as far as stopping can close it; nothing else to do.
    }
    if (server != null) {
      server.removeConnector(connector);
    }
  }

  /** Stops the server and every port. */
  @Override
  public synchronized void close() {
    closed = true;
    handlers.clear();
    webSockets.clear();
    if (server != null) {
      try {
        server.stop();
      } catch (Exception e) {
        // Stopping is best effort: a daemon thread left behind does not keep the JVM alive.
      }
    }
  }

  private final class Endpoint implements HttpEndpoint {
    private final ServerConnector connector;
    private final int port;

    Endpoint(ServerConnector connector) {
      this.connector = connector;
      this.port = connector.getLocalPort();
    }

    @Override
    public int port() {
      return port;
    }

    @Override
    public void close() {
      remove(connector);
    }
  }

  /** Hands each request to the handler of the port it arrived on. */
  private final class Dispatch extends Handler.Abstract {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      WebSocketAcceptor acceptor = webSockets.get(request.getConnectionMetaData().getConnector());
      if (acceptor != null
          && "websocket".equalsIgnoreCase(request.getHeaders().get(HttpHeader.UPGRADE))) {
        ServerWebSocketContainer container = ServerWebSocketContainer.get(request.getContext());
        if (container.upgrade(
            (upgrade, upgradeResponse, upgradeCallback) ->
                create(acceptor, upgrade, upgradeResponse, upgradeCallback),
            request,
            response,
            callback)) {
          return true;
        }
      }
      Function<IncomingRequest, OutgoingResponse> handler =
          handlers.get(request.getConnectionMetaData().getConnector());
      OutgoingResponse answer;
      try {
        answer =
            handler == null
                ? OutgoingResponse.text(404, List.of(), "")
                : handler.apply(incoming(request));
      } catch (IOException | RuntimeException e) {
        answer =
            OutgoingResponse.text(
                500, List.of(new HttpField("Content-Type", "text/plain")), "Internal Server Error");
      }
      response.setStatus(answer.status());
      for (HttpField field : answer.headers()) {
        response.getHeaders().add(field.name(), field.value());
      }
      // A declared length keeps the response unchunked, as AWS's buffered responses are.
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
      response.write(true, ByteBuffer.wrap(answer.body()), callback);
      return true;
    }

    /** Asks the acceptor; a refusal is written as an HTTP answer to the upgrade request. */
    private Object create(
        WebSocketAcceptor acceptor,
        ServerUpgradeRequest request,
        ServerUpgradeResponse response,
        Callback callback)
        throws IOException {
      SocketEndpoint endpoint = new SocketEndpoint();
      WebSocketAcceptor.Answer answer = acceptor.accept(incoming(request), endpoint);
      if (answer.session() == null) {
        byte[] body =
            answer.refusalBody() == null
                ? new byte[0]
                : answer.refusalBody().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        response.setStatus(answer.refusalStatus());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return null;
      }
      endpoint.session = answer.session();
      return endpoint;
    }

    private IncomingRequest incoming(Request request) throws IOException {
      byte[] body;
      try (InputStream in = Content.Source.asInputStream(request)) {
        body = in.readAllBytes();
      }
      List<HttpField> headers = new ArrayList<>();
      for (org.eclipse.jetty.http.HttpField field : request.getHeaders()) {
        headers.add(new HttpField(field.getName(), field.getValue()));
      }
      String query = request.getHttpURI().getQuery();
      String path = request.getHttpURI().getPath();
      return new IncomingRequest(
          request.getMethod(),
          path == null || path.isEmpty() ? "/" : path,
          query == null ? "" : query,
          request.getConnectionMetaData().getProtocol(),
          headers,
          body,
          Request.getRemoteAddr(request),
          Request.getLocalPort(request));
    }
  }

  @Override
  public String toString() {
    return "HttpHost[" + name + "]";
  }

  /**
   * Jetty's listener for one connection, relaying to the fake's session. Public because Jetty
   * reaches the listener's methods by method handles, which a private class refuses.
   */
  @API(status = INTERNAL, since = "0.1")
  public static final class SocketEndpoint
      implements Session.Listener.AutoDemanding, WebSocketPeer {
    private volatile WebSocketSession session;
    private Session jetty;

    /**
     * Messages to send, one at a time (Jetty takes the next once the last is written), so that a
     * client gets them in the order the fake sent them.
     */
    private final java.util.ArrayDeque<String> outgoing = new java.util.ArrayDeque<>();

    private boolean inFlight;
    private int closeStatus;
    private String closeReason;

    SocketEndpoint() {}

    /**
     * The server has opened the connection: what the fake sent, or closed, since it accepted the
     * handshake goes out now, in order.
     */
    @Override
    public void onWebSocketOpen(Session opened) {
      synchronized (this) {
        this.jetty = opened;
        pump();
      }
      session.onOpen();
    }

    @Override
    public void onWebSocketText(String message) {
      session.onText(message);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
      session.onClose(statusCode, reason);
    }

    /**
     * API Gateway takes no binary frames from clients: it disconnects them with 1003
     * (websocket-api-develop-binary-media-types.md).
     */
    @Override
    public void onWebSocketBinary(
        java.nio.ByteBuffer payload, org.eclipse.jetty.websocket.api.Callback callback) {
      callback.succeed();
      // The session hears of it first, so that its $disconnect has run when the client sees the
      // close, as with the closes the fake decides itself; Jetty's later report changes nothing.
      session.onClose(1003, "Binary frames are not supported");
      close(1003, "Binary frames are not supported");
    }

    @Override
    public void onWebSocketError(Throwable cause) {
      // Jetty closes the connection after an error; onWebSocketClose tells the session.
    }

    @Override
    public synchronized void sendText(String text) {
      if (!isOpen()) {
        throw new IllegalStateException("The WebSocket connection is not open.");
      }
      outgoing.add(text);
      pump();
    }

    /** Closes once the messages sent before have gone out. */
    @Override
    public synchronized void close(int statusCode, String reason) {
      if (closeStatus == 0) {
        closeStatus = statusCode;
        closeReason = reason;
      }
      pump();
    }

    /** Open from the accepted handshake until either side closes. */
    @Override
    public synchronized boolean isOpen() {
      return closeStatus == 0 && (jetty == null || jetty.isOpen());
    }

    /** Sends the next message, or the close once none is left; called holding the lock. */
    private void pump() {
      if (jetty == null || inFlight) {
        return;
      }
      String next = outgoing.poll();
      if (next != null) {
        inFlight = true;
        jetty.sendText(
            next,
            org.eclipse.jetty.websocket.api.Callback.from(this::written, failed -> written()));
      } else if (closeStatus != 0 && jetty.isOpen()) {
        jetty.close(closeStatus, closeReason, org.eclipse.jetty.websocket.api.Callback.NOOP);
      }
    }

    private synchronized void written() {
      inFlight = false;
      pump();
    }
  }
}
