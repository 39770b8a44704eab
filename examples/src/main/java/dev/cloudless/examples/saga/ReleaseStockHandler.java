package dev.cloudless.examples.saga;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** The saga's compensating step: gives a reservation back when the order cannot go on. */
public final class ReleaseStockHandler
    implements RequestHandler<ReleaseStockHandler.Release, String> {

  /** Which reservation to release. */
  public record Release(String reservationId) {}

  private final Inventory inventory;

  public ReleaseStockHandler(Inventory inventory) {
    this.inventory = inventory;
  }

  @Override
  public String handleRequest(Release release, Context context) {
    inventory.release(release.reservationId());
    return "released";
  }
}
