package dev.cloudless.fakes.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.aws.MessageAttributeValue;
import dev.cloudless.trace.TraceHeader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedriveTest {

  private static final String TRACE =
      "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

  private final FakeCloud cloud = FakeCloud.create();
  private final Queue dlq = cloud.sqs().createQueue("payments-dlq");

  @AfterEach
  void close() {
    cloud.close();
  }

  @Test
  void aMessageMovesToTheDeadLetterQueueWithItsIdBodyAttributesAndTrace() {
    // As recorded on AWS: test_dead_letter_queue_message_attributes (maxReceiveCount 1).
    Queue source = cloud.sqs().createQueue(QueueSpec.named("source").redrive(dlq, 1));
    SendResult first =
        source.send(
            SendMessageRequest.body("message-1")
                .messageAttribute("MyAttribute", MessageAttributeValue.string("foobar"))
                .traceHeader(TraceHeader.parse(TRACE)));
    SendResult second = source.send("message-2");

    List<Message> beforeDlq =
        source.receive(ReceiveRequest.upTo(10).visibilityTimeout(Duration.ZERO));
    assertThat(beforeDlq).extracting(Message::receiveCount).containsExactly(1, 1);
    assertThat(source.receive(10)).isEmpty();

    List<Message> dead = dlq.receive(10);
    assertThat(dead)
        .extracting(Message::messageId)
        .containsExactly(first.messageId(), second.messageId());
    Message m1 = dead.get(0);
    assertThat(m1.body()).isEqualTo("message-1");
    assertThat(m1.md5OfBody()).isEqualTo("3d6b824fd8c1520e9a047d21fee6fb1f");
    assertThat(m1.md5OfMessageAttributes()).isEqualTo("adb59cd4678ea5a855436b949cd07ab6");
    assertThat(m1.messageAttribute("MyAttribute")).contains(MessageAttributeValue.string("foobar"));
    assertThat(m1.attributes())
        .containsEntry("ApproximateReceiveCount", "2")
        .containsEntry("AWSTraceHeader", TRACE)
        .containsEntry("DeadLetterQueueSourceArn", source.arn())
        .containsKeys("SentTimestamp", "ApproximateFirstReceiveTimestamp");
    Message m2 = dead.get(1);
    assertThat(m2.md5OfBody()).isEqualTo("95ef155b66299d14edf7ed57c468c13b");
    assertThat(m2.attributes())
        .containsEntry("ApproximateReceiveCount", "2")
        .containsEntry("DeadLetterQueueSourceArn", source.arn())
        .doesNotContainKey("AWSTraceHeader");
  }

  @Test
  void consumersSeeAPoisonMessageExactlyMaxReceiveCountTimes() {
    // DESIGN.md, section 6.
    Queue payments =
        cloud
            .sqs()
            .createQueue(
                QueueSpec.named("payments")
                    .redrive(dlq, 3)
                    .visibilityTimeout(Duration.ofSeconds(30)));
    payments.send("{\"orderId\":\"o-42\"}");

    int seen = 0;
    for (int i = 0; i < 5; i++) {
      seen += payments.receive().size();
      cloud.advance(Duration.ofSeconds(30));
    }

    assertThat(seen).isEqualTo(3);
    assertThat(dlq.peek())
        .singleElement()
        .extracting(Message::body)
        .isEqualTo("{\"orderId\":\"o-42\"}");
    assertThat(payments.movedToDeadLetterQueue())
        .singleElement()
        .satisfies(
            moved -> {
              assertThat(moved.receiveCount()).isEqualTo(3);
              assertThat(moved.deadLetterQueueArn()).isEqualTo(dlq.arn());
              assertThat(moved.time()).isEqualTo(FakeCloud.DEFAULT_START.plusSeconds(90));
            });
    assertThat(cloud.journal().forResource(dlq.arn()))
        .extracting(e -> e.type())
        .contains("MessageMovedFromSourceQueue");
  }

  @Test
  void theMoveHappensDuringAReceiveWhichThenReturnsTheNextMessage() {
    Queue source = cloud.sqs().createQueue(QueueSpec.named("source").redrive(dlq, 1));
    source.send("poison");
    source.receive(ReceiveRequest.upTo(1).visibilityTimeout(Duration.ZERO));
    source.send("good");

    assertThat(source.receive()).extracting(Message::body).containsExactly("good");
    assertThat(dlq.peek()).extracting(Message::body).containsExactly("poison");
  }

  @Test
  void expiryInTheDeadLetterQueueCountsFromTheOriginalEnqueueTime() {
    Queue shortDlq =
        cloud
            .sqs()
            .createQueue(
                QueueSpec.named("short-dlq").messageRetentionPeriod(Duration.ofMinutes(10)));
    Queue source = cloud.sqs().createQueue(QueueSpec.named("source").redrive(shortDlq, 1));
    source.send("old");
    source.receive();
    cloud.advance(Duration.ofMinutes(8));
    source.receive();
    assertThat(shortDlq.size()).isEqualTo(1);

    cloud.advance(Duration.ofMinutes(2));

    assertThat(shortDlq.size()).isZero();
    assertThat(cloud.journal().events(SqsEvent.MessageExpired.class))
        .singleElement()
        .extracting(SqsEvent.MessageExpired::time)
        .isEqualTo(FakeCloud.DEFAULT_START.plus(Duration.ofMinutes(10)));
  }

  @Test
  void aFifoMessageMovesToAFifoDeadLetterQueueWithItsMessageIdAsDeduplicationId() {
    Queue fifoDlq = cloud.sqs().createQueue(QueueSpec.named("dlq.fifo").fifo());
    Queue source =
        cloud
            .sqs()
            .createQueue(
                QueueSpec.named("source.fifo")
                    .fifo()
                    .contentBasedDeduplication(true)
                    .redrive(fifoDlq, 1));
    SendResult sent = source.send(SendMessageRequest.body("x").messageGroupId("g"));
    source.receive(ReceiveRequest.upTo(1).visibilityTimeout(Duration.ZERO));
    source.receive();

    Message dead = fifoDlq.receive().get(0);
    assertThat(dead.messageId()).isEqualTo(sent.messageId());
    assertThat(dead.attributes())
        .containsEntry("MessageDeduplicationId", sent.messageId())
        .containsEntry("MessageGroupId", "g")
        .containsEntry("DeadLetterQueueSourceArn", source.arn())
        .containsKey("SequenceNumber");
  }

  @Test
  void aRedrivePolicyIsCheckedWithAwsErrors() {
    // AWS-SEMANTICS.md 2.3: the maxReceiveCount error.
    assertThatThrownBy(() -> cloud.sqs().createQueue(QueueSpec.named("q").redrive(dlq, 0)))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("InvalidParameterValue"))
        .hasMessage(
            "Value {\"deadLetterTargetArn\":\""
                + dlq.arn()
                + "\",\"maxReceiveCount\":0} for parameter RedrivePolicy is invalid. Reason:"
                + " Invalid value for maxReceiveCount: 0, valid values are from 1 to 1000 both"
                + " inclusive.");
    assertThatThrownBy(() -> cloud.sqs().createQueue(QueueSpec.named("q").redrive(dlq, 1001)))
        .hasMessageContaining("Invalid value for maxReceiveCount: 1001");
    // Recorded on AWS: test_invalid_dead_letter_arn_rejected_before_lookup.
    assertThatThrownBy(
            () ->
                cloud
                    .sqs()
                    .createQueue(
                        "q",
                        Map.of(
                            "RedrivePolicy",
                            "{\"deadLetterTargetArn\": \"dummy\", \"maxReceiveCount\": 42}")))
        .hasMessage(
            "Value {\"deadLetterTargetArn\": \"dummy\", \"maxReceiveCount\": 42} for parameter"
                + " RedrivePolicy is invalid. Reason: Invalid value for deadLetterTargetArn.");
    assertThatThrownBy(
            () -> cloud.sqs().createQueue("q", Map.of("RedrivePolicy", "{\"maxReceiveCount\":5}")))
        .hasMessageEndingWith(
            "Reason: Redrive policy does not contain mandatory attribute: deadLetterTargetArn.");
    assertThatThrownBy(
            () -> cloud.sqs().createQueue(QueueSpec.named("q").redrive(dlq.arn() + "-missing", 3)))
        .hasMessageEndingWith("Reason: Dead letter target does not exist.");
    assertThatThrownBy(
            () ->
                cloud
                    .sqs()
                    .createQueue(
                        QueueSpec.named("q").redrive("arn:aws:sqs:eu-west-1:000000000000:dlq", 3)))
        .hasMessageContaining("same account and region");
    Queue fifoDlq = cloud.sqs().createQueue(QueueSpec.named("dlq.fifo").fifo());
    assertThatThrownBy(() -> cloud.sqs().createQueue(QueueSpec.named("q").redrive(fifoDlq, 3)))
        .hasMessageContaining("Dead-letter queue must be same type of queue as the source");
    Queue self = cloud.sqs().createQueue("self");
    assertThatThrownBy(
            () ->
                self.setAttributes(
                    Map.of("RedrivePolicy", new RedrivePolicy(self.arn(), 3).toJson())))
        .hasMessageContaining("cannot be its own dead-letter queue");
  }

  @Test
  void theRedrivePolicyIsAJsonStringAttributeThatCanBeSetAndRemoved() {
    Queue source = cloud.sqs().createQueue("source");

    source.setAttributes(
        Map.of(
            "RedrivePolicy",
            "{\"deadLetterTargetArn\":\"" + dlq.arn() + "\",\"maxReceiveCount\":\"5\"}"));

    assertThat(source.attributes("RedrivePolicy"))
        .containsExactly(
            Map.entry(
                "RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + dlq.arn() + "\",\"maxReceiveCount\":5}"));
    assertThat(source.spec().redrivePolicy()).isEqualTo(new RedrivePolicy(dlq.arn(), 5));
    assertThat(cloud.sqs().deadLetterSourceQueues(dlq.name())).containsExactly(source);

    source.setAttributes(Map.of("RedrivePolicy", ""));
    assertThat(source.attributes()).doesNotContainKey("RedrivePolicy");
    assertThat(cloud.sqs().deadLetterSourceQueues(dlq.name())).isEmpty();
  }

  @Test
  void aRedriveAllowPolicyDecidesWhichQueuesMayUseTheDeadLetterQueue() {
    Queue allowed = cloud.sqs().createQueue("allowed");
    Queue closedDlq =
        cloud
            .sqs()
            .createQueue(
                QueueSpec.named("closed-dlq")
                    .redriveAllowPolicy(RedriveAllowPolicy.byQueue(allowed)));

    allowed.setAttributes(Map.of("RedrivePolicy", new RedrivePolicy(closedDlq.arn(), 2).toJson()));
    assertThatThrownBy(
            () -> cloud.sqs().createQueue(QueueSpec.named("other").redrive(closedDlq, 2)))
        .hasMessageContaining("does not allow")
        .hasMessageContaining("RedriveAllowPolicy");
    assertThat(closedDlq.attributes())
        .containsEntry(
            "RedriveAllowPolicy",
            "{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":[\"" + allowed.arn() + "\"]}");

    Queue denying =
        cloud
            .sqs()
            .createQueue(
                QueueSpec.named("denying").redriveAllowPolicy(RedriveAllowPolicy.denyAll()));
    assertThatThrownBy(() -> cloud.sqs().createQueue(QueueSpec.named("other").redrive(denying, 2)))
        .hasMessageContaining("does not allow");
  }

  @Test
  void aRedriveAllowPolicyIsCheckedWithAwsRules() {
    String[] eleven = new String[11];
    for (int i = 0; i < 11; i++) {
      eleven[i] = "arn:aws:sqs:us-east-1:000000000000:q" + i;
    }
    assertThatThrownBy(
            () ->
                cloud
                    .sqs()
                    .createQueue(
                        QueueSpec.named("dlq2")
                            .redriveAllowPolicy(RedriveAllowPolicy.byQueue(eleven))))
        .hasMessageContaining("AWS allows at most 10");
    assertThatThrownBy(
            () ->
                cloud
                    .sqs()
                    .createQueue(
                        "dlq2",
                        Map.of(
                            "RedriveAllowPolicy",
                            "{\"redrivePermission\":\"allowAll\",\"sourceQueueArns\":[\""
                                + dlq.arn()
                                + "\"]}")))
        .hasMessageContaining("sourceQueueArns is allowed only when redrivePermission is byQueue");
    assertThatThrownBy(
            () ->
                cloud
                    .sqs()
                    .createQueue(
                        "dlq2", Map.of("RedriveAllowPolicy", "{\"redrivePermission\":\"some\"}")))
        .hasMessageContaining("Invalid value for redrivePermission: some");
  }

  @Test
  void aDeadLetterQueueDeletedSinceLeavesMessagesInTheSource() {
    Queue source = cloud.sqs().createQueue(QueueSpec.named("source").redrive(dlq, 1));
    source.send("x");
    source.receive(ReceiveRequest.upTo(1).visibilityTimeout(Duration.ZERO));
    cloud.sqs().deleteQueue(dlq.name());

    assertThat(source.receive()).singleElement().extracting(Message::receiveCount).isEqualTo(2);
  }
}
