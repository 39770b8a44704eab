package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.AwsResource;
import dev.cloudless.fakes.journal.Journal;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One SQS queue, standard or FIFO. Every operation happens at the virtual clock's current instant:
 * a received message stays invisible for the visibility timeout on the virtual clock, and reappears
 * exactly when it ends.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Queue extends AwsResource {

  /** The queue's name. */
  String name();

  /** The queue URL, {@code https://sqs.<region>.amazonaws.com/<account>/<name>}. */
  String url();

  /** The queue's ARN, {@code arn:aws:sqs:<region>:<account>:<name>}. */
  @Override
  String arn();

  /**
   * The queue's attributes now: as created, with the changes made since by {@link #setAttributes}.
   */
  QueueSpec spec();

  /** Whether this is a FIFO queue. */
  default boolean isFifo() {
    return spec().fifoQueue();
  }

  /** Sends a message with this body. */
  SendResult send(String body);

  /**
   * Sends a message.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException with AWS's error for a missing, too large
   *     or invalid body, a delay out of range, too many attributes, or FIFO ids missing, malformed
   *     or given to a standard queue
   */
  SendResult send(SendMessageRequest request);

  /**
   * {@code SendMessageBatch}: up to 10 messages, at most 1 MiB together. An entry that AWS would
   * refuse on its own fails alone, in {@code failed}; the others are sent.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code EmptyBatchRequest}, {@code
   *     TooManyEntriesInBatchRequest}, {@code InvalidBatchEntryId}, {@code
   *     BatchEntryIdsNotDistinct}, {@code BatchRequestTooLong}, or for a FIFO queue an entry
   *     without its group or deduplication id: then nothing is sent
   */
  SendMessageBatchResult sendBatch(List<SendMessageBatchEntry> entries);

  /** Receives at most one message, as {@code ReceiveMessage} does by default. */
  List<Message> receive();

  /** Receives up to {@code maxNumberOfMessages} (1 to 10) visible messages. */
  List<Message> receive(int maxNumberOfMessages);

  /**
   * Receives messages. With a wait time, the call long-polls on the virtual clock: it runs the
   * scheduler until a message becomes available or the wait ends, as a blocking receive would.
   *
   * <p>A message whose receive count would pass its queue's {@code maxReceiveCount} is moved to the
   * dead-letter queue during the receive instead of being returned. On a FIFO queue, a message
   * group with a message in flight delivers nothing more until that message is deleted or visible
   * again, and a receive returns as many messages of one group as it can.
   */
  List<Message> receive(ReceiveRequest request);

  /**
   * Deletes the message this receipt handle was issued for. On a standard queue, as in AWS, an
   * out-of-date handle (the message was received again since) succeeds without deleting.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code ReceiptHandleIsInvalid} for a handle
   *     this queue never issued; on a FIFO queue {@code InvalidParameterValue} for a handle whose
   *     visibility timeout has ended
   */
  void delete(String receiptHandle);

  /**
   * {@code DeleteMessageBatch}: up to 10 messages; an entry with a bad handle fails alone.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException for an empty or too large batch, or bad or
   *     repeated entry ids
   */
  BatchResult deleteBatch(List<DeleteMessageBatchEntry> entries);

  /**
   * Sets the visibility timeout of a received message, counted from now.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code InvalidParameterValue} out of 0 to
   *     12 hours (also counting from the receive), {@code MessageNotInflight} if the message is not
   *     in flight
   */
  void changeVisibility(String receiptHandle, Duration visibilityTimeout);

  /**
   * {@code ChangeMessageVisibilityBatch}: up to 10 messages; an entry that fails fails alone.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException for an empty or too large batch, or bad or
   *     repeated entry ids
   */
  BatchResult changeVisibilityBatch(List<ChangeMessageVisibilityBatchEntry> entries);

  /**
   * Deletes every message.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code PurgeQueueInProgress} (403) within
   *     60 seconds of the last purge, as AWS allows one purge a minute
   */
  void purge();

  /**
   * Every message the queue holds (visible, in flight and delayed), in arrival order, without
   * receiving them: receive counts and visibility do not change. For assertions and debugging.
   */
  List<Message> peek();

  /** {@code ApproximateNumberOfMessages}: messages available to receive now. */
  int approximateNumberOfMessages();

  /** {@code ApproximateNumberOfMessagesNotVisible}: messages received and not yet deleted. */
  int approximateNumberOfMessagesNotVisible();

  /** {@code ApproximateNumberOfMessagesDelayed}: messages whose delay has not ended. */
  int approximateNumberOfMessagesDelayed();

  /** All messages held, whatever their state. */
  default int size() {
    return peek().size();
  }

  /**
   * {@code GetQueueAttributes} with {@code All}: every attribute, named and written as AWS does
   * ({@code "VisibilityTimeout" -> "30"}, {@code "CreatedTimestamp"} in epoch seconds, ...).
   */
  Map<String, String> attributes();

  /**
   * {@code GetQueueAttributes} for these names ({@code All} for all).
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code InvalidAttributeName} for a name SQS
   *     does not have
   */
  Map<String, String> attributes(String... names);

  /**
   * {@code SetQueueAttributes}: changes attributes named as AWS names them, with string values,
   * such as {@code Map.of("VisibilityTimeout", "60")}. A change of {@code MessageRetentionPeriod}
   * also applies to the messages already queued; so does one of {@code DelaySeconds} on a FIFO
   * queue. {@code RedrivePolicy} set to {@code ""} removes it.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code InvalidAttributeName} or {@code
   *     InvalidAttributeValue} as AWS checks them; then nothing changes
   */
  void setAttributes(Map<String, String> attributes);

  /** {@code ListQueueTags}. */
  Map<String, String> tags();

  /** {@code TagQueue}: adds or replaces tags; a queue has at most 50. */
  void tag(Map<String, String> tags);

  /** {@code UntagQueue}. */
  void untag(Collection<String> tagKeys);

  /**
   * The messages this queue moved to its dead-letter queue, with when and after how many receives,
   * in order: read from the journal.
   */
  default List<SqsEvent.MessageMovedToDeadLetterQueue> movedToDeadLetterQueue() {
    return journal().events(SqsEvent.MessageMovedToDeadLetterQueue.class).stream()
        .filter(e -> arn().equals(e.resourceArn()))
        .toList();
  }

  /**
   * The journal of the cloud this resource lives in (all of it: filter with {@link
   * Journal#forResource(String)} and {@link #arn()}). Assertions read the resource's story here.
   */
  Journal journal();
}
