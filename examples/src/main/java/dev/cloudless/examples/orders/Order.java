package dev.cloudless.examples.orders;

import java.util.List;

/**
 * An order as the shop's API accepts it and its functions pass it on.
 *
 * @param orderId the id the API gave it
 * @param customerId who ordered
 * @param items what was ordered
 * @param totalCents the price, in cents
 */
public record Order(String orderId, String customerId, List<Item> items, long totalCents) {

  /** One line of an order. */
  public record Item(String sku, int quantity, long unitPriceCents) {}
}
