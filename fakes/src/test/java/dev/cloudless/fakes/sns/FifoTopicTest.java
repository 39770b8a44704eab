package dev.cloudless.fakes.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FifoTopicTest {

  private final FakeCloud cloud = FakeCloud.create();

  @AfterEach
  void close() {
    cloud.close();
  }

  @Test
  void aFifoTopicNeedsAGroupAndADeduplicationId() {
    Topic topic = cloud.sns().createTopic("orders.fifo");

    assertThatThrownBy(() -> topic.publish("x"))
        .hasMessage("Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
    assertThatThrownBy(() -> topic.publish(PublishRequest.message("x").messageGroupId("g")))
        .hasMessage(
            "Invalid parameter: The topic should either have ContentBasedDeduplication enabled or"
                + " MessageDeduplicationId provided explicitly");
    PublishResult result =
        topic.publish(PublishRequest.message("x").messageGroupId("g").messageDeduplicationId("d"));
    assertThat(result.sequenceNumber()).matches("\\d{20}");
  }

  @Test
  void aStandardTopicRefusesADeduplicationId() {
    Topic topic = cloud.sns().createTopic("orders");

    assertThatThrownBy(() -> topic.publish(PublishRequest.message("x").messageDeduplicationId("d")))
        .hasMessageStartingWith("Invalid parameter: MessageDeduplicationId Reason:");
  }

  @Test
  void contentBasedDeduplicationSuppressesTheSameMessageForFiveMinutes() {
    Topic topic =
        cloud.sns().createTopic(TopicSpec.named("orders.fifo").contentBasedDeduplication(true));

    PublishResult first = topic.publish(PublishRequest.message("x").messageGroupId("g"));
    cloud.advance(Duration.ofMinutes(4));
    PublishResult duplicate = topic.publish(PublishRequest.message("x").messageGroupId("g"));
    cloud.advance(Duration.ofMinutes(2));
    PublishResult later = topic.publish(PublishRequest.message("x").messageGroupId("g"));

    assertThat(duplicate).isEqualTo(first);
    assertThat(later.messageId()).isNotEqualTo(first.messageId());
    assertThat(Long.parseLong(later.sequenceNumber()))
        .isGreaterThan(Long.parseLong(first.sequenceNumber()));
    assertThat(cloud.journal().events(SnsEvent.MessagePublished.class)).hasSize(2);
    assertThat(cloud.journal().events(SnsEvent.DuplicateSuppressed.class)).hasSize(1);
  }

  @Test
  void explicitDeduplicationIdsDeduplicateDifferentBodies() {
    Topic topic = cloud.sns().createTopic("orders.fifo");

    PublishResult first =
        topic.publish(PublishRequest.message("a").messageGroupId("g").messageDeduplicationId("1"));
    PublishResult second =
        topic.publish(PublishRequest.message("b").messageGroupId("g").messageDeduplicationId("1"));

    assertThat(second.messageId()).isEqualTo(first.messageId());
  }
}
