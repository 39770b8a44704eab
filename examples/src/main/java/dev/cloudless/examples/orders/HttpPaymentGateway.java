package dev.cloudless.examples.orders;

/**
 * The real provider's client. The example shop has no real provider, so it answers with a payment
 * id derived from the charge; a real shop would make an HTTP call here.
 */
final class HttpPaymentGateway implements PaymentGateway {

  @Override
  public String charge(String customerId, long amountCents) {
    return "pay-" + customerId + "-" + amountCents;
  }
}
