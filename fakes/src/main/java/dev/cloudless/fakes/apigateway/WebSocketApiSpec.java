package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.AwsServiceException;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A WebSocket API's settings ({@code CreateApi} with {@code ProtocolType: WEBSOCKET}).
 *
 * @param name the API's name
 * @param routeSelectionExpression how a message picks its route, such as {@code
 *     $request.body.action} (the default)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record WebSocketApiSpec(String name, String routeSelectionExpression) {

  public WebSocketApiSpec {
    Objects.requireNonNull(name, "name");
    routeSelectionExpression =
        routeSelectionExpression == null ? "$request.body.action" : routeSelectionExpression;
    if (!routeSelectionExpression.startsWith("$request.body.")
        && !routeSelectionExpression.equals("${request.body.action}")) {
      throw new AwsServiceException(
          400,
          "BadRequestException",
          "The route selection expression ["
              + routeSelectionExpression
              + "] is not supported; write $request.body.<json path>, such as"
              + " $request.body.action.");
    }
  }

  public static WebSocketApiSpec named(String name) {
    return new WebSocketApiSpec(name, null);
  }

  public WebSocketApiSpec routeSelectionExpression(String expression) {
    return new WebSocketApiSpec(name, expression);
  }
}
