package dev.cloudless.assertions;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.MessageAttributeValue;
import dev.cloudless.fakes.sqs.Message;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import net.javacrumbs.jsonunit.assertj.JsonAssert;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one SQS message, usually reached from its queue:
 *
 * <pre>{@code
 * assertThat(dlq).singleMessage()
 *     .hasJsonBody("{\"orderId\":\"o-42\"}")
 *     .hasMessageAttribute("type", "order")
 *     .hasReceiveCount(0);
 * }</pre>
 *
 * <p>A failure shows the message and, when reached from a queue, the queue's story.
 *
 * <p>Not final only so that {@link CloudlessSoftAssertions} can proxy it; the package-private
 * constructor keeps it closed to other subclasses.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class MessageAssert extends AbstractAssert<MessageAssert, Message> {

  /** Set when navigation knows more than the message does: which queue, which position. */
  private String subject;

  private Supplier<String> story = () -> "";
  private boolean notReached;

  MessageAssert(Message actual) {
    super(actual, MessageAssert.class);
  }

  /** Names the message as navigation reached it, and adds its queue's story to failures. */
  MessageAssert in(String subject, Supplier<String> story) {
    this.subject = subject;
    this.story = story;
    return this;
  }

  /** Marks an assert that soft navigation could not reach: see {@link NotReached}. */
  MessageAssert markNotReached() {
    this.notReached = true;
    return this;
  }

  /** Verifies the body exactly, as text. */
  public MessageAssert hasBody(String expected) {
    Objects.requireNonNull(expected, "expected");
    String body = message().body();
    if (!expected.equals(body)) {
      throw failureWithActualExpected(
          body, expected, text("to have body\n  " + expected + "\nbut it was\n  " + body));
    }
    return myself;
  }

  /** Verifies that the body contains {@code expected}. */
  public MessageAssert hasBodyContaining(String expected) {
    Objects.requireNonNull(expected, "expected");
    String body = message().body();
    if (!body.contains(expected)) {
      throw fail("to have a body containing [" + expected + "] but it was\n  " + body);
    }
    return myself;
  }

  /**
   * Verifies that the body is the same JSON as {@code expected}: key order and whitespace do not
   * matter; json-unit's placeholders such as {@code "${json-unit.any-string}"} work.
   */
  public MessageAssert hasJsonBody(String expected) {
    Objects.requireNonNull(expected, "expected");
    Optional<String> difference = JsonComparison.difference(message().body(), expected);
    if (difference.isPresent()) {
      throw fail("to have a JSON body equal to\n  " + expected + "\nbut " + difference.get());
    }
    return myself;
  }

  /**
   * json-unit's assertions on the body, to navigate into it:
   *
   * <pre>{@code
   * assertThat(queue).singleMessage().jsonBody().inPath("order.total").isEqualTo(30);
   * }</pre>
   */
  public JsonAssert.ConfigurableJsonAssert jsonBody() {
    return assertThatJson(message().body()).as("body of " + subject());
  }

  /**
   * Verifies that the message attribute {@code name} has this string value; its data type may be
   * {@code String} or {@code Number} (AWS keeps numbers as text).
   */
  public MessageAssert hasMessageAttribute(String name, String expectedStringValue) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expectedStringValue, "expectedStringValue");
    Optional<MessageAttributeValue> value = message().messageAttribute(name);
    if (value.isEmpty() || !expectedStringValue.equals(value.get().stringValue())) {
      throw fail(
          "to have message attribute ["
              + name
              + "] with value ["
              + expectedStringValue
              + "] but "
              + value.map(v -> "it was " + v).orElse("it had no such attribute")
              + ".");
    }
    return myself;
  }

  /** Verifies a message attribute's data type and value. */
  public MessageAssert hasMessageAttribute(String name, MessageAttributeValue expected) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expected, "expected");
    Optional<MessageAttributeValue> value = message().messageAttribute(name);
    if (value.isEmpty() || !expected.equals(value.get())) {
      throw fail(
          "to have message attribute ["
              + name
              + "] equal to "
              + expected
              + " but "
              + value.map(v -> "it was " + v).orElse("it had no such attribute")
              + ".");
    }
    return myself;
  }

  /** Verifies that the sender did not set the message attribute {@code name}. */
  public MessageAssert hasNoMessageAttribute(String name) {
    Objects.requireNonNull(name, "name");
    Optional<MessageAttributeValue> value = message().messageAttribute(name);
    if (value.isPresent()) {
      throw fail(
          "to have no message attribute [" + name + "] but it had one: " + value.get() + ".");
    }
    return myself;
  }

  /**
   * Verifies a system attribute, such as {@code SenderId}, {@code ApproximateReceiveCount} or
   * {@code AWSTraceHeader}.
   */
  public MessageAssert hasAttribute(String name, String expected) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expected, "expected");
    Optional<String> value = message().attribute(name);
    if (!value.equals(Optional.of(expected))) {
      throw fail(
          "to have attribute ["
              + name
              + "] with value ["
              + expected
              + "] but "
              + value.map(v -> "it was [" + v + "]").orElse("it had no such attribute")
              + ".");
    }
    return myself;
  }

  /** Verifies {@code ApproximateReceiveCount}: how many times the message has been received. */
  public MessageAssert hasReceiveCount(int expected) {
    int count = message().receiveCount();
    if (count != expected) {
      throw fail(
          "to have been received "
              + FailureText.count(expected, "time", "times")
              + " but it was received "
              + FailureText.count(count, "time", "times")
              + ".");
    }
    return myself;
  }

  private Message message() {
    if (notReached) {
      throw new NotReached();
    }
    if (actual == null) {
      throw failure(FailureText.of("a message", "but it was null.", ""));
    }
    return actual;
  }

  private String subject() {
    return subject != null ? subject : "message [" + actual.messageId() + "]";
  }

  private String text(String sentence) {
    return FailureText.of(subject(), sentence, JournalStory.message(actual) + story.get());
  }

  private AssertionError fail(String sentence) {
    return failure(text(sentence));
  }
}
