package dev.cloudless.examples.saga;

/** Where customers' loyalty points are kept. */
public interface LoyaltyLedger {

  /**
   * Adds points to a customer's balance, whatever was added before.
   *
   * @return the new balance
   */
  long add(String customerId, long points);

  /**
   * Adds points once per key: a second call with the same key changes nothing.
   *
   * @return the balance after the first call with this key
   */
  long addOnce(String idempotencyKey, String customerId, long points);
}
