package dev.cloudless.fakes.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.MessageAttributeValue;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Receives that ask for some attributes, as recorded on AWS
 * (test_receive_message_message_attribute_names_filters and
 * test_receive_message_attribute_names_filters).
 */
class ReceiveFiltersTest {

  private final FakeCloud cloud = FakeCloud.create();
  private final Queue queue =
      cloud.sqs().createQueue(QueueSpec.named("filters").visibilityTimeout(Duration.ZERO));

  @BeforeEach
  void send() {
    SendResult sent =
        queue.send(
            SendMessageRequest.body("msg")
                .messageAttribute("Hello", MessageAttributeValue.string("There"))
                .messageAttribute("General", MessageAttributeValue.string("Kenobi"))
                .messageAttribute("Help.Me", MessageAttributeValue.string("Me")));
    assertThat(sent.md5OfMessageAttributes()).isEqualTo("4c360f3fdafd970e05fae2f149d997f5");
  }

  @AfterEach
  void close() {
    cloud.close();
  }

  private Message receive(ReceiveRequest request) {
    return queue.receive(request).get(0);
  }

  @Test
  void messageAttributeNamesFilterAsAwsDoesWithTheDigestOfWhatIsReturned() {
    Message none = receive(ReceiveRequest.upTo(1).messageAttributeNames(java.util.List.of()));
    assertThat(none.messageAttributes()).isEmpty();
    assertThat(none.md5OfMessageAttributes()).isNull();

    for (String all : new String[] {"All", "*", ".*"}) {
      Message m = receive(ReceiveRequest.upTo(1).messageAttributeNames(all));
      assertThat(m.messageAttributes()).containsOnlyKeys("Hello", "General", "Help.Me");
      assertThat(m.md5OfMessageAttributes()).isEqualTo("4c360f3fdafd970e05fae2f149d997f5");
    }
    assertThat(
            receive(ReceiveRequest.upTo(1).messageAttributeNames("Foo", "Help"))
                .messageAttributes())
        .isEmpty();
    Message existing = receive(ReceiveRequest.upTo(1).messageAttributeNames("Hello", "General"));
    assertThat(existing.messageAttributes()).containsOnlyKeys("Hello", "General");
    assertThat(existing.md5OfMessageAttributes()).isEqualTo("fca026605781cb4126a1e9044df24232");
    assertThat(
            receive(ReceiveRequest.upTo(1).messageAttributeNames("Foo", "Hello"))
                .md5OfMessageAttributes())
        .isEqualTo("a311262e065454b75da111d535b8dacd");
    Message prefix = receive(ReceiveRequest.upTo(1).messageAttributeNames("Hel.*"));
    assertThat(prefix.messageAttributes()).containsOnlyKeys("Hello", "Help.Me");
    assertThat(prefix.md5OfMessageAttributes()).isEqualTo("83fee93c1bcd8b9a5a923ffacdc636c7");
    assertThat(receive(ReceiveRequest.upTo(1).messageAttributeNames("AWS.")).messageAttributes())
        .isEmpty();
    assertThat(receive(ReceiveRequest.upTo(1).messageAttributeNames("..foo")).messageAttributes())
        .isEmpty();
  }

  @Test
  void attributeNamesChooseTheSystemAttributes() {
    assertThat(receive(ReceiveRequest.upTo(1).attributeNames("All")).attributes())
        .containsOnlyKeys(
            "SenderId",
            "SentTimestamp",
            "ApproximateReceiveCount",
            "ApproximateFirstReceiveTimestamp");
    assertThat(receive(ReceiveRequest.upTo(1).attributeNames("SenderId")).attributes())
        .containsOnlyKeys("SenderId");
    // Queue attribute names are accepted and ignored, as the AttributeNames parameter documents.
    assertThat(
            receive(
                    ReceiveRequest.upTo(1)
                        .attributeNames("SenderId", "ApproximateNumberOfMessages"))
                .attributes())
        .containsOnlyKeys("SenderId");
    assertThat(receive(ReceiveRequest.upTo(1).attributeNames(java.util.List.of())).attributes())
        .isEmpty();
    assertThatThrownBy(() -> queue.receive(ReceiveRequest.upTo(1).attributeNames("Colour")))
        .hasMessage("Unknown Attribute Colour.");
  }

  @Test
  void withoutFiltersTheInProcessReceiveReturnsEverything() {
    Message m = receive(ReceiveRequest.upTo(1));

    assertThat(m.messageAttributes()).hasSize(3);
    assertThat(m.attributes()).containsKeys("SenderId", "ApproximateReceiveCount");
  }
}
