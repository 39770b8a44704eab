package dev.cloudless.examples.saga;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * Awards one point per euro of a delivered order. It runs in an Express workflow, which runs each
 * step at least once: so it awards the points once per order, keyed by the order's id, and a second
 * run of the same step changes nothing.
 */
public final class AwardPointsHandler
    implements RequestHandler<AwardPointsHandler.Delivered, AwardPointsHandler.Points> {

  /** The event of a delivered order. */
  public record Delivered(String orderId, String customerId, long totalCents) {}

  /** The customer's balance after the award. */
  public record Points(long balance) {}

  private final LoyaltyLedger ledger;
  private final boolean idempotent;

  /** The handler as deployed: awards once per order. */
  public AwardPointsHandler(LoyaltyLedger ledger) {
    this(ledger, true);
  }

  private AwardPointsHandler(LoyaltyLedger ledger, boolean idempotent) {
    this.ledger = ledger;
    this.idempotent = idempotent;
  }

  /**
   * The first version, which added points on every run: kept to show the bug that duplicate runs
   * expose.
   */
  public static AwardPointsHandler firstVersion(LoyaltyLedger ledger) {
    return new AwardPointsHandler(ledger, false);
  }

  @Override
  public Points handleRequest(Delivered order, Context context) {
    long points = order.totalCents() / 100;
    long balance =
        idempotent
            ? ledger.addOnce("points-" + order.orderId(), order.customerId(), points)
            : ledger.add(order.customerId(), points);
    return new Points(balance);
  }
}
