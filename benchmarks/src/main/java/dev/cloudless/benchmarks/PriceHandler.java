package dev.cloudless.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * The handler the invoke benchmarks call: a small POJO in, a small POJO out, as most production
 * handlers are. It does almost nothing, so the benchmarks measure the fake's cost, not the
 * handler's: JSON in and out through Lambda's serializers, the worker hand-off, the journal and the
 * trace.
 */
public final class PriceHandler
    implements RequestHandler<PriceHandler.Order, PriceHandler.Receipt> {

  /** The JSON event the benchmarks send: three fields, 48 bytes. */
  public static final String EVENT = "{\"orderId\":\"o-42\",\"quantity\":3,\"currency\":\"EUR\"}";

  /** The JSON the handler answers to {@link #EVENT}. */
  public static final String RESPONSE = "{\"orderId\":\"o-42\",\"total\":30,\"currency\":\"EUR\"}";

  /** The event, bound by Lambda's Jackson configuration (public fields, as in many handlers). */
  public static final class Order {
    public String orderId;
    public int quantity;
    public String currency;
  }

  /** The result. */
  public static final class Receipt {
    public String orderId;
    public int total;
    public String currency;
  }

  @Override
  public Receipt handleRequest(Order order, Context context) {
    Receipt receipt = new Receipt();
    receipt.orderId = order.orderId;
    receipt.total = order.quantity * 10;
    receipt.currency = order.currency;
    return receipt;
  }
}
