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

class QueueAttributesTest {

  private final FakeCloud cloud = FakeCloud.create();

  @AfterEach
  void close() {
    cloud.close();
  }

  @Test
  void getQueueAttributesReportsEveryAttributeAsAwsWritesIt() {
    // The attribute set recorded on AWS (test_create_and_update_queue_attributes).
    Queue queue =
        cloud
            .sqs()
            .createQueue(
                "orders",
                Map.of(
                    "VisibilityTimeout", "20",
                    "MessageRetentionPeriod", "604800",
                    "ReceiveMessageWaitTimeSeconds", "10"));
    cloud.advance(Duration.ofSeconds(5));

    String created = Long.toString(FakeCloud.DEFAULT_START.getEpochSecond());
    assertThat(queue.attributes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry("ApproximateNumberOfMessages", "0"),
                Map.entry("ApproximateNumberOfMessagesDelayed", "0"),
                Map.entry("ApproximateNumberOfMessagesNotVisible", "0"),
                Map.entry("CreatedTimestamp", created),
                Map.entry("DelaySeconds", "0"),
                Map.entry("LastModifiedTimestamp", created),
                Map.entry("MaximumMessageSize", "1048576"),
                Map.entry("MessageRetentionPeriod", "604800"),
                Map.entry("QueueArn", "arn:aws:sqs:us-east-1:000000000000:orders"),
                Map.entry("ReceiveMessageWaitTimeSeconds", "10"),
                Map.entry("SqsManagedSseEnabled", "true"),
                Map.entry("VisibilityTimeout", "20")));
    assertThat(queue.spec().visibilityTimeout()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void setQueueAttributesChangesThemAndTheLastModifiedTimestamp() {
    Queue queue = cloud.sqs().createQueue("orders");
    cloud.advance(Duration.ofSeconds(5));

    queue.setAttributes(
        Map.of("VisibilityTimeout", "69", "MaximumMessageSize", "2048", "DelaySeconds", "420"));

    assertThat(queue.attributes("VisibilityTimeout", "MaximumMessageSize", "DelaySeconds"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("VisibilityTimeout", "69", "MaximumMessageSize", "2048", "DelaySeconds", "420"));
    assertThat(queue.attributes("LastModifiedTimestamp"))
        .containsEntry(
            "LastModifiedTimestamp",
            Long.toString(FakeCloud.DEFAULT_START.plusSeconds(5).getEpochSecond()));
    // Recorded on AWS (test_send_message_with_updated_maximum_message_size).
    assertThatThrownBy(() -> queue.send("x".repeat(2049)))
        .hasMessage(
            "One or more parameters are invalid. Reason: Message must be shorter than 2048 bytes.");
    assertThat(cloud.journal().events(SqsEvent.QueueAttributesChanged.class)).hasSize(1);
  }

  @Test
  void aShorterRetentionPeriodAppliesToMessagesAlreadyQueued() {
    Queue queue = cloud.sqs().createQueue("orders");
    queue.send("old");
    cloud.advance(Duration.ofMinutes(3));

    queue.setAttributes(Map.of("MessageRetentionPeriod", "120"));

    assertThat(queue.peek()).isEmpty();
  }

  @Test
  void outOfRangeAndUnknownAttributesGetAwsErrorsAndChangeNothing() {
    Queue queue = cloud.sqs().createQueue("orders");

    assertThatThrownBy(() -> queue.setAttributes(Map.of("VisibilityTimeout", "43201")))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("InvalidAttributeValue"))
        .hasMessageContaining("VisibilityTimeout")
        .hasMessageContaining("43201")
        .hasMessageContaining("0 to 43200");
    assertThatThrownBy(
            () -> queue.setAttributes(Map.of("MessageRetentionPeriod", "59", "DelaySeconds", "5")))
        .hasMessageContaining("60 to 1209600");
    assertThatThrownBy(() -> queue.setAttributes(Map.of("MaximumMessageSize", "1048577")))
        .hasMessageContaining("1024 to 1048576 bytes");
    assertThatThrownBy(() -> queue.setAttributes(Map.of("ReceiveMessageWaitTimeSeconds", "soon")))
        .hasMessageContaining("soon is not a number");
    assertThatThrownBy(() -> queue.setAttributes(Map.of("ContentBasedDeduplication", "true")))
        .hasMessage("Unknown Attribute ContentBasedDeduplication.");
    assertThatThrownBy(() -> queue.setAttributes(Map.of("QueueArn", "arn:aws:sqs:x:y:z")))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("InvalidAttributeName"))
        .hasMessage("Unknown Attribute QueueArn.");
    assertThatThrownBy(() -> queue.attributes("VisibilityTimeout", "Colour"))
        .hasMessage("Unknown Attribute Colour.");
    assertThat(queue.attributes("DelaySeconds")).containsEntry("DelaySeconds", "0");
  }

  @Test
  void whatCloudlessDoesNotModelIsRefusedNotIgnored() {
    Queue queue = cloud.sqs().createQueue("orders");

    for (String name : List.of("Policy", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds")) {
      assertThatThrownBy(() -> queue.setAttributes(Map.of(name, "x")))
          .isInstanceOfSatisfying(
              AwsServiceException.class,
              e -> assertThat(e.errorCode()).isEqualTo("UnsupportedOperation"))
          .hasMessageContaining(name);
    }
    queue.setAttributes(Map.of("SqsManagedSseEnabled", "false"));
    assertThat(queue.attributes()).containsEntry("SqsManagedSseEnabled", "false");
  }

  @Test
  void queueAttributesFromTheBuilderAreCheckedAgainstAwsRanges() {
    assertThatThrownBy(
            () ->
                cloud
                    .sqs()
                    .createQueue(QueueSpec.named("q").visibilityTimeout(Duration.ofHours(13))))
        .hasMessageContaining("VisibilityTimeout")
        .hasMessageContaining("46800")
        .hasMessageContaining("0 to 43200");
    assertThatThrownBy(
            () -> cloud.sqs().createQueue(QueueSpec.named("q").delay(Duration.ofMillis(1500))))
        .hasMessageContaining("not a whole number of seconds");
    assertThatThrownBy(
            () -> cloud.sqs().createQueue(QueueSpec.named("q").contentBasedDeduplication(true)))
        .hasMessageContaining("QueueSpec.fifo()");
  }

  @Test
  void creatingAnExistingQueueNamesTheAttributeThatDiffers() {
    cloud.sqs().createQueue(QueueSpec.named("orders").delay(Duration.ofSeconds(10)));

    // Recorded on AWS: test_create_queue_with_different_attributes_raises_exception.
    assertThatThrownBy(() -> cloud.sqs().createQueue("orders", Map.of("DelaySeconds", "20")))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("QueueNameExists");
              assertThat(e.fields()).containsEntry("QueryErrorCode", "QueueAlreadyExists");
            })
        .hasMessage(
            "A queue already exists with the same name and a different value for attribute"
                + " DelaySeconds");
    assertThat(cloud.sqs().createQueue("orders", Map.of("DelaySeconds", "10")).name())
        .isEqualTo("orders");
    // Without attributes, CreateQueue returns the queue as it is.
    assertThat(cloud.sqs().createQueue("orders").spec().delay()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aDeletedQueueNameCanBeUsedAgainAfterSixtySeconds() {
    cloud.sqs().createQueue("orders");
    cloud.sqs().deleteQueue("orders");

    assertThatThrownBy(() -> cloud.sqs().createQueue("orders"))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("QueueDeletedRecently"))
        .hasMessage(
            "You must wait 60 seconds after deleting a queue before you can create another with"
                + " the same name.");
    cloud.advance(Duration.ofSeconds(60));
    assertThat(cloud.sqs().createQueue("orders").peek()).isEmpty();
    assertThat(cloud.journal().events(SqsEvent.QueueDeleted.class)).hasSize(1);
  }

  @Test
  void aQueuePurgesAtMostOnceAMinute() {
    Queue queue = cloud.sqs().createQueue("orders");
    queue.send("a");
    queue.purge();
    queue.send("b");

    // Recorded on AWS: test_successive_purge_calls_fail.
    assertThatThrownBy(queue::purge)
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(403);
              assertThat(e.errorCode()).isEqualTo("PurgeQueueInProgress");
              assertThat(e.fields())
                  .containsEntry("QueryErrorCode", "AWS.SimpleQueueService.PurgeQueueInProgress");
            })
        .hasMessage("Only one PurgeQueue operation on orders is allowed every 60 seconds.");
    assertThat(queue.size()).isEqualTo(1);
    cloud.advance(Duration.ofSeconds(60));
    queue.purge();
    assertThat(queue.size()).isZero();
  }

  @Test
  void tagsAreKeptWithinSqsQuotas() {
    Queue queue = cloud.sqs().createQueue(QueueSpec.named("orders").tag("team", "payments"));

    queue.tag(Map.of("env", "test"));
    queue.untag(List.of("team"));

    assertThat(queue.tags()).containsExactly(Map.entry("env", "test"));
    Map<String, String> many = new java.util.HashMap<>();
    for (int i = 0; i < 50; i++) {
      many.put("k" + i, "v");
    }
    assertThatThrownBy(() -> queue.tag(many)).hasMessageContaining("at most 50");
  }
}
