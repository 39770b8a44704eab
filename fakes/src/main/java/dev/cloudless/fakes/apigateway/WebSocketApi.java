package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.journal.Journal;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A WebSocket API: routes {@code $connect}, {@code $disconnect}, {@code $default} and custom route
 * keys chosen by the route selection expression, each integrated with a Lambda function; and the
 * {@code @connections} management API.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface WebSocketApi {

  String id();

  String name();

  WebSocketApiSpec spec();

  /**
   * Creates or replaces the route {@code routeKey} ({@code $connect}, {@code $disconnect}, {@code
   * $default} or a value of the route selection expression) with a Lambda proxy integration.
   */
  WebSocketApi route(String routeKey, MethodSpec spec);

  /** Deploys the routes to {@code stage}: clients connect to {@link #url(String)}. */
  WebSocketApi deploy(String stage);

  /**
   * Connects a client in process, without a socket, through the same {@code $connect} route, limits
   * and timers as a WebSocket over HTTP.
   *
   * @throws WebSocketRefusedException when {@code $connect} refuses the connection
   */
  WebSocketClient connect(String stage);

  /**
   * Connects in process as {@link #connect(String)} does, with the upgrade request's path below the
   * stage, query string and headers taken from {@code upgrade} (its method and body are not used):
   * {@code ApiRequest.get("/?token=abc").header("User-Agent", "app")}.
   */
  WebSocketClient connect(String stage, ApiRequest upgrade);

  /** {@code ws://127.0.0.1:PORT/<stage>}. Starts the HTTP server. */
  URI url(String stage);

  /**
   * The management API's endpoint for {@code stage}, {@code http://127.0.0.1:PORT/<stage>}: give it
   * to an {@code ApiGatewayManagementApiClient} as its endpoint override, or call {@code
   * POST|GET|DELETE <endpoint>/@connections/<connectionId>} over HTTP. Starts the HTTP server.
   */
  URI managementEndpoint(String stage);

  /**
   * Sends {@code data} to a connection ({@code PostToConnection}); {@code GoneException} if closed.
   */
  void postToConnection(String connectionId, String data);

  /** A connection's facts ({@code GetConnection}); empty when it is gone. */
  Optional<WebSocketConnection> connection(String connectionId);

  /** Closes a connection ({@code DeleteConnection}). */
  void deleteConnection(String connectionId);

  /** The connections open now. */
  List<WebSocketConnection> connections();

  /** Every message sent to {@code connectionId} through {@code @connections}, in order. */
  List<String> messagesSentTo(String connectionId);

  /**
   * The journal of the cloud this API lives in (all of it: its {@code WebSocketActivity} events
   * carry the API's id). Assertions read the API's story here.
   */
  Journal journal();
}
