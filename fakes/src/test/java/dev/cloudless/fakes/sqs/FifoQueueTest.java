package dev.cloudless.fakes.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FifoQueueTest {

  private final FakeCloud cloud = FakeCloud.create();
  private final Queue orders =
      cloud
          .sqs()
          .createQueue(QueueSpec.named("orders.fifo").fifo().contentBasedDeduplication(true));

  @AfterEach
  void close() {
    cloud.close();
  }

  private SendResult send(Queue queue, String group, String body) {
    return queue.send(SendMessageRequest.body(body).messageGroupId(group));
  }

  @Test
  void aFifoQueueNeedsTheFifoSuffixAndTheFifoQueueAttribute() {
    assertThatThrownBy(() -> cloud.sqs().createQueue(QueueSpec.named("payments").fifo()))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("InvalidParameterValue"))
        .hasMessageStartingWith(
            "The name of a FIFO queue can only include alphanumeric characters, hyphens, or"
                + " underscores, must end with .fifo suffix and be 1 to 80 in length");
    assertThatThrownBy(() -> cloud.sqs().createQueue("payments.fifo"))
        .hasMessageStartingWith(
            "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length")
        .hasMessageContaining("QueueSpec.fifo()");
    // The suffix counts towards the 80 characters.
    assertThatThrownBy(
            () -> cloud.sqs().createQueue(QueueSpec.named("x".repeat(76) + ".fifo").fifo()))
        .hasMessageContaining("1 to 80 in length");
    assertThat(cloud.sqs().createQueue(QueueSpec.named("x".repeat(75) + ".fifo").fifo()).isFifo())
        .isTrue();
  }

  @Test
  void theQueueTypeCanBeGivenAsAttributesAndNeverChanges() {
    Queue queue = cloud.sqs().createQueue("jobs.fifo", Map.of("FifoQueue", "true"));

    assertThat(queue.attributes())
        .containsEntry("FifoQueue", "true")
        .containsEntry("ContentBasedDeduplication", "false")
        .containsEntry("DeduplicationScope", "queue")
        .containsEntry("FifoThroughputLimit", "perQueue");
    // Recorded on AWS: test_set_unsupported_attribute_fifo.
    assertThatThrownBy(() -> queue.setAttributes(Map.of("FifoQueue", "false")))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("InvalidAttributeValue"))
        .hasMessage(
            "Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not"
                + " supported.");
    Queue standard = cloud.sqs().createQueue("standard");
    assertThatThrownBy(() -> standard.setAttributes(Map.of("FifoQueue", "true")))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("InvalidAttributeName"))
        .hasMessage("Unknown Attribute FifoQueue.");
  }

  @Test
  void messagesOfAGroupArriveInOrderAndAGroupWaitsWhileOneOfItsMessagesIsInFlight() {
    send(orders, "customer-1", "c1-a");
    send(orders, "customer-1", "c1-b");
    send(orders, "customer-2", "c2-a");

    List<Message> first = orders.receive(1);
    assertThat(first).extracting(Message::body).containsExactly("c1-a");

    // customer-1 is blocked while c1-a is in flight; customer-2 is not.
    assertThat(orders.receive(10)).extracting(Message::body).containsExactly("c2-a");
    assertThat(orders.receive(10)).isEmpty();

    orders.delete(first.get(0).receiptHandle());
    assertThat(orders.receive(10)).extracting(Message::body).containsExactly("c1-b");
  }

  @Test
  void aReceiveReturnsAsManyMessagesOfOneGroupAsItCanBeforeTheNext() {
    send(orders, "g1", "g1-1");
    send(orders, "g2", "g2-1");
    send(orders, "g1", "g1-2");
    send(orders, "g2", "g2-2");
    send(orders, "g1", "g1-3");

    assertThat(orders.receive(4))
        .extracting(Message::body)
        .containsExactly("g1-1", "g1-2", "g1-3", "g2-1");
  }

  @Test
  void aMessageThatBecomesVisibleAgainKeepsItsGroupsOrder() {
    send(orders, "g", "first");
    send(orders, "g", "second");
    orders.receive(1);

    cloud.advance(Duration.ofSeconds(30));

    List<Message> again = orders.receive(10);
    assertThat(again).extracting(Message::body).containsExactly("first", "second");
    assertThat(again.get(0).receiveCount()).isEqualTo(2);
    assertThat(again.get(1).receiveCount()).isEqualTo(1);
  }

  @Test
  void longPollingWaitsOnTheVirtualClockForABlockedGroupToReopen() {
    send(orders, "g", "first");
    send(orders, "g", "second");
    orders.receive(ReceiveRequest.upTo(1).visibilityTimeout(Duration.ofSeconds(10)));

    List<Message> received =
        orders.receive(ReceiveRequest.upTo(10).waitTime(Duration.ofSeconds(20)));

    // The group reopens when "first" becomes visible again, 10 seconds on.
    assertThat(received).extracting(Message::body).containsExactly("first", "second");
    assertThat(cloud.clock().elapsed()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aDelayedMessageDoesNotBlockItsGroup() {
    // The queue delay applies to every message; a message still waiting it out blocks nothing.
    Queue delayed =
        cloud
            .sqs()
            .createQueue(
                QueueSpec.named("delayed.fifo")
                    .fifo()
                    .contentBasedDeduplication(true)
                    .delay(Duration.ofSeconds(10)));
    send(delayed, "g", "a");
    cloud.advance(Duration.ofSeconds(10));
    send(delayed, "g", "b");

    assertThat(delayed.receive(10)).extracting(Message::body).containsExactly("a");
  }

  @Test
  void fifoMessagesCarryTheirSequenceNumberGroupAndDeduplicationIds() {
    Queue explicit = cloud.sqs().createQueue(QueueSpec.named("explicit.fifo").fifo());
    SendResult first =
        explicit.send(
            SendMessageRequest.body("message-body-1")
                .messageGroupId("group-1")
                .messageDeduplicationId("dedup-1"));
    SendResult second =
        explicit.send(
            SendMessageRequest.body("message-body-2")
                .messageGroupId("group-1")
                .messageDeduplicationId("dedup-2"));

    // Recorded on AWS (test_fifo_message_attributes): the digest and the FIFO attributes.
    assertThat(first.md5OfMessageBody()).isEqualTo("19c9e282d65f9733bc6b35d50062c7ee");
    assertThat(first.sequenceNumber()).hasSize(20).isLessThan(second.sequenceNumber());
    Message received = explicit.receive().get(0);
    assertThat(received.attributes())
        .containsEntry("ApproximateReceiveCount", "1")
        .containsEntry("MessageDeduplicationId", "dedup-1")
        .containsEntry("MessageGroupId", "group-1")
        .containsEntry("SequenceNumber", first.sequenceNumber())
        .containsKeys("SenderId", "SentTimestamp", "ApproximateFirstReceiveTimestamp");
  }

  @Test
  void aDuplicateWithinFiveMinutesIsAcceptedButNotDeliveredEvenAfterTheFirstIsDeleted() {
    SendResult first = send(orders, "g", "{\"foo\":\"bar\"}");
    orders.delete(orders.receive().get(0).receiptHandle());

    cloud.advance(Duration.ofMinutes(4).plusSeconds(59));
    SendResult again = send(orders, "other-group", "{\"foo\":\"bar\"}");

    // As recorded on AWS (test_fifo_deduplication_arrives_once_after_delete and
    // _not_on_message_group_id): the same id back, and nothing to receive.
    assertThat(again.messageId()).isEqualTo(first.messageId());
    assertThat(again.sequenceNumber()).isEqualTo(first.sequenceNumber());
    assertThat(orders.receive(10)).isEmpty();
    assertThat(cloud.journal().events(SqsEvent.MessageDeduplicated.class)).hasSize(1);

    cloud.advance(Duration.ofSeconds(1));
    SendResult later = send(orders, "g", "{\"foo\":\"bar\"}");
    assertThat(later.messageId()).isNotEqualTo(first.messageId());
    assertThat(orders.receive(10)).hasSize(1);
  }

  @Test
  void contentBasedDeduplicationUsesTheSha256OfTheBodyAndAnExplicitIdWins() {
    send(orders, "g", "same body");
    orders.send(
        SendMessageRequest.body("same body").messageGroupId("g").messageDeduplicationId("new"));

    List<Message> received = orders.receive(10);
    assertThat(received).hasSize(2);
    // The hex SHA-256 of "same body".
    assertThat(received.get(0).attribute("MessageDeduplicationId"))
        .contains("8f6372a8b1509601faa57ff3a292cfcccb95aa2325c18b8e50b0c035ea1648fe");
    assertThat(received.get(1).attribute("MessageDeduplicationId")).contains("new");
  }

  @Test
  void withMessageGroupScopeTheSameDeduplicationIdMayBeUsedOnceInEachGroup() {
    Queue highThroughput =
        cloud.sqs().createQueue(QueueSpec.named("fast.fifo").fifo().highThroughput());
    for (String group : List.of("a", "b", "a")) {
      highThroughput.send(
          SendMessageRequest.body("m").messageGroupId(group).messageDeduplicationId("id-1"));
    }

    assertThat(highThroughput.attributes())
        .containsEntry("DeduplicationScope", "messageGroup")
        .containsEntry("FifoThroughputLimit", "perMessageGroupId");
    assertThat(highThroughput.receive(10))
        .extracting(m -> m.messageGroupId().orElseThrow())
        .containsExactly("a", "b");
  }

  @Test
  void highThroughputAttributesTakeOnlyAwsValues() {
    assertThatThrownBy(
            () ->
                cloud
                    .sqs()
                    .createQueue(
                        QueueSpec.named("bad.fifo")
                            .fifo()
                            .fifoThroughputLimit(FifoThroughputLimit.PER_MESSAGE_GROUP_ID)))
        .hasMessageContaining("perMessageGroupId is allowed only when DeduplicationScope is");
    assertThatThrownBy(
            () ->
                cloud
                    .sqs()
                    .createQueue(
                        "bad2.fifo", Map.of("FifoQueue", "true", "DeduplicationScope", "group")))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("InvalidAttributeValue"))
        .hasMessageContaining("group is not one of queue or messageGroup");
    assertThatThrownBy(
            () ->
                cloud
                    .sqs()
                    .createQueue(
                        QueueSpec.named("standard").deduplicationScope(DeduplicationScope.QUEUE)))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("InvalidAttributeName"))
        .hasMessage("You can specify the DeduplicationScope only when FifoQueue is set to true.");
  }

  @Test
  void wrongFifoParametersGetAwsErrors() {
    Queue explicit = cloud.sqs().createQueue(QueueSpec.named("explicit.fifo").fifo());

    // Recorded on AWS: test_posting_to_fifo_requires_deduplicationid_group_id.
    assertThatThrownBy(() -> explicit.send("no group"))
        .isInstanceOfSatisfying(
            AwsServiceException.class, e -> assertThat(e.errorCode()).isEqualTo("MissingParameter"))
        .hasMessage("The request must contain the parameter MessageGroupId.");
    assertThatThrownBy(() -> explicit.send(SendMessageRequest.body("x").messageGroupId("g")))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("InvalidParameterValue"))
        .hasMessage(
            "The queue should either have ContentBasedDeduplication enabled or"
                + " MessageDeduplicationId provided explicitly");
    // Recorded on AWS: test_fifo_queue_send_message_with_delay_seconds_fails.
    assertThatThrownBy(
            () ->
                orders.send(
                    SendMessageRequest.body("x").messageGroupId("g").delay(Duration.ofSeconds(2))))
        .hasMessage(
            "Value 2 for parameter DelaySeconds is invalid. Reason: The request include parameter"
                + " that is not valid for this queue type.");
    // An explicit delay of 0 is allowed.
    orders.send(SendMessageRequest.body("x").messageGroupId("g").delay(Duration.ZERO));
    assertThatThrownBy(() -> orders.send(SendMessageRequest.body("x").messageGroupId("é")))
        .hasMessageContaining(
            "MessageGroupId can only include alphanumeric and punctuation characters. 1 to 128 in"
                + " length.");
    Queue standard = cloud.sqs().createQueue("standard");
    assertThatThrownBy(
            () -> standard.send(SendMessageRequest.body("x").messageDeduplicationId("d")))
        .hasMessage(
            "Value d for parameter MessageDeduplicationId is invalid. Reason: The request includes"
                + " a parameter that is not valid for this queue type.");
  }

  @Test
  void aStandardQueueKeepsAMessageGroupIdAsFairQueuesDo() {
    Queue standard = cloud.sqs().createQueue("standard");
    standard.send(SendMessageRequest.body("x").messageGroupId("tenant-1"));

    assertThat(standard.receive().get(0).messageGroupId()).contains("tenant-1");
  }

  @Test
  void changingTheQueueDelayMovesTheMessagesStillWaitingOnAFifoQueueOnly() {
    Queue fifo =
        cloud
            .sqs()
            .createQueue(
                QueueSpec.named("slow.fifo")
                    .fifo()
                    .contentBasedDeduplication(true)
                    .delay(Duration.ofMinutes(10)));
    Queue standard = cloud.sqs().createQueue(QueueSpec.named("slow").delay(Duration.ofMinutes(10)));
    send(fifo, "g", "fifo");
    standard.send("standard");

    fifo.setAttributes(Map.of("DelaySeconds", "60"));
    standard.setAttributes(Map.of("DelaySeconds", "60"));
    cloud.advance(Duration.ofSeconds(60));

    assertThat(fifo.receive()).extracting(Message::body).containsExactly("fifo");
    assertThat(standard.receive()).isEmpty();
  }

  @Test
  void deletingWithAHandleWhoseVisibilityTimeoutEndedFailsOnAFifoQueue() {
    send(orders, "g", "g1-m1");
    String handle = orders.receive().get(0).receiptHandle();
    cloud.advance(Duration.ofSeconds(30));

    // Recorded on AWS: test_fifo_delete_message_with_expired_receipt_handle.
    assertThatThrownBy(() -> orders.delete(handle))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("InvalidParameterValue"))
        .hasMessage(
            "Value "
                + handle
                + " for parameter ReceiptHandle is invalid. Reason: The receipt handle has"
                + " expired.");
    assertThat(orders.size()).isEqualTo(1);
  }

  @Test
  void aRetriedReceiveWithTheSameAttemptIdReturnsTheSameMessagesAndHandles() {
    send(orders, "g", "a");
    send(orders, "g", "b");
    ReceiveRequest request = ReceiveRequest.upTo(10).receiveRequestAttemptId("attempt-1");
    List<Message> first = orders.receive(request);

    cloud.advance(Duration.ofSeconds(20));
    List<Message> retried = orders.receive(request);

    assertThat(retried).isEqualTo(first);
    // The retry restarted the visibility timeout: 30 s from the retry, not from the first call.
    cloud.advance(Duration.ofSeconds(29));
    assertThat(orders.approximateNumberOfMessagesNotVisible()).isEqualTo(2);
    cloud.advance(Duration.ofSeconds(1));
    assertThat(orders.approximateNumberOfMessagesNotVisible()).isZero();
  }

  @Test
  void anAttemptIdNoLongerReplaysOnceAMessageChangedOrFiveMinutesPassed() {
    send(orders, "g", "a");
    ReceiveRequest request =
        ReceiveRequest.upTo(10)
            .receiveRequestAttemptId("attempt-1")
            .visibilityTimeout(Duration.ofMinutes(1));
    Message first = orders.receive(request).get(0);
    orders.changeVisibility(first.receiptHandle(), Duration.ZERO);

    List<Message> again = orders.receive(request);

    assertThat(again).singleElement().extracting(Message::receiveCount).isEqualTo(2);
    // Untouched since, but the 5 minutes are over: a new receive, not the old answer.
    cloud.advance(Duration.ofMinutes(5));
    assertThat(orders.receive(request))
        .singleElement()
        .extracting(Message::receiveCount)
        .isEqualTo(3);
  }
}
