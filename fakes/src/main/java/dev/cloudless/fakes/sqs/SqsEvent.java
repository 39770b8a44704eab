package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.journal.JournalEvent;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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
   * @param messageGroupId its {@code MessageGroupId}, or {@code null}
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
      String senderId,
      String messageGroupId)
      implements SqsEvent {
    @Override
    public String summary() {
      return queueName
          + " <- "
          + messageId
          + (messageGroupId == null ? "" : " group=" + messageGroupId)
          + " "
          + preview(body);
    }
  }

  /**
   * A FIFO message was accepted but not stored: a message with the same deduplication id was sent
   * within the last 5 minutes. {@code SendMessage} answered with the first message's id.
   *
   * @param messageId the id of the message first sent
   * @param messageDeduplicationId the deduplication id they share
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record MessageDeduplicated(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String queueName,
      String messageId,
      String messageDeduplicationId)
      implements SqsEvent {
    @Override
    public String summary() {
      return queueName
          + " deduplicated a send of "
          + messageId
          + " (MessageDeduplicationId "
          + messageDeduplicationId
          + ")";
    }
  }

  /**
   * A {@code duplicateDelivery()} fault stored a message twice: it will be delivered twice.
   *
   * @param messageId the id both copies carry
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record MessageDuplicated(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String queueName,
      String messageId)
      implements SqsEvent {
    @Override
    public String summary() {
      return queueName + " holds " + messageId + " twice (at-least-once delivery)";
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

  /**
   * A receive found a message received {@code maxReceiveCount} times already and moved it to the
   * dead-letter queue instead of returning it. Recorded on the source queue; the dead-letter queue
   * records {@link MessageMovedFromSourceQueue}.
   *
   * @param receiveCount its {@code ApproximateReceiveCount}: the source's {@code maxReceiveCount}
   * @param deadLetterQueueArn where it went
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record MessageMovedToDeadLetterQueue(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String queueName,
      String messageId,
      int receiveCount,
      String deadLetterQueueArn)
      implements SqsEvent {
    @Override
    public String summary() {
      return queueName
          + " moved "
          + messageId
          + " to dead-letter queue "
          + deadLetterQueueArn.substring(deadLetterQueueArn.lastIndexOf(':') + 1)
          + " after "
          + receiveCount
          + (receiveCount == 1 ? " receive" : " receives");
    }
  }

  /**
   * A message arrived in this dead-letter queue from its source queue, keeping its id, body and
   * attributes, with {@code DeadLetterQueueSourceArn} added.
   *
   * @param receiveCount its {@code ApproximateReceiveCount}, which goes on counting here
   * @param sourceQueueArn the queue it came from
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record MessageMovedFromSourceQueue(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String queueName,
      String messageId,
      int receiveCount,
      String sourceQueueArn)
      implements SqsEvent {
    @Override
    public String summary() {
      return queueName
          + " <- "
          + messageId
          + " dead-lettered from "
          + sourceQueueArn.substring(sourceQueueArn.lastIndexOf(':') + 1)
          + " (receiveCount="
          + receiveCount
          + ")";
    }
  }

  /**
   * {@code StartMessageMoveTask} started a task on this (dead-letter) queue.
   *
   * @param destinationArn where it moves to, or {@code null} for each message's source queue
   * @param maxNumberOfMessagesPerSecond the rate asked for, or {@code null}
   * @param approximateNumberOfMessagesToMove the messages visible when it started
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record MessageMoveTaskStarted(
      long sequence,
      Instant time,
      String resourceArn,
      String queueName,
      String taskHandle,
      String destinationArn,
      Integer maxNumberOfMessagesPerSecond,
      long approximateNumberOfMessagesToMove)
      implements SqsEvent {
    @Override
    public String traceId() {
      return null;
    }

    @Override
    public String summary() {
      return queueName
          + " move task started: "
          + approximateNumberOfMessagesToMove
          + " messages to "
          + (destinationArn == null ? "their source queues" : destinationArn)
          + (maxNumberOfMessagesPerSecond == null
              ? ""
              : " at " + maxNumberOfMessagesPerSecond + "/s");
    }
  }

  /**
   * A move task moved a message: deleted here and sent afresh to {@code destinationArn}.
   *
   * @param messageId its id here
   * @param newMessageId the id of the message sent to the destination
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record MessageMovedByTask(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String queueName,
      String messageId,
      String destinationArn,
      String newMessageId)
      implements SqsEvent {
    @Override
    public String summary() {
      return queueName
          + " moved "
          + messageId
          + " to "
          + destinationArn.substring(destinationArn.lastIndexOf(':') + 1)
          + " as "
          + newMessageId;
    }
  }

  /**
   * A move task ended: {@code COMPLETED}, {@code CANCELLED} or {@code FAILED}.
   *
   * @param approximateNumberOfMessagesMoved how many it moved
   * @param failureReason why it failed, or {@code null}
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record MessageMoveTaskFinished(
      long sequence,
      Instant time,
      String resourceArn,
      String queueName,
      String taskHandle,
      MessageMoveTask.Status status,
      long approximateNumberOfMessagesMoved,
      String failureReason)
      implements SqsEvent {
    @Override
    public String traceId() {
      return null;
    }

    @Override
    public String summary() {
      return queueName
          + " move task "
          + status
          + " after moving "
          + approximateNumberOfMessagesMoved
          + (failureReason == null ? "" : " (" + failureReason + ")");
    }
  }

  /**
   * {@code SetQueueAttributes} changed attributes.
   *
   * @param attributes the attributes set, as given
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record QueueAttributesChanged(
      long sequence,
      Instant time,
      String resourceArn,
      String queueName,
      Map<String, String> attributes)
      implements SqsEvent {
    public QueueAttributesChanged {
      attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    @Override
    public String traceId() {
      return null;
    }

    @Override
    public String summary() {
      return queueName + " attributes set " + attributes;
    }
  }

  /** The queue was deleted, with the messages it held. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record QueueDeleted(
      long sequence, Instant time, String resourceArn, String queueName, int messagesDeleted)
      implements SqsEvent {
    @Override
    public String traceId() {
      return null;
    }

    @Override
    public String summary() {
      return queueName + " deleted (" + messagesDeleted + " messages)";
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
