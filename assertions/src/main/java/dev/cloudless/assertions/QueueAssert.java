package dev.cloudless.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.sqs.Message;
import dev.cloudless.fakes.sqs.Queue;
import dev.cloudless.fakes.sqs.SqsEvent;
import dev.cloudless.trace.RelativeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an SQS queue, read without receiving: counts, receive counts and visibility do not
 * change, so asserting never disturbs what it asserts.
 *
 * <pre>{@code
 * assertThat(dlq).singleMessage().hasJsonBody("{\"orderId\":\"o-42\"}");
 * assertThat(orders).hasSize(2).hasInFlightMessages(1).containsBodies("a", "b");
 * assertThat(orders).hasMovedToDeadLetterQueueAfterReceives(3).hasMovedToDeadLetterQueueAt(ofSeconds(90));
 * }</pre>
 *
 * <p>Sizes count every message the queue holds: visible, in flight and delayed. A failure lists the
 * queue's journal events, the messages it holds and the faults that fired.
 *
 * <p>Not final only so that {@link CloudlessSoftAssertions} can proxy it; the package-private
 * constructor keeps it closed to other subclasses.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class QueueAssert extends AbstractAssert<QueueAssert, Queue> {

  /** How navigation builds children: set by soft assertions, plain otherwise. */
  Navigator navigator = Navigator.HARD;

  QueueAssert(Queue actual) {
    super(actual, QueueAssert.class);
  }

  /** Verifies that the queue holds no message at all: none visible, in flight or delayed. */
  public QueueAssert isEmpty() {
    int size = held().size();
    if (size != 0) {
      throw fail("to be empty but it contained " + messages(size) + ".");
    }
    return myself;
  }

  /** Verifies that the queue holds some message, whatever its state. */
  public QueueAssert isNotEmpty() {
    if (held().isEmpty()) {
      throw fail("not to be empty but it contained no message.");
    }
    return myself;
  }

  /** Verifies how many messages the queue holds: visible, in flight and delayed. */
  public QueueAssert hasSize(int expected) {
    int size = held().size();
    if (size != expected) {
      throw fail("to contain exactly " + messages(expected) + " but it contained " + size + ".");
    }
    return myself;
  }

  /** Verifies {@code ApproximateNumberOfMessages}: how many a receive could get now. */
  public QueueAssert hasVisibleMessages(int expected) {
    int visible = queue().approximateNumberOfMessages();
    if (visible != expected) {
      throw fail("to have " + messages(expected) + " visible but it had " + visible + " visible.");
    }
    return myself;
  }

  /** Verifies {@code ApproximateNumberOfMessagesNotVisible}: received and not yet deleted. */
  public QueueAssert hasInFlightMessages(int expected) {
    int inFlight = queue().approximateNumberOfMessagesNotVisible();
    if (inFlight != expected) {
      throw fail(
          "to have " + messages(expected) + " in flight but it had " + inFlight + " in flight.");
    }
    return myself;
  }

  /** Verifies {@code ApproximateNumberOfMessagesDelayed}: sent, but their delay has not ended. */
  public QueueAssert hasDelayedMessages(int expected) {
    int delayed = queue().approximateNumberOfMessagesDelayed();
    if (delayed != expected) {
      throw fail("to have " + messages(expected) + " delayed but it had " + delayed + " delayed.");
    }
    return myself;
  }

  /** Verifies that the queue holds a message with each of these bodies, in any order. */
  public QueueAssert containsBodies(String... expected) {
    Objects.requireNonNull(expected, "expected");
    List<String> bodies = bodies();
    List<String> missing = new ArrayList<>();
    List<String> remaining = new ArrayList<>(bodies);
    for (String body : expected) {
      if (!remaining.remove(body)) {
        missing.add(body);
      }
    }
    if (!missing.isEmpty()) {
      throw fail(
          "to contain messages with bodies "
              + Arrays.toString(expected)
              + " but "
              + missing
              + (missing.size() == 1 ? " was" : " were")
              + " missing; its bodies were "
              + bodies
              + ".");
    }
    return myself;
  }

  /** Verifies the bodies of all the messages the queue holds, oldest first, and nothing else. */
  public QueueAssert containsExactlyBodies(String... expected) {
    Objects.requireNonNull(expected, "expected");
    List<String> bodies = bodies();
    if (!bodies.equals(Arrays.asList(expected))) {
      throw fail(
          "to contain exactly messages with bodies "
              + Arrays.toString(expected)
              + " (oldest first) but its bodies were "
              + bodies
              + ".");
    }
    return myself;
  }

  /**
   * Verifies that some message's body is the same JSON as {@code expected}: key order and
   * whitespace do not matter.
   */
  public QueueAssert containsJsonBody(String expected) {
    Objects.requireNonNull(expected, "expected");
    List<Message> held = held();
    boolean found =
        held.stream().anyMatch(m -> JsonComparison.difference(m.body(), expected).isEmpty());
    if (!found) {
      throw fail(
          "to contain a message whose body is JSON equal to\n  "
              + expected
              + "\nbut none of its "
              + messages(held.size())
              + " matched.");
    }
    return myself;
  }

  /**
   * Verifies how many messages this queue moved to its dead-letter queue under its redrive policy.
   * Moves are read from the journal, so they count even after the dead-letter queue was drained.
   */
  public QueueAssert hasMovedToDeadLetterQueue(int expected) {
    int moved = moves().size();
    if (moved != expected) {
      throw fail(
          "to have moved "
              + messages(expected)
              + " to its dead-letter queue but it moved "
              + moved
              + ".");
    }
    return myself;
  }

  /**
   * Verifies the bodies of the messages this queue moved to its dead-letter queue, in the order it
   * moved them, and nothing else.
   */
  public QueueAssert hasMovedBodiesToDeadLetterQueue(String... expected) {
    Objects.requireNonNull(expected, "expected");
    Map<String, String> bodiesById = new HashMap<>();
    queue().journal().events(SqsEvent.MessageSent.class).stream()
        .filter(e -> actual.arn().equals(e.resourceArn()))
        .forEach(e -> bodiesById.putIfAbsent(e.messageId(), e.body()));
    List<String> moved =
        moves().stream().map(m -> bodiesById.getOrDefault(m.messageId(), m.messageId())).toList();
    if (!moved.equals(Arrays.asList(expected))) {
      throw fail(
          "to have moved messages with bodies "
              + Arrays.toString(expected)
              + " to its dead-letter queue but it moved "
              + (moved.isEmpty() ? "none" : moved)
              + ".");
    }
    return myself;
  }

  /**
   * Verifies when this queue moved messages to its dead-letter queue, each as the virtual time
   * since the cloud started, in the order of the moves: SQS moves a message on the receive that
   * finds its receive count at {@code maxReceiveCount}, not when its last visibility timeout ends.
   */
  public QueueAssert hasMovedToDeadLetterQueueAt(Duration... expectedSinceStart) {
    Objects.requireNonNull(expectedSinceStart, "expectedSinceStart");
    Instant origin = queue().journal().origin();
    List<Duration> times = moves().stream().map(m -> Duration.between(origin, m.time())).toList();
    if (!times.equals(Arrays.asList(expectedSinceStart))) {
      throw fail(
          "to have moved messages to its dead-letter queue at "
              + relative(Arrays.asList(expectedSinceStart))
              + " but it moved them at "
              + (times.isEmpty() ? "no time" : relative(times))
              + ".");
    }
    return myself;
  }

  /**
   * Verifies that every message this queue moved to its dead-letter queue had been received this
   * many times, its redrive policy's {@code maxReceiveCount}, and that it moved at least one.
   */
  public QueueAssert hasMovedToDeadLetterQueueAfterReceives(int expectedReceiveCount) {
    List<SqsEvent.MessageMovedToDeadLetterQueue> moves = moves();
    List<Integer> counts =
        moves.stream().map(SqsEvent.MessageMovedToDeadLetterQueue::receiveCount).toList();
    if (moves.isEmpty() || counts.stream().anyMatch(c -> c != expectedReceiveCount)) {
      throw fail(
          "to have moved messages to its dead-letter queue after "
              + FailureText.count(expectedReceiveCount, "receive", "receives")
              + " but "
              + (moves.isEmpty() ? "it moved none" : "their receive counts were " + counts)
              + ".");
    }
    return myself;
  }

  /** The only message the queue holds; fails unless it holds exactly one. */
  public MessageAssert singleMessage() {
    if (actual != null) {
      int size = actual.peek().size();
      if (size != 1) {
        navigator.navigationFailed(
            fail("to contain exactly 1 message but it contained " + size + "."));
        return notReached();
      }
    }
    return navigate(1, "to contain a single message");
  }

  /** Verifies the only message with {@code requirements} and stays on the queue. */
  public QueueAssert singleMessage(Consumer<MessageAssert> requirements) {
    Objects.requireNonNull(requirements, "requirements");
    requirements.accept(singleMessage());
    return myself;
  }

  /**
   * The {@code n}th message the queue holds, counting from 1, oldest first: the same counting as
   * {@code invocation(n)} and as the numbers in failure messages.
   */
  public MessageAssert message(int n) {
    if (n < 1) {
      throw new IllegalArgumentException(
          "Messages are counted from 1, oldest first, as invocations are; got message(" + n + ").");
    }
    return navigate(n, "to contain a message " + n);
  }

  /** Verifies the {@code n}th message with {@code requirements} and stays on the queue. */
  public QueueAssert message(int n, Consumer<MessageAssert> requirements) {
    Objects.requireNonNull(requirements, "requirements");
    requirements.accept(message(n));
    return myself;
  }

  /** The oldest message the queue holds. */
  public MessageAssert firstMessage() {
    return navigate(1, "to contain a first message");
  }

  /** The newest message the queue holds. */
  public MessageAssert lastMessage() {
    int last = actual == null ? 1 : Math.max(1, actual.peek().size());
    return navigate(last, "to contain a last message");
  }

  private MessageAssert navigate(int n, String sentence) {
    if (actual == null) {
      navigator.navigationFailed(nullActual());
      return notReached();
    }
    List<Message> held = actual.peek();
    if (n > held.size()) {
      navigator.navigationFailed(fail(sentence + " but it contained " + held.size() + "."));
      return notReached();
    }
    Queue queue = actual;
    MessageAssert child =
        navigator
            .child(MessageAssert.class, Message.class, held.get(n - 1), MessageAssert::new)
            .in(
                "message " + n + " of queue [" + queue.name() + "]",
                () -> JournalStory.ofQueue(queue));
    // As AssertJ's own navigation does: a description given to the queue applies to its messages.
    if (info.hasDescription()) {
      child.describedAs(info.description());
    }
    return child;
  }

  private MessageAssert notReached() {
    return navigator
        .child(MessageAssert.class, Message.class, null, MessageAssert::new)
        .markNotReached();
  }

  private Queue queue() {
    if (actual == null) {
      throw nullActual();
    }
    return actual;
  }

  private List<Message> held() {
    return queue().peek();
  }

  private List<SqsEvent.MessageMovedToDeadLetterQueue> moves() {
    return queue().movedToDeadLetterQueue();
  }

  private static String relative(List<Duration> sinceStart) {
    return sinceStart.stream().map(RelativeTime::format).toList().toString();
  }

  private List<String> bodies() {
    return held().stream().map(Message::body).toList();
  }

  private AssertionError fail(String sentence) {
    return failure(
        FailureText.of("queue [" + actual.name() + "]", sentence, JournalStory.ofQueue(actual)));
  }

  private AssertionError nullActual() {
    return failure(FailureText.of("a queue", "but it was null.", ""));
  }

  private static String messages(int n) {
    return FailureText.count(n, "message", "messages");
  }
}
