package dev.cloudless.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.sns.SnsEvent;
import dev.cloudless.fakes.sns.Subscription;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one SNS subscription: which messages reached its endpoint, which its filter policy
 * dropped, which failed and went to its dead-letter queue. Usually reached from the topic:
 *
 * <pre>{@code
 * assertThat(orderEvents).subscription(euOrders)
 *     .hasReceivedMessages("{\"orderId\":\"o-1\",\"region\":\"eu\"}")
 *     .hasFilteredOutMessages("{\"orderId\":\"o-2\",\"region\":\"us\"}");
 * }</pre>
 *
 * <p>Messages are named as they were published, not as delivered: an SQS subscriber without raw
 * delivery receives them inside AWS's JSON envelope, a Lambda subscriber inside the SNS event.
 *
 * <p>Not final only so that {@link CloudlessSoftAssertions} can proxy it; the package-private
 * constructor keeps it closed to other subclasses.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class SubscriptionAssert extends AbstractAssert<SubscriptionAssert, Subscription> {

  /** Set when navigation knows more than the subscription does: which topic. */
  private String subject;

  /** What a failure tells: the subscription's own events, or its topic's when navigated to. */
  private Supplier<String> story;

  private boolean notReached;

  SubscriptionAssert(Subscription actual) {
    super(actual, SubscriptionAssert.class);
    this.story = () -> JournalStory.ofSubscription(actual);
  }

  /** Names the subscription as navigation reached it, and adds its topic's story to failures. */
  SubscriptionAssert in(String subject, Supplier<String> story) {
    this.subject = subject;
    this.story = story;
    return this;
  }

  /** Marks an assert that soft navigation could not reach: see {@link NotReached}. */
  SubscriptionAssert markNotReached() {
    this.notReached = true;
    return this;
  }

  /** Verifies how many messages reached the endpoint. */
  public SubscriptionAssert hasReceived(int expected) {
    int received = subscription().deliveries().size();
    if (received != expected) {
      throw fail(
          "to have received "
              + FailureText.count(expected, "message", "messages")
              + " but it received "
              + received
              + ".");
    }
    return myself;
  }

  /** Verifies the messages that reached the endpoint, as published, in the order they arrived. */
  public SubscriptionAssert hasReceivedMessages(String... expected) {
    Objects.requireNonNull(expected, "expected");
    List<String> received =
        published(subscription().deliveries().stream().map(SnsEvent.MessageDelivered::messageId));
    if (!received.equals(Arrays.asList(expected))) {
      throw fail(
          "to have received the messages "
              + Arrays.toString(expected)
              + " but it received "
              + received
              + ".");
    }
    return myself;
  }

  /** Verifies how many messages the subscription's filter policy dropped. */
  public SubscriptionAssert hasFilteredOut(int expected) {
    int dropped = subscription().filteredOut().size();
    if (dropped != expected) {
      throw fail(
          "to have filtered out "
              + FailureText.count(expected, "message", "messages")
              + " but it filtered out "
              + dropped
              + ".");
    }
    return myself;
  }

  /** Verifies the messages the filter policy dropped, as published, in order. */
  public SubscriptionAssert hasFilteredOutMessages(String... expected) {
    Objects.requireNonNull(expected, "expected");
    List<String> dropped =
        published(
            subscription().filteredOut().stream().map(SnsEvent.MessageFilteredOut::messageId));
    if (!dropped.equals(Arrays.asList(expected))) {
      throw fail(
          "to have filtered out the messages "
              + Arrays.toString(expected)
              + " but it filtered out "
              + dropped
              + ".");
    }
    return myself;
  }

  /** Verifies how many delivery attempts to the endpoint failed (retried or not). */
  public SubscriptionAssert hasFailedDeliveries(int expected) {
    Subscription s = subscription();
    long failed =
        s.journal().events(SnsEvent.DeliveryFailed.class).stream()
            .filter(e -> s.arn().equals(e.resourceArn()))
            .count();
    if (failed != expected) {
      throw fail(
          "to have had "
              + FailureText.count(expected, "failed delivery", "failed deliveries")
              + " but it had "
              + failed
              + ".");
    }
    return myself;
  }

  /** Verifies the messages SNS gave up on and sent to the subscription's dead-letter queue. */
  public SubscriptionAssert hasDeadLetteredMessages(String... expected) {
    Objects.requireNonNull(expected, "expected");
    Subscription s = subscription();
    List<String> deadLettered =
        published(
            s.journal().events(SnsEvent.MessageDeadLettered.class).stream()
                .filter(e -> s.arn().equals(e.resourceArn()))
                .map(SnsEvent.MessageDeadLettered::messageId));
    if (!deadLettered.equals(Arrays.asList(expected))) {
      throw fail(
          "to have dead-lettered the messages "
              + Arrays.toString(expected)
              + " but it dead-lettered "
              + deadLettered
              + ".");
    }
    return myself;
  }

  /** The published text of each message id, read from the journal; the id where none is found. */
  private List<String> published(java.util.stream.Stream<String> messageIds) {
    Subscription s = subscription();
    Map<String, String> byId = new HashMap<>();
    s.journal().events(SnsEvent.MessagePublished.class).stream()
        .filter(e -> s.topicArn().equals(e.resourceArn()))
        .forEach(e -> byId.putIfAbsent(e.messageId(), e.message()));
    return messageIds.map(id -> byId.getOrDefault(id, id)).toList();
  }

  private Subscription subscription() {
    if (notReached) {
      throw new NotReached();
    }
    if (actual == null) {
      throw failure(FailureText.of("a subscription", "but it was null.", ""));
    }
    return actual;
  }

  private String subject() {
    return subject != null
        ? subject + " [" + actual.endpoint() + "]"
        : "subscription [" + actual.endpoint() + "]";
  }

  private AssertionError fail(String sentence) {
    return failure(FailureText.of(subject(), sentence, story.get()));
  }
}
