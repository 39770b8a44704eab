package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.AwsResource;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What {@code StartMessageMoveTask} takes: move the messages of a dead-letter queue back to where
 * they came from, or to another queue.
 *
 * <pre>{@code
 * String handle = cloud.sqs().startMessageMoveTask(
 *     MessageMoveTaskRequest.from(dlq).maxNumberOfMessagesPerSecond(10));
 * }</pre>
 *
 * @param sourceArn the dead-letter queue to empty: a queue that is some queue's {@code
 *     deadLetterTargetArn}
 * @param destinationArn where the messages go, or {@code null} for each message's original source
 *     queue (its {@code DeadLetterQueueSourceArn})
 * @param maxNumberOfMessagesPerSecond the rate on the virtual clock, 1 to 500, or {@code null} for
 *     SQS's choice (500 per second in Cloudless)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record MessageMoveTaskRequest(
    String sourceArn, String destinationArn, Integer maxNumberOfMessagesPerSecond) {

  public MessageMoveTaskRequest {
    Objects.requireNonNull(sourceArn, "sourceArn");
  }

  /** Moves the messages of the dead-letter queue with this ARN. */
  public static MessageMoveTaskRequest from(String sourceArn) {
    return new MessageMoveTaskRequest(sourceArn, null, null);
  }

  /** Moves the messages of this dead-letter queue. */
  public static MessageMoveTaskRequest from(AwsResource source) {
    return from(Objects.requireNonNull(source, "source").arn());
  }

  /** Moves them to the queue with this ARN rather than to their original source queues. */
  public MessageMoveTaskRequest to(String destinationArn) {
    return new MessageMoveTaskRequest(sourceArn, destinationArn, maxNumberOfMessagesPerSecond);
  }

  /** Moves them to this queue rather than to their original source queues. */
  public MessageMoveTaskRequest to(AwsResource destination) {
    return to(Objects.requireNonNull(destination, "destination").arn());
  }

  /** Moves at most this many messages per second of virtual time (1 to 500). */
  public MessageMoveTaskRequest maxNumberOfMessagesPerSecond(int maxNumberOfMessagesPerSecond) {
    return new MessageMoveTaskRequest(sourceArn, destinationArn, maxNumberOfMessagesPerSecond);
  }
}
