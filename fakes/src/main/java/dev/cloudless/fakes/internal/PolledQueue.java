package dev.cloudless.fakes.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.aws.MessageAttributeValue;
import dev.cloudless.trace.TraceHeader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A queue as Lambda's event source pollers see it. The pollers are ordinary SQS consumers on AWS
 * ({@code ReceiveMessage}, {@code DeleteMessage}); this interface adds the one thing a simulation
 * needs that a real consumer gets by polling: being told when messages may have become receivable,
 * so that no poll runs on the clock while the queue is idle.
 *
 * <p>Queues register themselves in the {@link ResourceRegistry} as sinks; a sink that is also a
 * {@code PolledQueue} can feed an event source mapping.
 */
@API(status = INTERNAL, since = "0.1")
public interface PolledQueue {

  /** The queue's ARN. */
  String arn();

  /** Whether it is a FIFO queue. */
  boolean fifo();

  /** The queue's {@code VisibilityTimeout}. */
  Duration visibilityTimeout();

  /**
   * {@code ReceiveMessage} without waiting, asking for every attribute, with the queue's own
   * visibility timeout: receive counts go up and the redrive policy applies, as for any consumer.
   *
   * @param maxNumberOfMessages 1 to 10
   */
  List<PolledMessage> receiveForPoller(int maxNumberOfMessages);

  /** {@code DeleteMessage}. A stale handle deletes nothing, as on AWS. */
  void delete(String receiptHandle);

  /** {@code ChangeMessageVisibility}, counted from now, with its errors. */
  void changeVisibility(String receiptHandle, Duration visibilityTimeout);

  /**
   * Calls {@code listener} whenever messages may have become receivable without the clock reaching
   * {@link #nextReceivableAt()}: a send, a message moved in by a redrive, a visibility set to zero.
   * The listener runs on the caller's thread and must only schedule work.
   */
  void addArrivalListener(Runnable listener);

  /** Removes a listener added with {@link #addArrivalListener(Runnable)}. */
  void removeArrivalListener(Runnable listener);

  /**
   * The earliest instant after now at which a message not receivable now becomes receivable (a
   * visibility timeout or a delay ending), if any.
   */
  Optional<Instant> nextReceivableAt();

  /**
   * A message as {@code ReceiveMessage} returns it with all attributes requested.
   *
   * @param messageId the message id
   * @param receiptHandle the handle of this receive
   * @param body the body
   * @param md5OfBody hex MD5 of the body
   * @param attributes system attributes, in AWS's order
   * @param messageAttributes message attributes, in order
   * @param md5OfMessageAttributes the attributes' digest, or null when there are none
   * @param trace the trace the message belongs to: the sender's, or the one the queue started for
   *     it when the sender had none, so that the invocation continues the message's story
   */
  record PolledMessage(
      String messageId,
      String receiptHandle,
      String body,
      String md5OfBody,
      Map<String, String> attributes,
      Map<String, MessageAttributeValue> messageAttributes,
      String md5OfMessageAttributes,
      TraceHeader trace) {}
}
