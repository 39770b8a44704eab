package dev.cloudless.examples.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;

/**
 * {@code GET /orders/{orderId}} behind API Gateway: the order, to the customer who placed it. The
 * customer comes from the authorizer ({@code requestContext.authorizer.principalId}); another
 * customer's order is answered 404, as if it did not exist.
 */
public final class GetOrderHandler
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

  private final OrderBook orders;

  public GetOrderHandler(OrderBook orders) {
    this.orders = orders;
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(
      APIGatewayProxyRequestEvent request, Context context) {
    String orderId = request.getPathParameters().get("orderId");
    Object principal = request.getRequestContext().getAuthorizer().get("principalId");
    return orders
        .find(orderId)
        .filter(order -> order.customerId().equals(principal))
        .map(order -> response(200, order))
        .orElseGet(() -> response(404, Map.of("message", "No order " + orderId + ".")));
  }

  private static APIGatewayProxyResponseEvent response(int status, Object body) {
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(status)
        .withHeaders(Map.of("Content-Type", "application/json"))
        .withBody(Json.write(body));
  }
}
