package dev.cloudless.examples.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * Quotes shipping for an order. The shop is moving from a flat rate to a rate by weight, released
 * as a canary: the alias {@code live} sends a share of the traffic to the new version first.
 */
public final class ShippingQuoteHandler
    implements RequestHandler<ShippingQuoteHandler.QuoteRequest, ShippingQuoteHandler.Quote> {

  /** What the checkout asks. */
  public record QuoteRequest(String orderId, int weightGrams) {}

  /** What it answers. */
  public record Quote(String orderId, long priceCents, String rule) {}

  /** How a quote is computed; the rule is the part that changes between releases. */
  public enum Rule {
    FLAT_RATE,
    BY_WEIGHT
  }

  private final Rule rule;

  /** Production wiring: the rule comes from the function's environment. */
  public ShippingQuoteHandler() {
    this(Rule.valueOf(System.getenv().getOrDefault("QUOTE_RULE", "FLAT_RATE")));
  }

  public ShippingQuoteHandler(Rule rule) {
    this.rule = rule;
  }

  @Override
  public Quote handleRequest(QuoteRequest request, Context context) {
    long price =
        switch (rule) {
          case FLAT_RATE -> 499;
          case BY_WEIGHT -> 199 + request.weightGrams() / 100 * 15L;
        };
    return new Quote(request.orderId(), price, rule.name());
  }
}
