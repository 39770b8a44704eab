package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The fake Amazon SQS of one cloud.
 *
 * <pre>{@code
 * Queue orders = cloud.sqs().createQueue("orders");
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
   *     name or attribute, {@code QueueAlreadyExists} as above
   */
  Queue createQueue(QueueSpec spec);

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

  /** Deletes a queue and its messages. */
  void deleteQueue(String nameUrlOrArn);
}
