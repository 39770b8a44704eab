package dev.cloudless.fakes.apigateway.internal.websocket;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudless.fakes.apigateway.ApiGatewayEvent;
import dev.cloudless.fakes.apigateway.ApiRequest;
import dev.cloudless.fakes.apigateway.Integration;
import dev.cloudless.fakes.apigateway.IntegrationType;
import dev.cloudless.fakes.apigateway.MethodSpec;
import dev.cloudless.fakes.apigateway.StageSpec;
import dev.cloudless.fakes.apigateway.WebSocketApi;
import dev.cloudless.fakes.apigateway.WebSocketApiSpec;
import dev.cloudless.fakes.apigateway.WebSocketClient;
import dev.cloudless.fakes.apigateway.WebSocketConnection;
import dev.cloudless.fakes.apigateway.WebSocketRefusedException;
import dev.cloudless.fakes.apigateway.internal.model.FunctionRefs;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.clock.TimeMode;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.FunctionInvoker.ServiceInvocation;
import dev.cloudless.fakes.internal.Scheduler;
import dev.cloudless.fakes.internal.http.HttpEndpoint;
import dev.cloudless.fakes.internal.http.HttpField;
import dev.cloudless.fakes.internal.http.HttpHost;
import dev.cloudless.fakes.internal.http.IncomingRequest;
import dev.cloudless.fakes.internal.http.WebSocketAcceptor;
import dev.cloudless.fakes.internal.http.WebSocketPeer;
import dev.cloudless.fakes.internal.http.WebSocketSession;
import dev.cloudless.fakes.journal.Journal;
import dev.cloudless.trace.TraceHeader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * A WebSocket API: a real endpoint on loopback whose connections run {@code $connect}, {@code
 * $disconnect}, {@code $default} and custom routes on Lambda, with the WebSocket event shape, and
 * the {@code @connections} management API. AWS's idle timeout (10 minutes) and maximum connection
 * duration (2 hours) are kept on the virtual clock; its frame (32 KB) and message (128 KB) limits
 * by the server. Sources: API Gateway developer guide, {@code apigateway-websocket-api-*.md},
 * {@code apigateway-how-to-call-websocket-api-connections.md}, {@code limits.md}; AWS-SEMANTICS
 * 5.10.
 */
@API(status = INTERNAL, since = "0.1")
public final class WebSocketApiImpl implements WebSocketApi {

  /** A connection idle this long is closed (AWS: 10 minutes). */
  public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);

  /** A connection is closed after this long, however busy (AWS: 2 hours). */
  public static final Duration MAX_DURATION = Duration.ofHours(2);

  private final CloudContext cloud;
  private final String id;
  private final WebSocketApiSpec spec;
  private final Supplier<HttpHost> host;
  private final Supplier<String> ids;
  private final Map<String, MethodSpec> routes = new LinkedHashMap<>();
  private final Map<String, Map<String, MethodSpec>> stages = new LinkedHashMap<>();
  private final Map<String, Connection> connections = new LinkedHashMap<>();
  private final Map<String, List<String>> sentLog = new LinkedHashMap<>();
  private final WebSocketEvents events;
  private HttpEndpoint endpoint;

  public WebSocketApiImpl(
      CloudContext cloud,
      String id,
      WebSocketApiSpec spec,
      Supplier<HttpHost> host,
      Supplier<String> ids) {
    this.cloud = cloud;
    this.id = id;
    this.spec = spec;
    this.host = host;
    this.ids = ids;
    this.events = new WebSocketEvents(cloud, id, ids);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public WebSocketApiSpec spec() {
    return spec;
  }

  @Override
  public synchronized WebSocketApi route(String routeKey, MethodSpec method) {
    if (routeKey == null || routeKey.isBlank()) {
      throw badRequest("A WebSocket route key must not be blank.");
    }
    if (method.integration().type() != IntegrationType.AWS_PROXY) {
      throw badRequest(
          "Cloudless runs WebSocket routes with Lambda proxy integrations (AWS_PROXY); route ["
              + routeKey
              + "] asks for "
              + method.integration().type()
              + ".");
    }
    if (method.authorizer() != null || method.apiKeyRequired()) {
      throw badRequest(
          "Route ["
              + routeKey
              + "]: authorizers and API keys on WebSocket APIs are not supported by Cloudless yet.");
    }
    if (method.integration().timeout().compareTo(Integration.DEFAULT_TIMEOUT) > 0) {
      throw badRequest(
          "Route ["
              + routeKey
              + "]: timeoutInMillis "
              + method.integration().timeout().toMillis()
              + " is out of range; a WebSocket API's integration timeout is 50 to 29000 ms.");
    }
    routes.put(routeKey, method);
    return this;
  }

  @Override
  public WebSocketApi deploy(String stage) {
    StageSpec.named(stage); // AWS's stage name rules
    String deploymentId;
    synchronized (this) {
      stages.put(stage, Map.copyOf(routes));
      deploymentId = ids.get().substring(0, 6).toLowerCase(java.util.Locale.ROOT);
    }
    Instant now = cloud.now();
    String arn = stageArn(stage);
    cloud
        .journal()
        .append(seq -> new ApiGatewayEvent.StageDeployed(seq, now, arn, id, stage, deploymentId));
    return this;
  }

  private String stageArn(String stage) {
    return "arn:aws:apigateway:" + cloud.region() + "::/apis/" + id + "/stages/" + stage;
  }

  @Override
  public URI url(String stage) {
    return URI.create("ws://" + authority(stage) + "/" + stage);
  }

  @Override
  public URI managementEndpoint(String stage) {
    return URI.create("http://" + authority(stage) + "/" + stage);
  }

  private synchronized String authority(String stage) {
    if (!stages.containsKey(stage)) {
      throw new AwsServiceException(
          404, "NotFoundException", "WebSocket API " + id + " has no stage [" + stage + "].");
    }
    if (endpoint == null) {
      endpoint = host.get().open(new ConnectionsEndpoint(this, cloud.json())::serve, this::accept);
    }
    return HttpHost.LOOPBACK + ":" + endpoint.port();
  }

  // ---- connections -----------------------------------------------------------------------------

  @Override
  public WebSocketClient connect(String stage) {
    return connect(stage, ApiRequest.get("/"));
  }

  @Override
  public WebSocketClient connect(String stage, ApiRequest upgrade) {
    synchronized (this) {
      if (!stages.containsKey(stage)) {
        throw new AwsServiceException(
            404, "NotFoundException", "WebSocket API " + id + " has no stage [" + stage + "].");
      }
    }
    String[] pathAndQuery = upgrade.pathAndQuery().split("\\?", 2);
    String path = "/" + stage + (pathAndQuery[0].equals("/") ? "" : pathAndQuery[0]);
    List<HttpField> headers = new ArrayList<>();
    headers.add(new HttpField("Host", id + ".execute-api." + cloud.region() + ".amazonaws.com"));
    headers.add(new HttpField("Connection", "Upgrade"));
    headers.add(new HttpField("Upgrade", "websocket"));
    headers.add(new HttpField("Sec-WebSocket-Version", "13"));
    headers.add(new HttpField("Sec-WebSocket-Key", webSocketKey()));
    upgrade.headers().forEach(h -> headers.add(new HttpField(h.name(), h.value())));
    IncomingRequest request =
        new IncomingRequest(
            "GET",
            path,
            pathAndQuery.length > 1 ? pathAndQuery[1] : "",
            "HTTP/1.1",
            headers,
            new byte[0],
            upgrade.sourceIp(),
            0);
    InProcessClient client = new InProcessClient();
    WebSocketAcceptor.Answer answer;
    try {
      answer = cloud.inTurn(() -> accept(request, client));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    if (answer.session() == null) {
      throw new WebSocketRefusedException(answer.refusalStatus(), answer.refusalBody());
    }
    Session session = (Session) answer.session();
    client.opened(
        session.connection.id,
        message -> {
          if (message.getBytes(StandardCharsets.UTF_8).length > HttpHost.MAX_WEBSOCKET_MESSAGE) {
            // As the server does with a socket: the connection closes with 1009.
            client.close(1009, "Message too big");
            session.onClose(1009, "Message too big");
          } else {
            session.onText(message);
          }
        },
        () -> session.onClose(1000, ""));
    session.onOpen();
    return client;
  }

  /** A handshake key, as a client draws it: 16 bytes from the cloud's seed, in base64. */
  private String webSocketKey() {
    byte[] key = new byte[16];
    cloud.randomness().ids().nextBytes(key);
    return java.util.Base64.getEncoder().encodeToString(key);
  }

  private WebSocketAcceptor.Answer accept(IncomingRequest upgrade, WebSocketPeer peer) {
    String path = upgrade.rawPath();
    String stage = path.replaceAll("^/+", "").split("/", 2)[0];
    Map<String, MethodSpec> stageRoutes;
    synchronized (this) {
      stageRoutes = stages.get(stage);
    }
    if (stageRoutes == null) {
      return WebSocketAcceptor.Answer.refused(403, "{\"message\":\"Forbidden\"}");
    }
    Connection connection = new Connection(ids.get(), stage, upgrade, peer, cloud.now());
    MethodSpec connect = stageRoutes.get("$connect");
    if (connect != null) {
      Result result;
      try {
        result = cloud.inTurn(() -> run(connection, "$connect", "CONNECT", connect, null, null));
      } catch (Exception e) {
        return WebSocketAcceptor.Answer.refused(500, "{\"message\": \"Internal server error\"}");
      }
      if (result.timedOut()) {
        return WebSocketAcceptor.Answer.refused(
            504, "{\"message\": \"Endpoint request timed out\"}");
      }
      if (result.failed()) {
        return WebSocketAcceptor.Answer.refused(500, "{\"message\": \"Internal server error\"}");
      }
      // $connect refuses the connection with any status but 2xx the function answers.
      int status = status(result.payload());
      if (status < 200 || status > 299) {
        return WebSocketAcceptor.Answer.refused(status, "");
      }
    }
    try {
      cloud.inTurn(
          () -> {
            opened(connection);
            return null;
          });
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return WebSocketAcceptor.Answer.accepted(new Session(connection));
  }

  /**
   * The connection exists from the moment {@code $connect} accepted it: its timers start at the
   * handshake's virtual instant, and it can be posted to at once (a socket that the server has not
   * finished opening holds the messages until it has), so nothing depends on when the server's
   * threads get to it.
   */
  private void opened(Connection connection) {
    Scheduler clock = cloud.scheduler();
    synchronized (this) {
      connections.put(connection.id, connection);
      sentLog.put(connection.id, connection.sent);
      connection.open = true;
      connection.idle =
          clock.scheduleDaemon(
              IDLE_TIMEOUT,
              "websocket idle " + connection.id,
              () -> serverClose(connection, 1001, "Going away"));
      connection.maxDuration =
          clock.scheduleDaemon(
              MAX_DURATION,
              "websocket max duration " + connection.id,
              () -> serverClose(connection, 1001, "Going away"));
    }
    journal(connection, "CONNECTED", "$connect", null);
  }

  private final class Session implements WebSocketSession {
    private final Connection connection;

    Session(Connection connection) {
      this.connection = connection;
    }

    @Override
    public void onOpen() {
      // Nothing to do: the connection was registered, and its timers started, at the handshake.
    }

    @Override
    public void onText(String message) {
      try {
        cloud.inTurn(
            () -> {
              message(connection, message);
              return null;
            });
      } catch (Exception e) {
        // The message's failure was answered to the client; the connection goes on.
      }
    }

    @Override
    public void onClose(int statusCode, String reason) {
      try {
        cloud.inTurn(
            () -> {
              disconnected(connection, statusCode, reason);
              return null;
            });
      } catch (Exception e) {
        // Best effort, as AWS's $disconnect is.
      }
    }
  }

  private void message(Connection connection, String message) {
    Map<String, MethodSpec> stageRoutes;
    synchronized (this) {
      if (connection.closed) {
        return;
      }
      connection.lastActiveAt = cloud.now();
      if (connection.idle != null) {
        connection.idle.cancel();
      }
      connection.idle =
          cloud
              .scheduler()
              .scheduleDaemon(
                  IDLE_TIMEOUT,
                  "websocket idle " + connection.id,
                  () -> serverClose(connection, 1001, "Going away"));
      stageRoutes = stages.get(connection.stage);
    }
    String routeKey = selectRoute(message, stageRoutes);
    journal(connection, "RECEIVED", routeKey, message);
    String requestId = cloud.newRequestId();
    if (routeKey == null) {
      sendError(connection, "Forbidden", requestId);
      return;
    }
    Result result =
        run(connection, routeKey, "MESSAGE", stageRoutes.get(routeKey), message, requestId);
    if (result.timedOut()) {
      sendError(connection, "Endpoint request timed out", requestId);
    } else if (result.failed()) {
      sendError(connection, "Internal server error", requestId);
    }
  }

  /** The route the route selection expression picks, else {@code $default}, else null. */
  private String selectRoute(String message, Map<String, MethodSpec> stageRoutes) {
    String expression = spec.routeSelectionExpression().replace("${", "$").replace("}", "");
    String path = expression.substring("$request.body.".length());
    try {
      JsonNode node = cloud.json().readTree(message);
      for (String part : path.split("\\.")) {
        node = node == null ? null : node.get(part);
      }
      if (node != null && node.isValueNode() && stageRoutes.containsKey(node.asText())) {
        return node.asText();
      }
    } catch (JsonProcessingException e) {
      // Not JSON: the message goes to $default.
    }
    return stageRoutes.containsKey("$default") ? "$default" : null;
  }

  private void sendError(Connection connection, String message, String requestId) {
    try {
      connection.peer.sendText(
          "{\"message\": \""
              + message
              + "\", \"connectionId\":\""
              + connection.id
              + "\", \"requestId\":\""
              + requestId
              + "\"}");
    } catch (IllegalStateException e) {
      // The client went away meanwhile.
    }
  }

  /** The server closes a connection: $disconnect runs at once, then the socket closes. */
  private void serverClose(Connection connection, int statusCode, String reason) {
    disconnected(connection, statusCode, reason);
    connection.peer.close(statusCode, reason);
  }

  private void disconnected(Connection connection, int statusCode, String reason) {
    Map<String, MethodSpec> stageRoutes;
    synchronized (this) {
      if (connection.closed) {
        return;
      }
      connection.closed = true;
      connection.open = false;
      connections.remove(connection.id);
      if (connection.idle != null) {
        connection.idle.cancel();
      }
      if (connection.maxDuration != null) {
        connection.maxDuration.cancel();
      }
      stageRoutes = stages.get(connection.stage);
    }
    journal(connection, "DISCONNECTED", "$disconnect", statusCode + " " + reason);
    MethodSpec disconnect = stageRoutes == null ? null : stageRoutes.get("$disconnect");
    if (disconnect != null) {
      ObjectNode extra = cloud.json().createObjectNode();
      extra.put("disconnectStatusCode", statusCode);
      extra.put("disconnectReason", reason == null ? "" : reason);
      run(connection, "$disconnect", "DISCONNECT", disconnect, null, null, extra);
    }
  }

  // ---- Lambda ----------------------------------------------------------------------------------

  /**
   * How a route's function ended: failed (a Lambda refusal or a function error), timed out (it ran
   * past the integration's timeout, 29 s by default, on the virtual clock), or its payload.
   */
  private record Result(boolean failed, boolean timedOut, String payload) {}

  private Result run(
      Connection connection,
      String routeKey,
      String eventType,
      MethodSpec route,
      String body,
      String requestId) {
    return run(connection, routeKey, eventType, route, body, requestId, null);
  }

  private Result run(
      Connection connection,
      String routeKey,
      String eventType,
      MethodSpec route,
      String body,
      String requestId,
      ObjectNode extraContext) {
    String event = events.event(connection, routeKey, eventType, body, requestId, extraContext);
    Instant deadline = cloud.now().plus(route.integration().timeout());
    ServiceInvocation result;
    try {
      result =
          cloud
              .resources()
              .functions()
              .invoke(
                  FunctionRefs.function(route.integration().uri(), Map.of()),
                  null,
                  "RequestResponse",
                  event,
                  TraceHeader.root(cloud.newTraceId()));
    } catch (AwsServiceException e) {
      return new Result(true, false, null);
    }
    // The function goes on in Lambda; API Gateway stops waiting at the timeout.
    boolean timedOut = result.endedAt().isAfter(deadline);
    Instant answeredAt = timedOut ? deadline : result.endedAt();
    Scheduler clock = cloud.scheduler();
    if (clock.mode() == TimeMode.VIRTUAL
        && !clock.inEvent()
        && !cloud.workers().isWorkerThread()
        && answeredAt.isAfter(clock.now())) {
      clock.advanceTo(answeredAt);
    }
    return new Result(
        !timedOut && result.functionError() != null, timedOut, timedOut ? null : result.payload());
  }

  private int status(String payload) {
    try {
      JsonNode node = payload == null ? null : cloud.json().readTree(payload);
      JsonNode status = node == null || !node.isObject() ? null : node.get("statusCode");
      if (status == null) {
        return 200;
      }
      return status.isInt() ? status.asInt() : Integer.parseInt(status.asText());
    } catch (JsonProcessingException | NumberFormatException e) {
      return 500;
    }
  }

  // ---- @connections ----------------------------------------------------------------------------

  @Override
  public void postToConnection(String connectionId, String data) {
    byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > HttpHost.MAX_WEBSOCKET_MESSAGE) {
      throw new AwsServiceException(
          413,
          "PayloadTooLargeException",
          "Message of " + bytes.length + " bytes is over the 128 KB WebSocket message limit.");
    }
    // Checked, recorded and handed to the socket under one lock: a client that has the message
    // finds it in the record too. The socket sends asynchronously, so the lock is held briefly.
    synchronized (this) {
      Connection connection = connections.get(connectionId);
      if (connection == null || !connection.open || !connection.peer.isOpen()) {
        throw gone(connectionId);
      }
      connection.sent.add(data);
      journal(connection, "SENT", null, data);
      try {
        connection.peer.sendText(data);
      } catch (IllegalStateException e) {
        throw gone(connectionId);
      }
    }
  }

  @Override
  public Optional<WebSocketConnection> connection(String connectionId) {
    synchronized (this) {
      Connection c = connections.get(connectionId);
      return c == null || !c.open ? Optional.empty() : Optional.of(c.describe());
    }
  }

  @Override
  public void deleteConnection(String connectionId) {
    Connection connection;
    synchronized (this) {
      connection = connections.get(connectionId);
    }
    if (connection == null) {
      throw gone(connectionId);
    }
    serverClose(connection, 1000, "");
  }

  @Override
  public synchronized List<WebSocketConnection> connections() {
    List<WebSocketConnection> open = new ArrayList<>();
    for (Connection c : connections.values()) {
      if (c.open) {
        open.add(c.describe());
      }
    }
    return open;
  }

  @Override
  public synchronized List<String> messagesSentTo(String connectionId) {
    List<String> sent = sentLog.get(connectionId);
    return sent == null ? List.of() : List.copyOf(sent);
  }

  @Override
  public Journal journal() {
    return cloud.journal();
  }

  static AwsServiceException gone(String connectionId) {
    return new AwsServiceException(
        410, "GoneException", "Connection [" + connectionId + "] is gone.");
  }

  private void journal(Connection connection, String kind, String routeKey, String data) {
    Instant now = cloud.now();
    String arn = stageArn(connection.stage);
    cloud
        .journal()
        .append(
            seq ->
                new ApiGatewayEvent.WebSocketActivity(
                    seq, now, arn, null, id, connection.id, kind, routeKey, data));
  }

  private static AwsServiceException badRequest(String message) {
    return new AwsServiceException(400, "BadRequestException", message);
  }

  @Override
  public String toString() {
    return "WebSocketApi[" + id + " " + spec.name() + "]";
  }
}
