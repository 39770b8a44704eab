package dev.cloudless.fakes.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.aws.MessageAttributeValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchTest {

  private final FakeCloud cloud = FakeCloud.create();
  private final Queue orders = cloud.sqs().createQueue("orders");

  @AfterEach
  void close() {
    cloud.close();
  }

  @Test
  void aBatchSendsEachEntryAndReportsTheOnesAwsWouldRefuseOneByOne() {
    SendMessageBatchResult result =
        orders.sendBatch(
            List.of(
                SendMessageBatchEntry.of(
                    "1",
                    SendMessageRequest.body("a")
                        .messageAttribute("k", MessageAttributeValue.string("v"))),
                SendMessageBatchEntry.of("bad-body", "bad \u0001"),
                SendMessageBatchEntry.of(
                    "bad-delay", SendMessageRequest.body("x").delay(Duration.ofMinutes(16))),
                SendMessageBatchEntry.of("2", "0123456789")));

    assertThat(result.successful())
        .extracting(SendMessageBatchResultEntry::id)
        .containsExactly("1", "2");
    assertThat(result.successful("2").orElseThrow().md5OfMessageBody())
        .isEqualTo("781e5e245d69b566979b86e28d23f2c7");
    assertThat(result.successful("1").orElseThrow().md5OfMessageAttributes()).isNotNull();
    assertThat(result.failed())
        .extracting(BatchResultErrorEntry::id, BatchResultErrorEntry::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("bad-body", "InvalidMessageContents"),
            org.assertj.core.groups.Tuple.tuple("bad-delay", "InvalidParameterValue"));
    assertThat(result.failed("bad-delay").orElseThrow().senderFault()).isTrue();
    assertThat(orders.peek()).extracting(Message::body).containsExactly("a", "0123456789");
  }

  @Test
  void malformedBatchesFailWholeWithAwsErrors() {
    // Messages recorded on AWS: test_too_many_entries_in_batch_request, test_invalid_batch_id.
    List<SendMessageBatchEntry> twenty =
        IntStream.range(0, 20).mapToObj(i -> SendMessageBatchEntry.of("m" + i, "x")).toList();
    assertThatThrownBy(() -> orders.sendBatch(twenty))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("TooManyEntriesInBatchRequest");
              assertThat(e.fields())
                  .containsEntry(
                      "QueryErrorCode", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest");
            })
        .hasMessage("Maximum number of entries per request are 10. You have sent 20.");
    for (String badId : List.of("", "invalid:id", "x".repeat(81))) {
      assertThatThrownBy(() -> orders.sendBatch(List.of(SendMessageBatchEntry.of(badId, "x"))))
          .isInstanceOfSatisfying(
              AwsServiceException.class,
              e -> assertThat(e.errorCode()).isEqualTo("InvalidBatchEntryId"))
          .hasMessage(
              "A batch entry id can only contain alphanumeric characters, hyphens and underscores."
                  + " It can be at most 80 letters long.");
    }
    assertThatThrownBy(() -> orders.sendBatch(List.of()))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("EmptyBatchRequest"));
    assertThatThrownBy(
            () ->
                orders.sendBatch(
                    List.of(
                        SendMessageBatchEntry.of("a", "x"), SendMessageBatchEntry.of("a", "y"))))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("BatchEntryIdsNotDistinct"))
        .hasMessageContaining("a");
    assertThat(orders.peek()).isEmpty();
  }

  @Test
  void aBatchLongerThanOneMebibyteTogetherIsRefusedWhole() {
    String big = "x".repeat(600_000);

    assertThatThrownBy(
            () ->
                orders.sendBatch(
                    List.of(
                        SendMessageBatchEntry.of("1", big), SendMessageBatchEntry.of("2", big))))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("BatchRequestTooLong"))
        .hasMessage(
            "Batch requests cannot be longer than 1048576 bytes. You have sent 1200000 bytes.");
    assertThat(orders.peek()).isEmpty();
  }

  @Test
  void aFifoBatchWithoutGroupOrDeduplicationIdsFailsWhole() {
    Queue fifo = cloud.sqs().createQueue(QueueSpec.named("orders.fifo").fifo());

    // Recorded on AWS: test_send_batch_missing_message_group_id_for_fifo_queue and
    // test_send_batch_missing_deduplication_id_for_fifo_queue.
    assertThatThrownBy(() -> fifo.sendBatch(List.of(SendMessageBatchEntry.of("1", "x"))))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("InvalidParameterValue"))
        .hasMessage("The request must contain the parameter MessageGroupId.");
    assertThatThrownBy(
            () ->
                fifo.sendBatch(
                    List.of(
                        SendMessageBatchEntry.of(
                            "1", SendMessageRequest.body("x").messageGroupId("g")))))
        .hasMessage(
            "The queue should either have ContentBasedDeduplication enabled or"
                + " MessageDeduplicationId provided explicitly");

    SendMessageBatchResult sent =
        fifo.sendBatch(
            List.of(
                SendMessageBatchEntry.of(
                    "1",
                    SendMessageRequest.body("a").messageGroupId("g").messageDeduplicationId("1")),
                SendMessageBatchEntry.of(
                    "2",
                    SendMessageRequest.body("b").messageGroupId("g").messageDeduplicationId("2"))));
    assertThat(sent.successful()).allSatisfy(e -> assertThat(e.sequenceNumber()).isNotNull());
    assertThat(fifo.receive(10)).extracting(Message::body).containsExactly("a", "b");
  }

  @Test
  void deleteBatchDeletesEachAndReportsBadHandles() {
    orders.send("a");
    orders.send("b");
    List<Message> received = orders.receive(10);

    BatchResult result =
        orders.deleteBatch(
            List.of(
                DeleteMessageBatchEntry.of("a", received.get(0).receiptHandle()),
                DeleteMessageBatchEntry.of("bogus", "not-a-handle"),
                DeleteMessageBatchEntry.of("b", received.get(1).receiptHandle())));

    assertThat(result.successful()).containsExactly("a", "b");
    assertThat(result.failed("bogus").orElseThrow())
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("ReceiptHandleIsInvalid");
              assertThat(f.senderFault()).isTrue();
            });
    assertThat(orders.peek()).isEmpty();
  }

  @Test
  void changeVisibilityBatchChangesEachAndReportsThoseNotInFlight() {
    orders.send("a");
    orders.send("b");
    List<Message> received = orders.receive(10);
    orders.delete(received.get(1).receiptHandle());

    BatchResult result =
        orders.changeVisibilityBatch(
            List.of(
                ChangeMessageVisibilityBatchEntry.of(
                    "a", received.get(0).receiptHandle(), Duration.ZERO),
                ChangeMessageVisibilityBatchEntry.of(
                    "b", received.get(1).receiptHandle(), Duration.ZERO),
                ChangeMessageVisibilityBatchEntry.of(
                    "too-long", received.get(0).receiptHandle(), Duration.ofHours(13))));

    assertThat(result.successful()).containsExactly("a");
    assertThat(result.failed())
        .extracting(BatchResultErrorEntry::id, BatchResultErrorEntry::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("b", "MessageNotInflight"),
            org.assertj.core.groups.Tuple.tuple("too-long", "InvalidParameterValue"));
    assertThat(orders.receive()).extracting(Message::body).containsExactly("a");
  }

  @Test
  void deleteAndVisibilityBatchesHaveTheSameLimits() {
    List<DeleteMessageBatchEntry> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add(DeleteMessageBatchEntry.of("e" + i, "h"));
    }
    assertThatThrownBy(() -> orders.deleteBatch(eleven))
        .hasMessage("Maximum number of entries per request are 10. You have sent 11.");
    assertThatThrownBy(() -> orders.changeVisibilityBatch(List.of()))
        .hasMessage(
            "There should be at least one ChangeMessageVisibilityBatchRequestEntry in the"
                + " request.");
  }
}
