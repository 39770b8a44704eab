package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How to create a queue: a name and the attributes AWS lets you set, with AWS's defaults. Ranges
 * are checked when the queue is created, with AWS's error.
 *
 * <pre>{@code
 * cloud.sqs().createQueue(QueueSpec.named("payments").visibilityTimeout(ofSeconds(60)));
 * }</pre>
 *
 * @param name 1 to 80 characters: letters, digits, hyphens and underscores
 * @param visibilityTimeout {@code VisibilityTimeout}, 0 to 12 hours; default 30 seconds
 * @param delay {@code DelaySeconds}, 0 to 15 minutes; default 0
 * @param messageRetentionPeriod {@code MessageRetentionPeriod}, 1 minute to 14 days; default 4 days
 * @param maximumMessageSize {@code MaximumMessageSize}, 1,024 to 1,048,576 bytes; default 1,048,576
 * @param receiveMessageWaitTime {@code ReceiveMessageWaitTimeSeconds}, 0 to 20 seconds; default 0
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record QueueSpec(
    String name,
    Duration visibilityTimeout,
    Duration delay,
    Duration messageRetentionPeriod,
    int maximumMessageSize,
    Duration receiveMessageWaitTime) {

  public QueueSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(messageRetentionPeriod, "messageRetentionPeriod");
    Objects.requireNonNull(receiveMessageWaitTime, "receiveMessageWaitTime");
  }

  /** A standard queue with AWS's default attributes. */
  public static QueueSpec named(String name) {
    return new QueueSpec(
        name, Duration.ofSeconds(30), Duration.ZERO, Duration.ofDays(4), 1_048_576, Duration.ZERO);
  }

  public QueueSpec visibilityTimeout(Duration visibilityTimeout) {
    return new QueueSpec(
        name,
        visibilityTimeout,
        delay,
        messageRetentionPeriod,
        maximumMessageSize,
        receiveMessageWaitTime);
  }

  public QueueSpec delay(Duration delay) {
    return new QueueSpec(
        name,
        visibilityTimeout,
        delay,
        messageRetentionPeriod,
        maximumMessageSize,
        receiveMessageWaitTime);
  }

  public QueueSpec messageRetentionPeriod(Duration messageRetentionPeriod) {
    return new QueueSpec(
        name,
        visibilityTimeout,
        delay,
        messageRetentionPeriod,
        maximumMessageSize,
        receiveMessageWaitTime);
  }

  public QueueSpec maximumMessageSize(int maximumMessageSize) {
    return new QueueSpec(
        name,
        visibilityTimeout,
        delay,
        messageRetentionPeriod,
        maximumMessageSize,
        receiveMessageWaitTime);
  }

  public QueueSpec receiveMessageWaitTime(Duration receiveMessageWaitTime) {
    return new QueueSpec(
        name,
        visibilityTimeout,
        delay,
        messageRetentionPeriod,
        maximumMessageSize,
        receiveMessageWaitTime);
  }
}
