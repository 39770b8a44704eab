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

/**
 * The HTTP server of one cloud: an embedded Jetty that opens one loopback port per endpoint (a
 * function URL, an API's stage), so each gets a URL of its own, as AWS gives each its own host.
 *
 * <p>Nothing starts until the first {@link #open}: creating a cloud opens no port and starts no
 * thread. {@link #close()} stops every port; connections are refused afterwards.
 *
 * <p>The handlers run on Jetty's threads and receive the request as it came ({@link
 * IncomingRequest}); they decide everything else, so that this class knows no AWS service.
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
  private final Map<Connector, Function<IncomingRequest, OutgoingResponse>> handlers =
      new ConcurrentHashMap<>();
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
      created.start();
      server = created;
    }
    return server;
  }

  private synchronized void remove(ServerConnector connector) {
    handlers.remove(connector);
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
}
