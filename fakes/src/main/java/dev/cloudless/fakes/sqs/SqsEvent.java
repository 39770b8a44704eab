package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.journal.JournalEvent;
import java.time.Instant;
import org.apiguardian.api.API;

/** What the fake SQS records in the journal. */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface SqsEvent extends JournalEvent {

  /** The queue's name. */
  String queueName();

  /** A queue was created. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record QueueCreated(long sequence, Instant time, String resourceArn, String queueName)
      implements SqsEvent {
    @Override
    public String traceId() {
      return null;
    }

    @Override
    public String summary() {
      return queueName + " created";
    }
  }

  /**
   * A message was sent.
   *
   * @param visibleAt when its delay ends
   * @param senderId who sent it: the account for a test, a service principal's id for AWS
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record MessageSent(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String queueName,
      String messageId,
      String body,
      Instant visibleAt,
      String senderId)
      implements SqsEvent {
    @Override
    public String summary() {
      return queueName + " <- " + messageId + " " + preview(body);
    }
  }

  /**
   * A message was received.
   *
   * @param receiveCount its {@code ApproximateReceiveCount} after this receive
   * @param visibleAgainAt when it reappears unless deleted
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record MessageReceived(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String queueName,
      String messageId,
      int receiveCount,
      Instant visibleAgainAt)
      implements SqsEvent {
    @Override
    public String summary() {
      return queueName + " -> " + messageId + " receiveCount=" + receiveCount;
    }
  }

  /** A message was deleted. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record MessageDeleted(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String queueName,
      String messageId)
      implements SqsEvent {
    @Override
    public String summary() {
      return queueName + " deleted " + messageId;
    }
  }

  /** A received message's visibility timeout was changed. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record MessageVisibilityChanged(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String queueName,
      String messageId,
      Instant visibleAgainAt)
      implements SqsEvent {
    @Override
    public String summary() {
      return queueName + " visibility of " + messageId + " changed";
    }
  }

  /** A message outlived the queue's retention period and was dropped. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record MessageExpired(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String queueName,
      String messageId)
      implements SqsEvent {
    @Override
    public String summary() {
      return queueName + " expired " + messageId;
    }
  }

  /** The queue was purged. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record QueuePurged(
      long sequence, Instant time, String resourceArn, String queueName, int messagesDeleted)
      implements SqsEvent {
    @Override
    public String traceId() {
      return null;
    }

    @Override
    public String summary() {
      return queueName + " purged (" + messagesDeleted + " messages)";
    }
  }

  /** The first 60 characters of a body, on one line. */
  private static String preview(String body) {
    String flat = body.replace('\n', ' ');
    return flat.length() <= 60 ? flat : flat.substring(0, 57) + "...";
  }
}
