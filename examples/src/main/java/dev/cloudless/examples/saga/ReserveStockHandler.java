package dev.cloudless.examples.saga;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.cloudless.examples.orders.Order;

/** The saga's first step: reserves the order's items. */
public final class ReserveStockHandler
    implements RequestHandler<Order, ReserveStockHandler.Reservation> {

  /** What the step returns. */
  public record Reservation(String reservationId) {}

  private final Inventory inventory;

  public ReserveStockHandler(Inventory inventory) {
    this.inventory = inventory;
  }

  @Override
  public Reservation handleRequest(Order order, Context context) {
    return new Reservation(inventory.reserve(order.orderId(), order.items()));
  }
}
