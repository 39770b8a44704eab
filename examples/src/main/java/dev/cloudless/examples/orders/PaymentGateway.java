package dev.cloudless.examples.orders;

/** The payment service provider the shop charges cards with. */
public interface PaymentGateway {

  /**
   * Charges a customer.
   *
   * @return the provider's payment id
   * @throws PaymentTimeout when the provider does not answer in time
   */
  String charge(String customerId, long amountCents);

  /** The provider did not answer in time; trying again later usually works. */
  final class PaymentTimeout extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PaymentTimeout(String message) {
      super(message);
    }
  }
}
