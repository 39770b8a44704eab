package dev.cloudless.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.AwsResource;
import dev.cloudless.fakes.sns.SnsEvent;
import dev.cloudless.fakes.sns.Subscription;
import dev.cloudless.fakes.sns.Topic;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an SNS topic: what was published to it, and through {@link #subscription} what each
 * subscriber received and what its filter policy dropped.
 *
 * <pre>{@code
 * assertThat(orderEvents).hasPublished(3);
 * assertThat(orderEvents).subscription(euOrders).hasReceivedMessages("{\"region\":\"eu\"}");
 * assertThat(orderEvents).subscription(usOrders).hasFilteredOut(1);
 * }</pre>
 *
 * <p>Everything is read from the journal, so nothing a subscriber consumed since is lost to the
 * assertion. A failure lists the topic's journal events and the faults that fired.
 *
 * <p>Not final only so that {@link CloudlessSoftAssertions} can proxy it; the package-private
 * constructor keeps it closed to other subclasses.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class TopicAssert extends AbstractAssert<TopicAssert, Topic> {

  /** How navigation builds children: set by soft assertions, plain otherwise. */
  Navigator navigator = Navigator.HARD;

  TopicAssert(Topic actual) {
    super(actual, TopicAssert.class);
  }

  /** Verifies how many messages were published to the topic (batches count each entry). */
  public TopicAssert hasPublished(int expected) {
    int published = published().size();
    if (published != expected) {
      throw fail(
          "to have had "
              + FailureText.count(expected, "message", "messages")
              + " published but it had "
              + published
              + ".");
    }
    return myself;
  }

  /** Verifies the messages published to the topic, in the order they were published. */
  public TopicAssert hasPublishedMessages(String... expected) {
    Objects.requireNonNull(expected, "expected");
    List<String> messages = published().stream().map(SnsEvent.MessagePublished::message).toList();
    if (!messages.equals(Arrays.asList(expected))) {
      throw fail(
          "to have had the messages "
              + Arrays.toString(expected)
              + " published but it had "
              + messages
              + ".");
    }
    return myself;
  }

  /** Verifies how many subscriptions the topic has, confirmed or pending. */
  public TopicAssert hasSubscriptions(int expected) {
    int count = topic().subscriptions().size();
    if (count != expected) {
      throw fail(
          "to have "
              + FailureText.count(expected, "subscription", "subscriptions")
              + " but it had "
              + count
              + ".");
    }
    return myself;
  }

  /** The topic's subscription for this endpoint: a queue or a function. */
  public SubscriptionAssert subscription(AwsResource endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    return subscription(endpoint.arn());
  }

  /**
   * The topic's subscription for this endpoint (a queue or function ARN, an HTTP URL) or with this
   * subscription ARN.
   */
  public SubscriptionAssert subscription(String endpointOrSubscriptionArn) {
    Objects.requireNonNull(endpointOrSubscriptionArn, "endpointOrSubscriptionArn");
    if (actual == null) {
      navigator.navigationFailed(nullActual());
      return notReached();
    }
    List<Subscription> subscriptions = actual.subscriptions();
    List<Subscription> matching =
        subscriptions.stream()
            .filter(
                s ->
                    s.endpoint().equals(endpointOrSubscriptionArn)
                        || s.arn().equals(endpointOrSubscriptionArn))
            .toList();
    if (matching.size() != 1) {
      navigator.navigationFailed(
          fail(
              "to have one subscription for ["
                  + endpointOrSubscriptionArn
                  + "] but it had "
                  + matching.size()
                  + "; its subscriptions were "
                  + subscriptions.stream().map(s -> s.protocol() + " " + s.endpoint()).toList()
                  + "."));
      return notReached();
    }
    Topic topic = actual;
    SubscriptionAssert child =
        navigator
            .child(
                SubscriptionAssert.class,
                Subscription.class,
                matching.get(0),
                SubscriptionAssert::new)
            .in("subscription of topic [" + topic.name() + "]", () -> JournalStory.ofTopic(topic));
    if (info.hasDescription()) {
      child.describedAs(info.description());
    }
    return child;
  }

  /**
   * Verifies the subscription for {@code endpoint} with {@code requirements}; stays on the topic.
   */
  public TopicAssert subscription(AwsResource endpoint, Consumer<SubscriptionAssert> requirements) {
    Objects.requireNonNull(requirements, "requirements");
    requirements.accept(subscription(endpoint));
    return myself;
  }

  private SubscriptionAssert notReached() {
    return navigator
        .child(SubscriptionAssert.class, Subscription.class, null, SubscriptionAssert::new)
        .markNotReached();
  }

  private List<SnsEvent.MessagePublished> published() {
    Topic topic = topic();
    return topic.journal().events(SnsEvent.MessagePublished.class).stream()
        .filter(e -> topic.arn().equals(e.resourceArn()))
        .toList();
  }

  private Topic topic() {
    if (actual == null) {
      throw nullActual();
    }
    return actual;
  }

  private AssertionError fail(String sentence) {
    return failure(
        FailureText.of("topic [" + actual.name() + "]", sentence, JournalStory.ofTopic(actual)));
  }

  private AssertionError nullActual() {
    return failure(FailureText.of("a topic", "but it was null.", ""));
  }
}
