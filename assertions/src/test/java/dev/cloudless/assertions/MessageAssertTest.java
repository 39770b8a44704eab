package dev.cloudless.assertions;

import static dev.cloudless.assertions.CloudlessAssertions.assertThat;
import static dev.cloudless.assertions.CloudlessAssertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.MessageAttributeValue;
import dev.cloudless.fakes.sqs.Message;
import dev.cloudless.fakes.sqs.Queue;
import dev.cloudless.fakes.sqs.SendMessageRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class MessageAssertTest {

  private final FakeCloud cloud = FakeCloud.create();
  private Queue orders;

  @BeforeEach
  void sendAnOrder() {
    orders = cloud.sqs().createQueue("orders");
    orders.send(
        SendMessageRequest.body("{\"orderId\":\"o-42\",\"lines\":[{\"sku\":\"tea\",\"qty\":2}]}")
            .messageAttribute("type", MessageAttributeValue.string("order"))
            .messageAttribute("amount", MessageAttributeValue.number(42)));
  }

  @AfterEach
  void close() {
    cloud.close();
  }

  @Test
  void hasBodyComparesTextExactlyAndOffersTheIdeADiff() {
    String body = "{\"orderId\":\"o-42\",\"lines\":[{\"sku\":\"tea\",\"qty\":2}]}";

    assertThat(orders).singleMessage().hasBody(body);
    assertThatThrownBy(() -> assertThat(orders).singleMessage().hasBody("{}"))
        .isInstanceOfSatisfying(
            AssertionFailedError.class,
            e -> {
              assertThat(e.getActual().getStringRepresentation()).isEqualTo(body);
              assertThat(e.getExpected().getStringRepresentation()).isEqualTo("{}");
            })
        .hasMessageStartingWith(
            "Expecting message 1 of queue [orders] to have body\n  {}\nbut it was\n  " + body)
        .hasMessageContaining("\nMessage ")
        .hasMessageContaining("  messageAttributes: {type=String:order, amount=Number:42}\n")
        .hasMessageContaining("Events of queue [orders]:\n");
  }

  @Test
  void hasBodyContainingLooksForAPart() {
    assertThat(orders).singleMessage().hasBodyContaining("\"sku\":\"tea\"");
    assertThatThrownBy(() -> assertThat(orders).singleMessage().hasBodyContaining("coffee"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting message 1 of queue [orders] to have a body containing [coffee]"
                + " but it was\n  {\"orderId\"");
  }

  @Test
  void hasJsonBodyIgnoresKeyOrderAndWhitespaceAndNamesTheDifferingNode() {
    assertThat(orders)
        .singleMessage()
        .hasJsonBody("{ \"lines\": [ { \"qty\": 2, \"sku\": \"tea\" } ], \"orderId\": \"o-42\" }")
        .hasJsonBody("{\"orderId\":\"${json-unit.any-string}\",\"lines\":\"${json-unit.ignore}\"}");
    assertThatThrownBy(
            () ->
                assertThat(orders)
                    .singleMessage()
                    .hasJsonBody("{\"orderId\":\"o-42\",\"lines\":[{\"sku\":\"tea\",\"qty\":3}]}"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting message 1 of queue [orders] to have a JSON body equal to\n"
                + "  {\"orderId\":\"o-42\",\"lines\":[{\"sku\":\"tea\",\"qty\":3}]}\n"
                + "but JSON documents are different:\n"
                + "Different value found in node \"lines[0].qty\", expected: <3> but was: <2>.");
  }

  @Test
  void hasJsonBodyFailsOnABodyThatIsNotJsonAndRefusesAnExpectationThatIsNot() {
    Queue notes = cloud.sqs().createQueue("notes");
    notes.send("not json");

    assertThatThrownBy(() -> assertThat(notes).singleMessage().hasJsonBody("{}"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting message 1 of queue [notes] to have a JSON body equal to\n"
                + "  {}\n"
                + "but it is not JSON: Can not parse actual value: 'not json'");
    assertThatThrownBy(() -> assertThat(orders).singleMessage().hasJsonBody("{bad"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'{bad'");
  }

  @Test
  void jsonBodyNavigatesIntoTheBodyWithJsonUnit() {
    assertThat(orders).singleMessage().jsonBody().inPath("lines[0].sku").isEqualTo("tea");
    assertThatThrownBy(() -> assertThat(orders).singleMessage().jsonBody().isArray())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "body of message 1 of queue [orders] has invalid type, expected: <array>");
  }

  @Test
  void hasMessageAttributeWithAStringMatchesStringAndNumberValues() {
    assertThat(orders)
        .singleMessage()
        .hasMessageAttribute("type", "order")
        .hasMessageAttribute("amount", "42");
    assertThatThrownBy(
            () -> assertThat(orders).singleMessage().hasMessageAttribute("type", "refund"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting message 1 of queue [orders] to have message attribute [type]"
                + " with value [refund] but it was String:order.");
    assertThatThrownBy(() -> assertThat(orders).singleMessage().hasMessageAttribute("tenant", "t1"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("with value [t1] but it had no such attribute.");
  }

  @Test
  void hasMessageAttributeWithAValueComparesTheDataTypeToo() {
    assertThat(orders)
        .singleMessage()
        .hasMessageAttribute("amount", MessageAttributeValue.number(42))
        .hasNoMessageAttribute("tenant");
    assertThatThrownBy(
            () ->
                assertThat(orders)
                    .singleMessage()
                    .hasMessageAttribute("amount", MessageAttributeValue.string("42")))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting message 1 of queue [orders] to have message attribute [amount]"
                + " equal to String:42 but it was Number:42.");
    assertThatThrownBy(() -> assertThat(orders).singleMessage().hasNoMessageAttribute("type"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting message 1 of queue [orders] to have no message attribute [type]"
                + " but it had one: String:order.");
  }

  @Test
  void hasAttributeReadsSystemAttributes() {
    assertThat(orders).singleMessage().hasAttribute("SenderId", FakeCloud.DEFAULT_ACCOUNT_ID);
    assertThatThrownBy(() -> assertThat(orders).singleMessage().hasAttribute("SenderId", "1"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting message 1 of queue [orders] to have attribute [SenderId]"
                + " with value [1] but it was [000000000000].");
    assertThatThrownBy(() -> assertThat(orders).singleMessage().hasAttribute("Nope", "1"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("with value [1] but it had no such attribute.");
  }

  @Test
  void hasReceiveCountReadsApproximateReceiveCount() {
    orders.receive();

    assertThat(orders)
        .singleMessage()
        .hasReceiveCount(1)
        .hasAttribute("ApproximateReceiveCount", "1");
    assertThatThrownBy(() -> assertThat(orders).singleMessage().hasReceiveCount(3))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting message 1 of queue [orders] to have been received 3 times"
                + " but it was received 1 time.")
        .hasMessageContaining("MessageReceived");
  }

  @Test
  void aLoneMessageIsNamedByItsIdAndHasNoQueueStory() {
    Message message = orders.peek().get(0);

    assertThat(message).hasMessageAttribute("type", "order");
    assertThatThrownBy(() -> assertThat(message).hasReceiveCount(1))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting message ["
                + message.messageId()
                + "] to have been received 1 time but it was received 0 times.\n"
                + "Message "
                + message.messageId()
                + ":\n  body: {\"orderId\":\"o-42\"")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Events of queue"));
    assertThatThrownBy(() -> assertThat((Message) null).hasBody("x"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting a message but it was null.");
  }
}
