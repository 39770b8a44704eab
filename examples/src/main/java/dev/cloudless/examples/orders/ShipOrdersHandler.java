package dev.cloudless.examples.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumes a batch of paid orders from the shipping queue and books a parcel for each. An order
 * that cannot be shipped is reported as a batch item failure, so that only it comes back to the
 * queue, not the whole batch.
 */
public final class ShipOrdersHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      Order order = Json.read(message.getBody(), Order.class);
      if (order.items().isEmpty()) {
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      } else {
        context.getLogger().log("shipping " + order.orderId());
      }
    }
    return new SQSBatchResponse(failures);
  }
}
