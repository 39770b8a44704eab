package dev.cloudless.fakes.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TopicsTest {

  private final FakeCloud cloud = FakeCloud.builder().region("eu-west-1").build();
  private final FakeSns sns = cloud.sns();

  @AfterEach
  void close() {
    cloud.close();
  }

  @Test
  void aTopicHasAwsArn() {
    Topic orders = sns.createTopic("orders");

    assertThat(orders.arn()).isEqualTo("arn:aws:sns:eu-west-1:000000000000:orders");
    assertThat(orders.isFifo()).isFalse();
    assertThat(orders.attributes())
        .containsEntry("TopicArn", orders.arn())
        .containsEntry("Owner", "000000000000")
        .containsEntry("DisplayName", "")
        .containsEntry("SubscriptionsConfirmed", "0")
        .doesNotContainKey("FifoTopic");
  }

  @Test
  void createTopicIsIdempotentWithTheSameAttributes() {
    Topic first = sns.createTopic(TopicSpec.named("orders").displayName("Orders"));
    Topic second = sns.createTopic(TopicSpec.named("orders").displayName("Orders"));
    Topic third = sns.createTopic("orders");

    assertThat(second).isSameAs(first);
    assertThat(third).isSameAs(first);
    assertThat(sns.topics()).containsExactly(first);
  }

  @Test
  void createTopicWithDifferentAttributesFails() {
    sns.createTopic(TopicSpec.named("orders").displayName("Orders"));

    assertThatThrownBy(() -> sns.createTopic(TopicSpec.named("orders").displayName("Other")))
        .isInstanceOf(AwsServiceException.class)
        .hasMessage("Invalid parameter: Topic already exists with different attributes")
        .extracting(e -> ((AwsServiceException) e).errorCode())
        .isEqualTo("InvalidParameter");
  }

  @Test
  void badNamesAreRefusedAsAwsRefusesThem() {
    assertThatThrownBy(() -> sns.createTopic("bad name"))
        .hasMessage("Invalid parameter: Topic Name");
    assertThatThrownBy(() -> sns.createTopic("x".repeat(257)))
        .hasMessage("Invalid parameter: Topic Name");
    assertThatThrownBy(() -> sns.createTopic(TopicSpec.named("orders").fifo()))
        .hasMessageStartingWith("Invalid parameter: Fifo Topic names must end with .fifo");
  }

  @Test
  void aFifoTopicHasFifoAttributes() {
    Topic topic = sns.createTopic(TopicSpec.named("orders.fifo").contentBasedDeduplication(true));

    assertThat(topic.isFifo()).isTrue();
    assertThat(topic.attributes())
        .containsEntry("FifoTopic", "true")
        .containsEntry("ContentBasedDeduplication", "true");
  }

  @Test
  void contentBasedDeduplicationIsOnlyForFifoTopics() {
    assertThatThrownBy(
            () -> sns.createTopic(TopicSpec.named("orders").contentBasedDeduplication(true)))
        .hasMessageContaining("can only be set for FIFO topics");
  }

  @Test
  void topicAttributesCanBeSetButFifoTopicCannot() {
    Topic topic = sns.createTopic("orders");

    topic.setAttribute("DisplayName", "Orders");

    assertThat(topic.attributes()).containsEntry("DisplayName", "Orders");
    assertThatThrownBy(() -> topic.setAttribute("FifoTopic", "true"))
        .hasMessage("Invalid parameter: AttributeName");
    assertThatThrownBy(() -> topic.setAttribute("Colour", "red"))
        .hasMessage("Invalid parameter: AttributeName");
  }

  @Test
  void deleteTopicRemovesItAndItsSubscriptions() {
    Topic topic = sns.createTopic("orders");
    Subscription sub = topic.subscribe(cloud.sqs().createQueue("billing"));

    sns.deleteTopic(topic.arn());
    sns.deleteTopic(topic.arn());

    assertThat(sns.topics()).isEmpty();
    assertThat(sns.findTopic("orders")).isEmpty();
    assertThatThrownBy(() -> sns.subscription(sub.arn())).hasMessage("Subscription does not exist");
    assertThatThrownBy(() -> sns.topic("orders"))
        .isInstanceOf(AwsServiceException.class)
        .hasMessage("Topic does not exist");
    assertThat(cloud.journal().events(SnsEvent.TopicDeleted.class)).hasSize(1);
  }

  @Test
  void topicsAreFoundByNameOrArn() {
    Topic topic = sns.createTopic("orders");

    assertThat(sns.topic("orders")).isSameAs(topic);
    assertThat(sns.topic(topic.arn())).isSameAs(topic);
    assertThat(sns.findTopic("arn:aws:sns:us-east-1:000000000000:orders")).isEmpty();
  }
}
