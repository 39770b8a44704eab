package dev.cloudless.fakes.apigateway.internal.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.apigateway.ApiKeySource;
import dev.cloudless.fakes.apigateway.AuthorizerSpec;
import dev.cloudless.fakes.lambda.Cors;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * An API as one deployment froze it: what a stage serves until the next deployment.
 *
 * @param kind REST, HTTP or WebSocket
 * @param id the API id
 * @param name the API name
 * @param routes its methods or routes
 * @param authorizers its authorizers by name
 * @param binaryMediaTypes REST: content types handled as binary
 * @param minimumCompressionSize REST: compression threshold, or null for off
 * @param apiKeySource REST: where API keys come from
 * @param cors HTTP APIs: the CORS configuration
 * @param routeSelectionExpression WebSocket APIs: how messages pick a route
 */
@API(status = INTERNAL, since = "0.1")
public record ApiModel(
    ApiKind kind,
    String id,
    String name,
    List<RouteDef> routes,
    Map<String, AuthorizerSpec> authorizers,
    List<String> binaryMediaTypes,
    Integer minimumCompressionSize,
    ApiKeySource apiKeySource,
    Cors cors,
    String routeSelectionExpression) {

  public ApiModel {
    routes = List.copyOf(routes);
    authorizers = Map.copyOf(authorizers);
    binaryMediaTypes = List.copyOf(binaryMediaTypes);
  }

  /** {@code <api-id>.execute-api.<region>.amazonaws.com}. */
  public String domainName(String region) {
    return id + ".execute-api." + region + ".amazonaws.com";
  }
}
