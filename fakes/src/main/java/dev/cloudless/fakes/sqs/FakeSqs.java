package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The fake Amazon SQS of one cloud.
 *
 * <pre>{@code
 * Queue dlq = cloud.sqs().createQueue("orders-dlq");
 * Queue orders = cloud.sqs().createQueue(QueueSpec.named("orders").redrive(dlq, 3));
 * orders.send("{\"orderId\":\"o-42\"}");
 * List<Message> received = orders.receive(10);
 * orders.delete(received.get(0).receiptHandle());
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface FakeSqs {

  /** Creates a standard queue with AWS's default attributes, or returns the existing one. */
  Queue createQueue(String name);

  /**
   * Creates a queue. As AWS's {@code CreateQueue}, creating a queue that exists with the same
   * attributes returns it, and with different attributes fails with {@code QueueAlreadyExists}.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code InvalidParameterValue} for a bad
   *     name, {@code InvalidAttributeValue} or {@code InvalidAttributeName} for a bad attribute,
   *     {@code QueueNameExists} as above, {@code QueueDeletedRecently} within 60 seconds of
   *     deleting a queue of that name
   */
  Queue createQueue(QueueSpec spec);

  /**
   * Creates a queue from attributes named as AWS names them ({@code VisibilityTimeout}, {@code
   * FifoQueue}, {@code RedrivePolicy}, ...), with string values, as {@code CreateQueue} takes them.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException as {@link #createQueue(QueueSpec)}, and
   *     {@code InvalidAttributeName} for an attribute SQS does not have
   */
  Queue createQueue(String name, Map<String, String> attributes);

  /**
   * The queue with this name, URL or ARN.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code QueueDoesNotExist} if there is none
   */
  Queue queue(String nameUrlOrArn);

  /** The queue with this name, URL or ARN, if it exists. */
  Optional<Queue> findQueue(String nameUrlOrArn);

  /** Every queue, in creation order. */
  List<Queue> queues();

  /**
   * Deletes a queue and its messages. A queue of the same name can be created again 60 seconds
   * later, as in AWS.
   */
  void deleteQueue(String nameUrlOrArn);

  /**
   * {@code ListDeadLetterSourceQueues}: the queues whose {@code RedrivePolicy} names this queue as
   * their dead-letter queue, in creation order.
   */
  List<Queue> deadLetterSourceQueues(String nameUrlOrArn);

  /**
   * {@code StartMessageMoveTask}: starts moving the messages of a dead-letter queue, on the virtual
   * clock. Moved messages are sent afresh: a new {@code MessageId}, a new retention period, a
   * receive count of 0. Run the clock ({@code cloud.runUntilIdle()}) to let the task finish.
   *
   * @return the task handle, for {@link #cancelMessageMoveTask(String)}
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code ResourceNotFoundException} when the
   *     source or destination does not exist, {@code InvalidParameterValue} when the source is not
   *     a dead-letter queue or already has a running task
   */
  String startMessageMoveTask(MessageMoveTaskRequest request);

  /**
   * {@code ListMessageMoveTasks} with AWS's default {@code MaxResults} of 1: the most recent task
   * of this source queue, if any.
   */
  List<MessageMoveTask> listMessageMoveTasks(String sourceArn);

  /**
   * {@code ListMessageMoveTasks}: the most recent tasks of this source queue, newest first.
   *
   * @param maxResults 1 to 10
   */
  List<MessageMoveTask> listMessageMoveTasks(String sourceArn, int maxResults);

  /**
   * {@code CancelMessageMoveTask}: stops a running task; it is {@code CANCELLING} until its next
   * step on the virtual clock, then {@code CANCELLED}.
   *
   * @return {@code ApproximateNumberOfMessagesMoved} so far
   */
  long cancelMessageMoveTask(String taskHandle);
}
