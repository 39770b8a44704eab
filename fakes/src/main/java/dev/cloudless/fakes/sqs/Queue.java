package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.AwsResource;
import dev.cloudless.fakes.journal.Journal;
import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One SQS queue. Every operation happens at the virtual clock's current instant: a received message
 * stays invisible for the visibility timeout on the virtual clock, and reappears exactly when it
 * ends.
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

  /** The attributes it was created with. */
  QueueSpec spec();

  /** Sends a message with this body. */
  SendResult send(String body);

  /**
   * Sends a message.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException with AWS's error for a missing, too large
   *     or invalid body, a delay out of range, or too many attributes
   */
  SendResult send(SendMessageRequest request);

  /** Receives at most one message, as {@code ReceiveMessage} does by default. */
  List<Message> receive();

  /** Receives up to {@code maxNumberOfMessages} (1 to 10) visible messages. */
  List<Message> receive(int maxNumberOfMessages);

  /**
   * Receives messages. With a wait time, the call long-polls on the virtual clock: it runs the
   * scheduler until a message becomes visible or the wait ends, as a blocking receive would.
   */
  List<Message> receive(ReceiveRequest request);

  /**
   * Deletes the message this receipt handle was issued for. As in AWS, an out-of-date handle (the
   * message was received again since) succeeds without deleting.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code ReceiptHandleIsInvalid} for a handle
   *     this queue never issued
   */
  void delete(String receiptHandle);

  /**
   * Sets the visibility timeout of a received message, counted from now.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code InvalidParameterValue} out of 0 to
   *     12 hours, {@code MessageNotInflight} if the message is not in flight
   */
  void changeVisibility(String receiptHandle, Duration visibilityTimeout);

  /** Deletes every message. */
  void purge();

  /**
   * Every message the queue holds (visible, in flight and delayed), oldest first, without receiving
   * them: receive counts and visibility do not change. For assertions and debugging.
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
   * The journal of the cloud this resource lives in (all of it: filter with {@link
   * Journal#forResource(String)} and {@link #arn()}). Assertions read the resource's story here.
   */
  Journal journal();
}
