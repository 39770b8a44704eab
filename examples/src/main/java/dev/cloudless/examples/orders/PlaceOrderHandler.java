package dev.cloudless.examples.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /orders} behind API Gateway: checks the order, prices it and answers 201 with the
 * order, or 400 when the order makes no sense. A body that is not JSON at all is a bug in the
 * client the shop does not guard against: the handler throws.
 */
public final class PlaceOrderHandler
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

  /** What the client sends. */
  public record PlaceOrder(String customerId, List<Order.Item> items) {}

  private final OrderBook orders;

  /** A handler that keeps its orders to itself, as the function's tests need. */
  public PlaceOrderHandler() {
    this(new OrderBook());
  }

  /** A handler that saves each order it places in {@code orders}. */
  public PlaceOrderHandler(OrderBook orders) {
    this.orders = orders;
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(
      APIGatewayProxyRequestEvent request, Context context) {
    PlaceOrder command = Json.read(request.getBody(), PlaceOrder.class);
    if (command.customerId() == null || command.items() == null || command.items().isEmpty()) {
      return response(400, Map.of("message", "An order needs a customerId and at least one item."));
    }
    long total = 0;
    for (Order.Item item : command.items()) {
      if (item.quantity() <= 0) {
        return response(400, Map.of("message", "Quantity of " + item.sku() + " must be positive."));
      }
      total += item.quantity() * item.unitPriceCents();
    }
    // The request id is unique per invocation, which makes it a good order id.
    Order order =
        new Order("o-" + context.getAwsRequestId(), command.customerId(), command.items(), total);
    orders.save(order);
    context.getLogger().log("placed " + order.orderId() + " for " + total + " cents");
    return response(201, order);
  }

  private static APIGatewayProxyResponseEvent response(int status, Object body) {
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(status)
        .withHeaders(Map.of("Content-Type", "application/json"))
        .withBody(Json.write(body));
  }
}
