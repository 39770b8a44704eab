package dev.cloudless.fakes.sqs;

import static dev.cloudless.fakes.faults.Faults.onQueue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.faults.FaultEffect;
import dev.cloudless.fakes.faults.FaultFired;
import dev.cloudless.fakes.faults.FaultRule;
import dev.cloudless.fakes.faults.FaultSchedule;
import dev.cloudless.fakes.faults.FaultTarget;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueueFaultsTest {

  private final FakeCloud cloud = FakeCloud.builder().seed(42).build();
  private final Queue orders = cloud.sqs().createQueue("orders");

  @AfterEach
  void close() {
    cloud.close();
  }

  @Test
  void aDuplicateDeliveryFaultDeliversTheMessageTwiceWithOneMessageId() {
    cloud.faults().inject(onQueue("orders").duplicateDelivery().once());

    SendResult sent = orders.send("charge o-42");
    orders.send("charge o-43");

    List<Message> received = orders.receive(10);
    assertThat(received)
        .extracting(Message::messageId)
        .containsExactly(sent.messageId(), sent.messageId(), received.get(2).messageId());
    // Each copy is its own: deleting one leaves the other to be delivered again.
    orders.delete(received.get(0).receiptHandle());
    cloud.advance(Duration.ofSeconds(30));
    assertThat(orders.receive(10))
        .extracting(Message::body)
        .containsExactly("charge o-42", "charge o-43");
    assertThat(cloud.journal().events(FaultFired.class))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("onQueue(\"orders\").duplicateDelivery().once()");
              assertThat(f.resourceArn()).isEqualTo(orders.arn());
            });
    assertThat(cloud.journal().events(SqsEvent.MessageDuplicated.class))
        .singleElement()
        .extracting(SqsEvent.MessageDuplicated::messageId)
        .isEqualTo(sent.messageId());
  }

  @Test
  void aProbabilisticDuplicateFaultIsDrawnFromTheSeed() {
    cloud.faults().inject(onQueue("orders").duplicateDelivery().withProbability(0.1));
    for (int i = 0; i < 200; i++) {
      orders.send("m" + i);
    }
    int duplicated = cloud.journal().events(SqsEvent.MessageDuplicated.class).size();

    try (FakeCloud again = FakeCloud.builder().seed(42).build()) {
      Queue replay = again.sqs().createQueue("orders");
      again.faults().inject(onQueue("orders").duplicateDelivery().withProbability(0.1));
      for (int i = 0; i < 200; i++) {
        replay.send("m" + i);
      }
      assertThat(again.journal().events(SqsEvent.MessageDuplicated.class)).hasSize(duplicated);
    }
    assertThat(duplicated).isBetween(5, 40);
    assertThat(orders.size()).isEqualTo(200 + duplicated);
  }

  @Test
  void aServiceErrorFailsTheOperationWithSqs500AndChangesNothing() {
    orders.send("kept");
    cloud.faults().inject(onQueue("orders").serviceError().onAttempts(2));

    List<Message> first = orders.receive();
    assertThatThrownBy(() -> orders.delete(first.get(0).receiptHandle()))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(500);
              assertThat(e.errorCode()).isEqualTo("InternalFailure");
              assertThat(e.errorType()).isEqualTo("Service");
            });
    assertThat(orders.size()).isEqualTo(1);
    orders.delete(first.get(0).receiptHandle());
    assertThat(orders.size()).isZero();
  }

  @Test
  void queueRulesCountHitsOnlyWhereTheirEffectActs() {
    cloud.faults().inject(onQueue("orders").serviceError().times(1));
    var duplicate = cloud.faults().inject(onQueue("orders").duplicateDelivery().times(1));

    assertThatThrownBy(orders::receive).isInstanceOf(AwsServiceException.class);
    assertThat(duplicate.hits()).isZero();
    orders.send("first send");

    assertThat(orders.size()).isEqualTo(2);
  }

  @Test
  void deliveriesFromOtherServicesMeetTheQueuesFaults() {
    Queue dlq = cloud.sqs().createQueue("charge-dlq");
    cloud.faults().inject(onQueue("charge-dlq").serviceError().always());
    cloud
        .lambda()
        .create(
            dev.cloudless.fakes.lambda.FunctionSpec.named("charge")
                .handler(new AlwaysFails())
                .maximumRetryAttempts(0)
                .deadLetterQueue(dlq));

    cloud.lambda().invokeAsync("charge", "{}");
    cloud.runUntilIdle();

    assertThat(dlq.size()).isZero();
    assertThat(cloud.journal().events(FaultFired.class))
        .extracting(FaultFired::resourceArn)
        .contains(dlq.arn());
  }

  @Test
  void aQueueRefusesFaultsItCannotHave() {
    Queue fifo =
        cloud
            .sqs()
            .createQueue(QueueSpec.named("orders.fifo").fifo().contentBasedDeduplication(true));
    cloud.faults().inject(onQueue("orders.fifo").duplicateDelivery().always());

    assertThatThrownBy(() -> fifo.send(SendMessageRequest.body("x").messageGroupId("g")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exactly once");

    cloud.faults().clear();
    cloud
        .faults()
        .inject(
            new FaultRule(
                new FaultTarget.OnQueue("orders"),
                new FaultEffect.Timeout(),
                new FaultSchedule.Always()));
    assertThatThrownBy(() -> orders.send("x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("timeout()");
  }

  /** A handler that always fails, so that its asynchronous events end in the dead-letter queue. */
  public static final class AlwaysFails
      implements RequestHandler<java.util.Map<String, Object>, String> {
    @Override
    public String handleRequest(java.util.Map<String, Object> input, Context context) {
      throw new IllegalStateException("boom");
    }
  }
}
