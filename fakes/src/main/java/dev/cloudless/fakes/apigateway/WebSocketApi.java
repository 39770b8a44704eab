package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

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

  /** Creates or replaces the route {@code routeKey} with a Lambda proxy integration. */
  WebSocketApi route(String routeKey, MethodSpec spec);

  /** Adds a REQUEST authorizer, which runs on {@code $connect} only. */
  WebSocketApi authorizer(AuthorizerSpec spec);

  /** Deploys the routes to {@code stage}: clients connect to {@link #url(String)}. */
  WebSocketApi deploy(String stage);

  /** {@code ws://127.0.0.1:PORT/<stage>}. Starts the HTTP server. */
  URI url(String stage);

  /**
   * The {@code @connections} management endpoint base, {@code
   * http://127.0.0.1:PORT/<stage>/@connections}, as handlers call it.
   */
  URI connectionsUrl(String stage);

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
}
