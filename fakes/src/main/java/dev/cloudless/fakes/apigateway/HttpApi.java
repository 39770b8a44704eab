package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * An HTTP API: routes such as {@code GET /orders/{id}} or {@code $default}, authorizers and stages.
 *
 * <pre>{@code
 * HttpApi api = cloud.apiGateway().createHttpApi(HttpApiSpec.named("shop"));
 * api.route("GET /orders/{id}", MethodSpec.of(Integration.lambdaProxy("get-order")));
 * api.route("$default", MethodSpec.of(Integration.lambdaProxy("fallback")));
 * Stage stage = api.deploy(StageSpec.named("$default").autoDeploy(true));
 * stage.call(ApiRequest.get("/orders/42"));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface HttpApi {

  String id();

  String name();

  HttpApiSpec spec();

  /**
   * Creates or replaces the route {@code routeKey}: {@code METHOD /path} (with {@code {name}} and a
   * final greedy {@code {name+}}; {@code ANY} for every method) or {@code $default}.
   */
  HttpApi route(String routeKey, MethodSpec spec);

  /** Deletes a route; {@code NotFoundException} when there is none. */
  HttpApi deleteRoute(String routeKey);

  /** Adds (or replaces) a Lambda authorizer that routes name. */
  HttpApi authorizer(AuthorizerSpec spec);

  /** Creates the stage, or updates it, and deploys the API's routes to it. */
  Stage deploy(StageSpec stage);

  Optional<Stage> stage(String name);

  List<Stage> stages();

  /**
   * Calls the API in process, the path as sent: with the stage first unless it is {@code $default}.
   */
  ApiResponse call(ApiRequest request);

  /** {@code http://127.0.0.1:PORT/}. Starts the HTTP server. */
  URI url();

  List<ApiGatewayEvent.RequestServed> requests();
}
