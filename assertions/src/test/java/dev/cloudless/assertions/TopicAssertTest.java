package dev.cloudless.assertions;

import static dev.cloudless.assertions.CloudlessAssertions.assertThat;
import static dev.cloudless.assertions.CloudlessAssertions.assertThatThrownBy;
import static dev.cloudless.fakes.faults.Faults.onSubscription;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.sns.SubscribeRequest;
import dev.cloudless.fakes.sns.Topic;
import dev.cloudless.fakes.sqs.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TopicAssertTest {

  private static final String EU = "{\"orderId\":\"o-1\",\"region\":\"eu\"}";
  private static final String US = "{\"orderId\":\"o-2\",\"region\":\"us\"}";

  private final FakeCloud cloud = FakeCloud.create();
  private final Topic orders = cloud.sns().createTopic("order-events");
  private final Queue euOrders = cloud.sqs().createQueue("eu-orders");
  private final Queue allOrders = cloud.sqs().createQueue("all-orders");

  @AfterEach
  void close() {
    cloud.close();
  }

  private void publishBoth() {
    orders.subscribe(
        SubscribeRequest.to(euOrders).filterPolicyOnMessageBody("{\"region\":[\"eu\"]}"));
    orders.subscribe(allOrders);
    orders.publish(EU);
    orders.publish(US);
    cloud.runUntilIdle();
  }

  @Test
  void passesOnWhatWasPublishedReceivedAndFilteredOut() {
    publishBoth();

    assertThat(orders).hasPublished(2).hasPublishedMessages(EU, US).hasSubscriptions(2);
    assertThat(orders)
        .subscription(euOrders)
        .hasReceived(1)
        .hasReceivedMessages(EU)
        .hasFilteredOut(1)
        .hasFilteredOutMessages(US)
        .hasFailedDeliveries(0)
        .hasDeadLetteredMessages();
    assertThat(orders).subscription(allOrders).hasReceivedMessages(EU, US).hasFilteredOut(0);
  }

  @Test
  void aWrongExpectationNamesTheSubscriptionAndTellsTheTopicsStory() {
    publishBoth();

    assertThatThrownBy(() -> assertThat(orders).subscription(euOrders).hasReceivedMessages(EU, US))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Expecting subscription of topic [order-events] ["
                + euOrders.arn()
                + "] to have received the messages ["
                + EU
                + ", "
                + US
                + "] but it received ["
                + EU
                + "].")
        .hasMessageContaining("Events of topic [order-events]:")
        .hasMessageContaining("filtered out");
    assertThatThrownBy(() -> assertThat(orders).subscription(euOrders).hasFilteredOut(0))
        .hasMessageContaining("to have filtered out 0 messages but it filtered out 1.");
    assertThatThrownBy(() -> assertThat(orders).hasPublished(3))
        .hasMessageContaining("Expecting topic [order-events] to have had 3 messages published")
        .hasMessageContaining("but it had 2.");
  }

  @Test
  void aMissingSubscriptionIsNamedWithTheOnesThereAre() {
    orders.subscribe(allOrders);

    assertThatThrownBy(() -> assertThat(orders).subscription(euOrders))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "to have one subscription for ["
                + euOrders.arn()
                + "] but it had 0; its subscriptions were [sqs "
                + allOrders.arn()
                + "].");
  }

  @Test
  void failedDeliveriesAndDeadLetteredMessagesAreReadFromTheJournal() {
    Queue dlq = cloud.sqs().createQueue("eu-orders-dlq");
    orders.subscribe(SubscribeRequest.to(euOrders).redrivePolicy(dlq));
    cloud.faults().inject(onSubscription(euOrders.arn()).serviceError().once());
    orders.publish(EU);
    cloud.runUntilIdle();
    cloud.faults().inject(onSubscription(euOrders.arn()).clientError().once());
    orders.publish(US);
    cloud.runUntilIdle();

    // The server error is retried and the message arrives; the client error is not retried and
    // the message goes to the subscription's dead-letter queue.
    assertThat(orders)
        .subscription(euOrders)
        .hasFailedDeliveries(2)
        .hasReceived(1)
        .hasDeadLetteredMessages(US);
    assertThatThrownBy(() -> assertThat(orders).subscription(euOrders).hasDeadLetteredMessages())
        .hasMessageContaining("to have dead-lettered the messages [] but it dead-lettered [" + US);
  }

  @Test
  void softAssertionsCollectEveryFailure() {
    publishBoth();
    CloudlessSoftAssertions softly = new CloudlessSoftAssertions();

    softly.assertThat(orders).hasPublished(5);
    softly.assertThat(orders).subscription(euOrders).hasReceived(2).hasFilteredOut(0);
    softly.assertThat(orders).subscription("https://nowhere.example").hasReceived(1);

    assertThat(softly.errorsCollected()).hasSize(4);
  }
}
