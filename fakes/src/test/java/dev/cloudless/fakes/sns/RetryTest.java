package dev.cloudless.fakes.sns;

import static dev.cloudless.fakes.faults.Faults.onSubscription;
import static dev.cloudless.fakes.faults.Faults.onTopic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.faults.FaultFired;
import dev.cloudless.fakes.sqs.Queue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryTest {

  private final FakeCloud cloud = FakeCloud.create();
  private final Topic orders = cloud.sns().createTopic("orders");
  private final Queue billing = cloud.sqs().createQueue("billing");
  private final Instant start = cloud.clock().now();

  @AfterEach
  void close() {
    cloud.close();
  }

  private List<Duration> attemptTimes(Subscription sub) {
    return cloud.journal().forResource(sub.arn()).stream()
        .filter(e -> e instanceof SnsEvent.DeliveryFailed || e instanceof SnsEvent.MessageDelivered)
        .map(e -> Duration.between(start, e.time()))
        .toList();
  }

  @Test
  void aQueueDeliveryIsRetriedThreeTimesAtOnceThenEverySecondThenWithBackoff() {
    Subscription sub = orders.subscribe(billing);
    cloud.faults().inject(onSubscription(sub.arn()).serviceError().times(7));

    orders.publish("x");
    cloud.runUntilIdle();

    assertThat(attemptTimes(sub))
        .containsExactly(
            Duration.ZERO,
            Duration.ZERO,
            Duration.ZERO,
            Duration.ZERO,
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(3),
            Duration.ofMillis(4_395));
    assertThat(sub.deliveries())
        .singleElement()
        .extracting(SnsEvent.MessageDelivered::attempt)
        .isEqualTo(8);
    assertThat(billing.peek()).hasSize(1);
    assertThat(cloud.journal().events(FaultFired.class)).hasSize(7);
  }

  @Test
  void anEndlessServerErrorEndsAfter100015RetriesOver23DaysInTheDeadLetterQueue() {
    Queue dlq =
        cloud
            .sqs()
            .createQueue(
                dev.cloudless.fakes.sqs.QueueSpec.named("orders-dlq")
                    .messageRetentionPeriod(Duration.ofDays(14)));
    Subscription sub = orders.subscribe(SubscribeRequest.to(billing).redrivePolicy(dlq));
    cloud.faults().inject(onTopic("orders").serviceError().always());

    String messageId = orders.publish("x").messageId();
    cloud.runUntilIdle();

    SnsEvent.MessageDeadLettered dead =
        cloud.journal().events(SnsEvent.MessageDeadLettered.class).get(0);
    assertThat(dead.attempts()).isEqualTo(100_016);
    assertThat(dead.deliveryError()).isNull();
    assertThat(Duration.between(start, dead.time()))
        .isGreaterThan(Duration.ofDays(23))
        .isLessThan(Duration.ofDays(24));
    assertThat(dlq.peek()).singleElement().satisfies(m -> assertThat(m.body()).contains(messageId));
    assertThat(billing.peek()).isEmpty();
    assertThat(sub.deliveries()).isEmpty();
  }

  @Test
  void aClientErrorIsNotRetriedAndGoesToTheDeadLetterQueue() {
    Queue dlq = cloud.sqs().createQueue("orders-dlq");
    orders.subscribe(SubscribeRequest.to(billing).rawMessageDelivery(true).redrivePolicy(dlq));
    cloud.faults().inject(onSubscription(billing.arn()).clientError().once());

    orders.publish(PublishRequest.message("x").messageAttribute("type", "order"));
    cloud.runUntilIdle();

    assertThat(cloud.journal().events(SnsEvent.DeliveryFailed.class))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.retryable()).isFalse();
              assertThat(f.nextAttemptAt()).isNull();
            });
    assertThat(dlq.peek())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.body()).isEqualTo("x");
              assertThat(m.messageAttributes()).containsKey("type");
            });
  }

  @Test
  void aDeletedQueueIsAClientErrorAndWithoutDlqTheMessageIsDiscarded() {
    Subscription sub = orders.subscribe(billing);
    cloud.sqs().deleteQueue("billing");

    orders.publish("x");
    cloud.runUntilIdle();

    assertThat(cloud.journal().forResource(sub.arn()))
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("Subscribed", "DeliveryFailed", "MessageDiscarded");
    assertThat(cloud.journal().events(SnsEvent.DeliveryFailed.class).get(0).error())
        .startsWith("AWS.SimpleQueueService.NonExistentQueue");
  }

  @Test
  void aMissingDeadLetterQueueLosesTheMessageAndSaysSo() {
    Subscription sub =
        orders.subscribe(
            SubscribeRequest.to(billing)
                .attribute(
                    "RedrivePolicy",
                    "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:missing\"}"));
    cloud.faults().inject(onSubscription(sub.arn()).clientError().once());

    orders.publish("x");
    cloud.runUntilIdle();

    assertThat(cloud.journal().events(SnsEvent.MessageDeadLettered.class))
        .singleElement()
        .extracting(SnsEvent.MessageDeadLettered::deliveryError)
        .asString()
        .contains("does not exist");
  }

  @Test
  void failedAttemptsAreTracedAsFaults() {
    Subscription sub = orders.subscribe(billing);
    cloud.faults().inject(onSubscription(sub.arn()).serviceError().once());

    orders.publish("x");
    cloud.runUntilIdle();

    assertThat(cloud.traces().segments())
        .anySatisfy(
            s -> assertThat(s.status()).isEqualTo(dev.cloudless.trace.Segment.Status.FAULT));
  }
}
