package dev.cloudless.examples.orders;

import static dev.cloudless.assertions.CloudlessAssertions.assertThat;
import static dev.cloudless.fakes.lambda.LambdaEvent.BatchOutcome.PARTIALLY_FAILED;
import static dev.cloudless.fakes.lambda.LambdaEvent.BatchOutcome.SUCCEEDED;
import static java.time.Duration.ofSeconds;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.lambda.EventSourceMappingSpec;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.lambda.LambdaFunction;
import dev.cloudless.fakes.sns.PublishRequest;
import dev.cloudless.fakes.sns.SubscribeRequest;
import dev.cloudless.fakes.sns.Topic;
import dev.cloudless.fakes.sqs.Queue;
import dev.cloudless.fakes.sqs.QueueSpec;
import dev.cloudless.junit.CloudResource;
import dev.cloudless.junit.CloudlessExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shop publishes order events to one topic. Shipping takes the paid orders, fraud review the
 * expensive ones: each queue subscribes with its own filter policy. A function consumes the
 * shipping queue in batches and reports the orders it cannot ship as batch item failures; after
 * three tries the queue's redrive policy moves such an order to a dead-letter queue.
 */
class OrderEventsFanOutTest {

  private static final String PAID_PEN =
      "{\"orderId\":\"o-1\",\"customerId\":\"c-7\",\"totalCents\":250,"
          + "\"items\":[{\"sku\":\"pen\",\"quantity\":1,\"unitPriceCents\":250}]}";
  private static final String PAID_EMPTY =
      "{\"orderId\":\"o-2\",\"customerId\":\"c-8\",\"totalCents\":0,\"items\":[]}";
  private static final String PAID_PIANO =
      "{\"orderId\":\"o-3\",\"customerId\":\"c-9\",\"totalCents\":450000,"
          + "\"items\":[{\"sku\":\"piano\",\"quantity\":1,\"unitPriceCents\":450000}]}";
  private static final String CANCELLED_PIANO =
      "{\"orderId\":\"o-4\",\"customerId\":\"c-9\",\"totalCents\":450000,"
          + "\"items\":[{\"sku\":\"piano\",\"quantity\":1,\"unitPriceCents\":450000}]}";

  @RegisterExtension
  static CloudlessExtension cloudless =
      CloudlessExtension.builder()
          .setUp(
              cloud -> {
                Topic orderEvents = cloud.sns().createTopic("order-events");
                Queue shippingDlq = cloud.sqs().createQueue("shipping-dlq");
                Queue shipping =
                    cloud
                        .sqs()
                        .createQueue(
                            QueueSpec.named("shipping")
                                .visibilityTimeout(ofSeconds(60))
                                .redrive(shippingDlq, 3));
                Queue fraudReview = cloud.sqs().createQueue("fraud-review");
                orderEvents.subscribe(
                    SubscribeRequest.to(shipping)
                        .rawMessageDelivery(true)
                        .filterPolicy("{\"eventType\":[\"OrderPaid\"]}"));
                orderEvents.subscribe(
                    SubscribeRequest.to(fraudReview)
                        .rawMessageDelivery(true)
                        .filterPolicyOnMessageBody(
                            "{\"totalCents\":[{\"numeric\":[\">=\",100000]}]}"));
                cloud
                    .lambda()
                    .create(FunctionSpec.named("ship-orders").handler(new ShipOrdersHandler()));
                cloud
                    .lambda()
                    .createEventSourceMapping(
                        EventSourceMappingSpec.of(shipping, "ship-orders")
                            .reportBatchItemFailures());
              })
          .build();

  private static void publish(Topic topic, String eventType, String order) {
    topic.publish(PublishRequest.message(order).messageAttribute("eventType", eventType));
  }

  @Test
  void eachQueueGetsTheEventsItsFilterSelects(
      FakeCloud cloud,
      @CloudResource("order-events") Topic orderEvents,
      @CloudResource("shipping") Queue shipping,
      @CloudResource("fraud-review") Queue fraudReview) {
    publish(orderEvents, "OrderPaid", PAID_PEN);
    publish(orderEvents, "OrderPaid", PAID_PIANO);
    publish(orderEvents, "OrderCancelled", CANCELLED_PIANO);

    cloud.runUntilIdle();

    assertThat(orderEvents)
        .subscription(shipping, s -> s.hasReceivedMessages(PAID_PEN, PAID_PIANO).hasFilteredOut(1))
        .subscription(
            fraudReview,
            s ->
                s.hasReceivedMessages(PAID_PIANO, CANCELLED_PIANO)
                    .hasFilteredOutMessages(PAID_PEN));
    // Shipping's consumer took both paid orders in one batch and deleted them; fraud review has no
    // consumer yet, so its messages wait there.
    assertThat(cloud.lambda().function("ship-orders")).hasBatchOutcomes(SUCCEEDED);
    assertThat(shipping).isEmpty();
    assertThat(fraudReview).hasSize(2).containsJsonBody(CANCELLED_PIANO);
  }

  @Test
  void anOrderThatCannotShipReturnsAloneAndEndsInTheDeadLetterQueue(
      FakeCloud cloud,
      @CloudResource("order-events") Topic orderEvents,
      @CloudResource("shipping") Queue shipping,
      @CloudResource("shipping-dlq") Queue shippingDlq,
      @CloudResource("ship-orders") LambdaFunction shipOrders) {
    publish(orderEvents, "OrderPaid", PAID_PEN);
    publish(orderEvents, "OrderPaid", PAID_EMPTY);

    cloud.runUntilIdle();

    // The first batch ships the pen and reports the empty order; only that order comes back, once
    // per 60-second visibility timeout, until the receive after the third finds it at
    // maxReceiveCount and SQS moves it to the dead-letter queue.
    assertThat(shipOrders)
        .hasBatchSizes(2, 1, 1)
        .hasBatchOutcomes(PARTIALLY_FAILED, PARTIALLY_FAILED, PARTIALLY_FAILED);
    assertThat(shipping)
        .isEmpty()
        .hasMovedBodiesToDeadLetterQueue(PAID_EMPTY)
        .hasMovedToDeadLetterQueueAfterReceives(3)
        .hasMovedToDeadLetterQueueAt(ofSeconds(180));
    assertThat(shippingDlq).singleMessage().hasJsonBody(PAID_EMPTY);
  }
}
