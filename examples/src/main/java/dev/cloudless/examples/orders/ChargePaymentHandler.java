package dev.cloudless.examples.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * Charges an order. Invoked asynchronously after an order is placed: when the provider times out,
 * the handler lets the exception escape so that Lambda retries the event (twice, one and two
 * minutes later) and finally sends it to the dead-letter queue for a person to look at.
 */
public final class ChargePaymentHandler
    implements RequestHandler<Order, ChargePaymentHandler.Receipt> {

  /** What a successful charge returns. */
  public record Receipt(String orderId, String paymentId, long amountCents) {}

  private final PaymentGateway payments;

  /** Production wiring: the real provider. */
  public ChargePaymentHandler() {
    this(new HttpPaymentGateway());
  }

  /** Test wiring: any provider. */
  public ChargePaymentHandler(PaymentGateway payments) {
    this.payments = payments;
  }

  @Override
  public Receipt handleRequest(Order order, Context context) {
    String paymentId = payments.charge(order.customerId(), order.totalCents());
    context.getLogger().log("charged " + order.orderId() + " as " + paymentId);
    return new Receipt(order.orderId(), paymentId, order.totalCents());
  }
}
