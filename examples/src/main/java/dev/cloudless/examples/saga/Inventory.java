package dev.cloudless.examples.saga;

import dev.cloudless.examples.orders.Order;
import java.util.List;

/** The warehouse's stock: reservations hold items for an order until it ships or fails. */
public interface Inventory {

  /**
   * Holds the items of an order.
   *
   * @return the reservation's id
   */
  String reserve(String orderId, List<Order.Item> items);

  /** Gives the items of a reservation back to the stock. */
  void release(String reservationId);
}
