package dev.cloudless.fakes.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.sqs.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SubscriptionsTest {

  private final FakeCloud cloud = FakeCloud.create();
  private final FakeSns sns = cloud.sns();
  private final Topic orders = sns.createTopic("orders");
  private final Queue billing = cloud.sqs().createQueue("billing");

  @AfterEach
  void close() {
    cloud.close();
  }

  @Test
  void aSubscriptionArnIsTheTopicArnAndAUuid() {
    Subscription sub = orders.subscribe(billing);

    assertThat(sub.arn()).matches(orders.arn().replace(".", "\\.") + ":[0-9a-f-]{36}");
    assertThat(sub.protocol()).isEqualTo("sqs");
    assertThat(sub.isPendingConfirmation()).isFalse();
    sub.confirm();
    assertThat(sub.attributes())
        .containsEntry("SubscriptionArn", sub.arn())
        .containsEntry("TopicArn", orders.arn())
        .containsEntry("Protocol", "sqs")
        .containsEntry("Endpoint", billing.arn())
        .containsEntry("RawMessageDelivery", "false")
        .containsEntry("PendingConfirmation", "false")
        .containsEntry("ConfirmationWasAuthenticated", "true")
        .doesNotContainKey("FilterPolicyScope");
  }

  @Test
  void subscribingTwiceReturnsTheSameSubscription() {
    Subscription first = orders.subscribe(billing);
    Subscription second = orders.subscribe(SubscribeRequest.sqs(billing.arn()));

    assertThat(second).isSameAs(first);
    assertThat(orders.subscriptions()).containsExactly(first);
  }

  @Test
  void subscribingTwiceWithOtherAttributesFails() {
    orders.subscribe(SubscribeRequest.to(billing).rawMessageDelivery(true));

    assertThatThrownBy(
            () -> orders.subscribe(SubscribeRequest.to(billing).rawMessageDelivery(false)))
        .hasMessage(
            "Invalid parameter: Attributes Reason: Subscription already exists with different"
                + " attributes");
  }

  @Test
  void unsubscribeStopsDeliveries() {
    Subscription sub = orders.subscribe(billing);

    sns.unsubscribe(sub.arn());
    orders.publish("x");
    cloud.runUntilIdle();

    assertThat(billing.peek()).isEmpty();
    assertThat(orders.subscriptions()).isEmpty();
    assertThat(sns.subscriptions()).isEmpty();
    sns.unsubscribe(sub.arn());
    assertThatThrownBy(() -> sns.unsubscribe("arn:aws:sns:us-east-1:000000000000:orders"))
        .hasMessage("Invalid parameter: SubscriptionId");
    assertThatThrownBy(() -> sns.unsubscribe("orders"))
        .hasMessage(
            "Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not"
                + " 1");
  }

  @Test
  void subscribeChecksProtocolsAndEndpoints() {
    assertThatThrownBy(() -> orders.subscribe(SubscribeRequest.of("carrier-pigeon", "x")))
        .hasMessage(
            "Invalid parameter: Amazon SNS does not support this protocol string: carrier-pigeon");
    assertThatThrownBy(() -> orders.subscribe(SubscribeRequest.of("https", "http://example.test")))
        .hasMessage("Invalid parameter: Endpoint must match the specified protocol");
    assertThatThrownBy(() -> orders.subscribe(SubscribeRequest.sqs("not-an-arn")))
        .hasMessage("Invalid parameter: SQS endpoint ARN");
    assertThatThrownBy(() -> orders.subscribe(SubscribeRequest.of("email", "a@example.test")))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("does not fake yet");
    assertThatThrownBy(
            () ->
                sns.subscribe(
                    "arn:aws:sns:us-east-1:000000000000:nope", SubscribeRequest.to(billing)))
        .isInstanceOf(AwsServiceException.class)
        .hasMessage("Topic does not exist");
  }

  @Test
  void subscriptionAttributesAreCheckedWithAwsTexts() {
    Subscription sub = orders.subscribe(billing);

    assertThatThrownBy(() -> sub.setAttribute("Colour", "red"))
        .hasMessage("Invalid parameter: AttributeName");
    assertThatThrownBy(() -> sub.setAttribute("RawMessageDelivery", "yes"))
        .hasMessage(
            "Invalid parameter: RawMessageDelivery: Invalid value [yes]. Must be true or false.");
    assertThatThrownBy(() -> sub.setAttribute("FilterPolicyScope", "RandomValue"))
        .hasMessage(
            "Invalid parameter: FilterPolicyScope: Invalid value [RandomValue]. Please use either"
                + " MessageBody or MessageAttributes");
    assertThatThrownBy(() -> sub.setAttribute("DeliveryPolicy", "{}"))
        .hasMessageContaining("can only be set for HTTP/S subscriptions");
    assertThatThrownBy(
            () ->
                orders.subscribe(
                    SubscribeRequest.to(cloud.sqs().createQueue("other"))
                        .attribute("RawMessageDelivery", "maybe")))
        .hasMessage(
            "Invalid parameter: Attributes Reason: RawMessageDelivery: Invalid value [maybe]. Must"
                + " be true or false.");
  }

  @Test
  void aRedrivePolicyNeedsAQueueOfThisAccountAndRegion() {
    Subscription sub = orders.subscribe(billing);

    assertThatThrownBy(() -> sub.setAttribute("RedrivePolicy", "{\"deadLetterTargetArn\":\"x\"}"))
        .hasMessage("Invalid parameter: RedrivePolicy: deadLetterTargetArn is an invalid arn");
    assertThatThrownBy(
            () ->
                sub.setAttribute(
                    "RedrivePolicy",
                    "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:000000000000:dlq\"}"))
        .hasMessageContaining("same account and region");
    sub.setAttribute(
        "RedrivePolicy", "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:dlq\"}");
    assertThat(sub.attributes()).containsKey("RedrivePolicy");
  }

  @Test
  void fifoTopicsTakeOnlyFifoQueues() {
    Topic fifo = sns.createTopic("orders.fifo");

    assertThatThrownBy(() -> fifo.subscribe(billing))
        .hasMessage(
            "Invalid parameter: Invalid parameter: Endpoint Reason: Please use FIFO SQS queue");
    assertThatThrownBy(
            () ->
                orders.subscribe(SubscribeRequest.sqs("arn:aws:sqs:us-east-1:000000000000:q.fifo")))
        .hasMessage(
            "Invalid parameter: Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be"
                + " subscribed to standard SNS topics");
    Subscription sub =
        fifo.subscribe(SubscribeRequest.sqs("arn:aws:sqs:us-east-1:000000000000:q.fifo"));
    assertThatThrownBy(
            () ->
                sub.setAttribute(
                    "RedrivePolicy",
                    "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:dlq\"}"))
        .hasMessage(
            "Invalid parameter: RedrivePolicy: must use a FIFO queue as DLQ for a FIFO"
                + " Subscription to a FIFO Topic.");
  }
}
