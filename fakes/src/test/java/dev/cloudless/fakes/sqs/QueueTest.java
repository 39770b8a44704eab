package dev.cloudless.fakes.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.aws.MessageAttributeValue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueueTest {

  private final FakeCloud cloud = FakeCloud.create();
  private final Queue orders = cloud.sqs().createQueue("orders");

  @AfterEach
  void close() {
    cloud.close();
  }

  @Test
  void aQueueHasAwsUrlAndArn() {
    assertThat(orders.url()).isEqualTo("https://sqs.us-east-1.amazonaws.com/000000000000/orders");
    assertThat(orders.arn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:orders");
    assertThat(cloud.sqs().queue(orders.url())).isSameAs(orders);
    assertThat(cloud.sqs().queue(orders.arn())).isSameAs(orders);
  }

  @Test
  void sendReceiveDeleteWithAwsDigestsAndSystemAttributes() {
    SendResult sent =
        orders.send(
            SendMessageRequest.body("message-1")
                .messageAttribute("MyAttribute", MessageAttributeValue.string("foobar")));

    // Digests recorded against AWS (shared/conformance/recorded/sqs, dead-letter test).
    assertThat(sent.md5OfMessageBody()).isEqualTo("3d6b824fd8c1520e9a047d21fee6fb1f");
    assertThat(sent.md5OfMessageAttributes()).isEqualTo("adb59cd4678ea5a855436b949cd07ab6");

    cloud.advance(Duration.ofSeconds(2));
    Message received = orders.receive().get(0);

    assertThat(received.messageId()).isEqualTo(sent.messageId());
    assertThat(received.body()).isEqualTo("message-1");
    assertThat(received.attributes())
        .containsEntry("ApproximateReceiveCount", "1")
        .containsEntry("SentTimestamp", Long.toString(FakeCloud.DEFAULT_START.toEpochMilli()))
        .containsEntry(
            "ApproximateFirstReceiveTimestamp",
            Long.toString(FakeCloud.DEFAULT_START.plusSeconds(2).toEpochMilli()))
        .doesNotContainKey("AWSTraceHeader");
    assertThat(received.messageAttribute("MyAttribute"))
        .contains(MessageAttributeValue.string("foobar"));

    orders.delete(received.receiptHandle());
    assertThat(orders.peek()).isEmpty();
  }

  @Test
  void aReceivedMessageReappearsExactlyWhenItsVisibilityTimeoutEnds() {
    orders.send("job");
    orders.receive();

    cloud.advance(Duration.ofSeconds(29).plusMillis(999));
    assertThat(orders.receive()).isEmpty();
    assertThat(orders.approximateNumberOfMessagesNotVisible()).isEqualTo(1);

    cloud.advance(Duration.ofMillis(1));
    List<Message> again = orders.receive();
    assertThat(again).singleElement().extracting(Message::receiveCount).isEqualTo(2);
  }

  @Test
  void aStaleReceiptHandleSucceedsWithoutDeleting() {
    orders.send("job");
    String first = orders.receive().get(0).receiptHandle();
    cloud.advance(Duration.ofSeconds(30));
    String second = orders.receive().get(0).receiptHandle();

    orders.delete(first);
    assertThat(orders.size()).isEqualTo(1);

    orders.delete(second);
    assertThat(orders.size()).isZero();
  }

  @Test
  void deletingAfterTheVisibilityTimeoutEndedStillDeletes() {
    // As recorded against AWS: test_delete_after_visibility_timeout.
    orders.send("job");
    String handle = orders.receive().get(0).receiptHandle();
    cloud.advance(Duration.ofMinutes(1));

    orders.delete(handle);

    assertThat(orders.peek()).isEmpty();
  }

  @Test
  void changingTheVisibilityAfterTheTimeoutEndedStillWorks() {
    // As recorded against AWS: test_change_message_visibility_after_visibility_timeout_expiration.
    orders.send("job");
    String handle = orders.receive().get(0).receiptHandle();
    cloud.advance(Duration.ofMinutes(1));

    orders.changeVisibility(handle, Duration.ofMinutes(5));

    assertThat(orders.receive()).isEmpty();
    assertThat(orders.approximateNumberOfMessagesNotVisible()).isEqualTo(1);
  }

  @Test
  void aVisibilityTimeoutEndsAtMostTwelveHoursAfterTheReceive() {
    orders.send("job");
    String handle = orders.receive().get(0).receiptHandle();
    cloud.advance(Duration.ofHours(1));

    assertThatThrownBy(() -> orders.changeVisibility(handle, Duration.ofHours(12)))
        .hasMessage(
            "Value 43200 for parameter VisibilityTimeout is invalid. Reason: Total"
                + " VisibilityTimeout for the message is beyond the limit [43200 seconds]");
    orders.changeVisibility(handle, Duration.ofHours(11));
  }

  @Test
  void aHandleThisQueueNeverIssuedIsInvalid() {
    assertThatThrownBy(() -> orders.delete("not-a-handle"))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("ReceiptHandleIsInvalid"))
        .hasMessageContaining("not-a-handle");
  }

  @Test
  void aDelayedMessageIsInvisibleUntilItsDelayEnds() {
    orders.send(SendMessageRequest.body("later").delay(Duration.ofSeconds(90)));

    assertThat(orders.receive()).isEmpty();
    assertThat(orders.approximateNumberOfMessagesDelayed()).isEqualTo(1);
    cloud.advance(Duration.ofSeconds(90));
    assertThat(orders.receive()).extracting(Message::body).containsExactly("later");
  }

  @Test
  void longPollingWaitsOnTheVirtualClockUntilAMessageBecomesVisible() {
    orders.send(SendMessageRequest.body("soon").delay(Duration.ofSeconds(5)));

    List<Message> received =
        orders.receive(ReceiveRequest.upTo(10).waitTime(Duration.ofSeconds(20)));

    assertThat(received).extracting(Message::body).containsExactly("soon");
    assertThat(cloud.clock().elapsed()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void longPollingOnAnEmptyQueueReturnsEmptyAfterTheWait() {
    List<Message> received =
        orders.receive(ReceiveRequest.upTo(1).waitTime(Duration.ofSeconds(20)));

    assertThat(received).isEmpty();
    assertThat(cloud.clock().elapsed()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void longPollingReturnsAMessageSentByAScheduledEventDuringTheWait() {
    cloud.clock().schedule(Duration.ofSeconds(3), "send", () -> orders.send("from event"));

    List<Message> received =
        orders.receive(ReceiveRequest.upTo(1).waitTime(Duration.ofSeconds(20)));

    assertThat(received).extracting(Message::body).containsExactly("from event");
    assertThat(cloud.clock().elapsed()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void receiveReturnsUpToTheMaximumInSendOrder() {
    for (int i = 1; i <= 12; i++) {
      orders.send("m" + i);
    }

    assertThat(orders.receive(10))
        .extracting(Message::body)
        .containsExactly("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10");
    assertThat(orders.receive(10)).extracting(Message::body).containsExactly("m11", "m12");
  }

  @Test
  void peekNeverChangesReceiveCountsOrVisibility() {
    orders.send("job");

    orders.peek();
    orders.peek();

    assertThat(orders.receive().get(0).receiveCount()).isEqualTo(1);
    assertThat(orders.peek().get(0).receiptHandle()).isNull();
    assertThat(orders.peek().get(0).receiveCount()).isEqualTo(1);
  }

  @Test
  void changeVisibilityMovesTheReappearanceInstant() {
    orders.send("job");
    String handle = orders.receive().get(0).receiptHandle();

    orders.changeVisibility(handle, Duration.ofSeconds(5));
    cloud.advance(Duration.ofSeconds(5));

    assertThat(orders.receive()).hasSize(1);
  }

  @Test
  void messagesExpireAfterTheRetentionPeriod() {
    Queue shortLived =
        cloud
            .sqs()
            .createQueue(QueueSpec.named("short").messageRetentionPeriod(Duration.ofMinutes(1)));
    shortLived.send("ephemeral");

    cloud.advance(Duration.ofSeconds(59));
    assertThat(shortLived.size()).isEqualTo(1);
    cloud.advance(Duration.ofSeconds(1));
    assertThat(shortLived.size()).isZero();
    assertThat(cloud.journal().events(SqsEvent.MessageExpired.class))
        .singleElement()
        .extracting(SqsEvent.MessageExpired::time)
        .isEqualTo(FakeCloud.DEFAULT_START.plusSeconds(60));
  }

  @Test
  void badInputGetsAwsErrors() {
    assertThatThrownBy(() -> orders.send(""))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("MissingParameter"));
    assertThatThrownBy(() -> orders.send("bad \u0001 char"))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("InvalidMessageContents"));
    assertThatThrownBy(
            () -> orders.send(SendMessageRequest.body("x").delay(Duration.ofSeconds(901))))
        .hasMessageContaining("Value 901 for parameter DelaySeconds is invalid");
    assertThatThrownBy(() -> orders.receive(11))
        .hasMessageContaining("Value 11 for parameter MaxNumberOfMessages is invalid");
    assertThatThrownBy(() -> orders.send("x".repeat(1_048_577)))
        .hasMessageContaining("Message must be shorter than 1048576 bytes");
    assertThatThrownBy(
            () ->
                orders.send(
                    SendMessageRequest.body("x")
                        .messageAttribute("n", MessageAttributeValue.number("abc"))))
        .hasMessageContaining("to a number");
    assertThatThrownBy(() -> cloud.sqs().queue("missing"))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("QueueDoesNotExist");
              assertThat(e.fields())
                  .containsEntry("QueryErrorCode", "AWS.SimpleQueueService.NonExistentQueue");
            })
        .hasMessageStartingWith("The specified queue does not exist.");
  }

  @Test
  void queueAttributesAreCheckedAgainstAwsRanges() {
    assertThatThrownBy(
            () ->
                cloud
                    .sqs()
                    .createQueue(QueueSpec.named("q").visibilityTimeout(Duration.ofHours(13))))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("InvalidAttributeValue"))
        .hasMessageContaining("VisibilityTimeout")
        .hasMessageContaining("0 to 43200");
    assertThatThrownBy(() -> cloud.sqs().createQueue("has space"))
        .hasMessageContaining("alphanumeric characters, hyphens, or underscores");
    assertThatThrownBy(() -> cloud.sqs().createQueue("orders.fifo"))
        .isInstanceOf(AwsServiceException.class);
  }

  @Test
  void creatingAnExistingQueueReturnsItUnlessItsAttributesDiffer() {
    assertThat(cloud.sqs().createQueue("orders")).isSameAs(orders);
    assertThatThrownBy(
            () -> cloud.sqs().createQueue(QueueSpec.named("orders").delay(Duration.ofSeconds(10))))
        .isInstanceOfSatisfying(
            AwsServiceException.class, e -> assertThat(e.errorCode()).isEqualTo("QueueNameExists"));
  }

  @Test
  void everyOperationIsJournaledWithItsVirtualTime() {
    orders.send("job");
    cloud.advance(Duration.ofSeconds(1));
    Message m = orders.receive().get(0);
    orders.delete(m.receiptHandle());

    assertThat(cloud.journal().forResource(orders.arn()))
        .extracting(e -> e.type() + "@" + e.time().getEpochSecond() % 60)
        .containsExactly(
            "QueueCreated@0", "MessageSent@0", "MessageReceived@1", "MessageDeleted@1");
  }
}
