package dev.cloudless.examples.orders;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where orders are kept: in production a DynamoDB table, here an in-memory map that the handlers
 * share, handed to them when they are created.
 */
public final class OrderBook {

  private final Map<String, Order> orders = new ConcurrentHashMap<>();

  public void save(Order order) {
    orders.put(order.orderId(), order);
  }

  public Optional<Order> find(String orderId) {
    return Optional.ofNullable(orders.get(orderId));
  }
}
