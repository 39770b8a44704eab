package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.AwsResource;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How to create a queue: a name and the attributes AWS lets you set, with AWS's defaults. Every
 * value is checked when the queue is created, with AWS's error; nothing set here is ignored.
 *
 * <pre>{@code
 * Queue dlq = cloud.sqs().createQueue("payments-dlq");
 * Queue payments = cloud.sqs().createQueue(QueueSpec.named("payments")
 *     .redrive(dlq, 3)
 *     .visibilityTimeout(ofSeconds(30)));
 *
 * Queue orders = cloud.sqs().createQueue(QueueSpec.named("orders.fifo")
 *     .fifo()
 *     .contentBasedDeduplication(true));
 * }</pre>
 *
 * @param name 1 to 80 characters: letters, digits, hyphens and underscores, and for a FIFO queue
 *     the suffix {@code .fifo} (counted in the 80)
 * @param visibilityTimeout {@code VisibilityTimeout}, 0 to 12 hours; default 30 seconds
 * @param delay {@code DelaySeconds}, 0 to 15 minutes; default 0
 * @param messageRetentionPeriod {@code MessageRetentionPeriod}, 1 minute to 14 days; default 4 days
 * @param maximumMessageSize {@code MaximumMessageSize}, 1,024 to 1,048,576 bytes; default 1,048,576
 * @param receiveMessageWaitTime {@code ReceiveMessageWaitTimeSeconds}, 0 to 20 seconds; default 0
 * @param fifoQueue {@code FifoQueue}: a FIFO queue; fixed when the queue is created
 * @param contentBasedDeduplication {@code ContentBasedDeduplication} (FIFO only): without a {@code
 *     MessageDeduplicationId}, deduplicate on the SHA-256 of the body
 * @param deduplicationScope {@code DeduplicationScope} (FIFO only; {@code queue} by default), or
 *     {@code null} on a standard queue
 * @param fifoThroughputLimit {@code FifoThroughputLimit} (FIFO only; {@code perQueue} by default),
 *     or {@code null} on a standard queue
 * @param redrivePolicy {@code RedrivePolicy}, or {@code null} for none
 * @param redriveAllowPolicy {@code RedriveAllowPolicy}, or {@code null} for AWS's default ({@code
 *     allowAll}, not reported)
 * @param sqsManagedSseEnabled {@code SqsManagedSseEnabled}; default {@code true}, as for queues AWS
 *     creates today. Reported, with no other effect: nothing in a fake cloud is at rest
 * @param tags the queue's tags, at most 50
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record QueueSpec(
    String name,
    Duration visibilityTimeout,
    Duration delay,
    Duration messageRetentionPeriod,
    int maximumMessageSize,
    Duration receiveMessageWaitTime,
    boolean fifoQueue,
    boolean contentBasedDeduplication,
    DeduplicationScope deduplicationScope,
    FifoThroughputLimit fifoThroughputLimit,
    RedrivePolicy redrivePolicy,
    RedriveAllowPolicy redriveAllowPolicy,
    boolean sqsManagedSseEnabled,
    Map<String, String> tags) {

  /** AWS's default {@code VisibilityTimeout}. */
  public static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.ofSeconds(30);

  /** AWS's default {@code MessageRetentionPeriod}: 4 days. */
  public static final Duration DEFAULT_MESSAGE_RETENTION_PERIOD = Duration.ofDays(4);

  /** AWS's default (and largest) {@code MaximumMessageSize}: 1 MiB. */
  public static final int DEFAULT_MAXIMUM_MESSAGE_SIZE = 1_048_576;

  public QueueSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(messageRetentionPeriod, "messageRetentionPeriod");
    Objects.requireNonNull(receiveMessageWaitTime, "receiveMessageWaitTime");
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  /** A standard queue with these attributes; the form this record had before FIFO queues. */
  public QueueSpec(
      String name,
      Duration visibilityTimeout,
      Duration delay,
      Duration messageRetentionPeriod,
      int maximumMessageSize,
      Duration receiveMessageWaitTime) {
    this(
        name,
        visibilityTimeout,
        delay,
        messageRetentionPeriod,
        maximumMessageSize,
        receiveMessageWaitTime,
        false,
        false,
        null,
        null,
        null,
        null,
        true,
        Map.of());
  }

  /** A standard queue with AWS's default attributes. */
  public static QueueSpec named(String name) {
    return new QueueSpec(
        name,
        DEFAULT_VISIBILITY_TIMEOUT,
        Duration.ZERO,
        DEFAULT_MESSAGE_RETENTION_PERIOD,
        DEFAULT_MAXIMUM_MESSAGE_SIZE,
        Duration.ZERO);
  }

  /** {@code VisibilityTimeout}: 0 to 12 hours, whole seconds. */
  public QueueSpec visibilityTimeout(Duration visibilityTimeout) {
    Copy c = new Copy(this);
    c.visibilityTimeout = visibilityTimeout;
    return c.build();
  }

  /**
   * {@code DelaySeconds}: 0 to 15 minutes, whole seconds. On a FIFO queue, changing it later also
   * changes the delay of the messages already waiting, as AWS documents.
   */
  public QueueSpec delay(Duration delay) {
    Copy c = new Copy(this);
    c.delay = delay;
    return c.build();
  }

  /** {@code MessageRetentionPeriod}: 1 minute to 14 days, whole seconds. */
  public QueueSpec messageRetentionPeriod(Duration messageRetentionPeriod) {
    Copy c = new Copy(this);
    c.messageRetentionPeriod = messageRetentionPeriod;
    return c.build();
  }

  /** {@code MaximumMessageSize}: 1,024 to 1,048,576 bytes. */
  public QueueSpec maximumMessageSize(int maximumMessageSize) {
    Copy c = new Copy(this);
    c.maximumMessageSize = maximumMessageSize;
    return c.build();
  }

  /** {@code ReceiveMessageWaitTimeSeconds}: 0 to 20 seconds; above 0, receives long-poll. */
  public QueueSpec receiveMessageWaitTime(Duration receiveMessageWaitTime) {
    Copy c = new Copy(this);
    c.receiveMessageWaitTime = receiveMessageWaitTime;
    return c.build();
  }

  /**
   * A FIFO queue ({@code FifoQueue=true}), with AWS's FIFO defaults: deduplication scope {@code
   * queue}, throughput limit {@code perQueue}. The name must end in {@code .fifo}.
   */
  public QueueSpec fifo() {
    Copy c = new Copy(this);
    c.fifo = true;
    c.deduplicationScope =
        deduplicationScope == null ? DeduplicationScope.QUEUE : deduplicationScope;
    c.fifoThroughputLimit =
        fifoThroughputLimit == null ? FifoThroughputLimit.PER_QUEUE : fifoThroughputLimit;
    return c.build();
  }

  /**
   * {@code ContentBasedDeduplication} (FIFO only): a message sent without a {@code
   * MessageDeduplicationId} is deduplicated on the SHA-256 digest of its body.
   */
  public QueueSpec contentBasedDeduplication(boolean contentBasedDeduplication) {
    Copy c = new Copy(this);
    c.contentBasedDeduplication = contentBasedDeduplication;
    return c.build();
  }

  /** {@code DeduplicationScope} (FIFO only). */
  public QueueSpec deduplicationScope(DeduplicationScope deduplicationScope) {
    Copy c = new Copy(this);
    c.deduplicationScope = Objects.requireNonNull(deduplicationScope, "deduplicationScope");
    return c.build();
  }

  /** {@code FifoThroughputLimit} (FIFO only). */
  public QueueSpec fifoThroughputLimit(FifoThroughputLimit fifoThroughputLimit) {
    Copy c = new Copy(this);
    c.fifoThroughputLimit = Objects.requireNonNull(fifoThroughputLimit, "fifoThroughputLimit");
    return c.build();
  }

  /**
   * High-throughput FIFO, as the console sets it: deduplication per message group ({@code
   * messageGroup}) and the throughput limit per message group ({@code perMessageGroupId}).
   */
  public QueueSpec highThroughput() {
    return deduplicationScope(DeduplicationScope.MESSAGE_GROUP)
        .fifoThroughputLimit(FifoThroughputLimit.PER_MESSAGE_GROUP_ID);
  }

  /**
   * A {@code RedrivePolicy}: after {@code maxReceiveCount} receives (1 to 1,000), a message moves
   * to {@code deadLetterQueue}, which must exist already and be of the same type.
   */
  public QueueSpec redrive(AwsResource deadLetterQueue, int maxReceiveCount) {
    return redrive(
        Objects.requireNonNull(deadLetterQueue, "deadLetterQueue").arn(), maxReceiveCount);
  }

  /** A {@code RedrivePolicy} to the dead-letter queue with this ARN. */
  public QueueSpec redrive(String deadLetterTargetArn, int maxReceiveCount) {
    return redrivePolicy(new RedrivePolicy(deadLetterTargetArn, maxReceiveCount));
  }

  /** A {@code RedrivePolicy}, or {@code null} for none. */
  public QueueSpec redrivePolicy(RedrivePolicy redrivePolicy) {
    Copy c = new Copy(this);
    c.redrivePolicy = redrivePolicy;
    return c.build();
  }

  /** A {@code RedriveAllowPolicy}: which queues may use this one as their dead-letter queue. */
  public QueueSpec redriveAllowPolicy(RedriveAllowPolicy redriveAllowPolicy) {
    Copy c = new Copy(this);
    c.redriveAllowPolicy = redriveAllowPolicy;
    return c.build();
  }

  /** {@code SqsManagedSseEnabled}: reported as set; nothing else changes. */
  public QueueSpec sqsManagedSseEnabled(boolean sqsManagedSseEnabled) {
    Copy c = new Copy(this);
    c.sqsManagedSseEnabled = sqsManagedSseEnabled;
    return c.build();
  }

  /** Adds a tag. */
  public QueueSpec tag(String key, String value) {
    Copy c = new Copy(this);
    c.tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return c.build();
  }

  /** The fields of a spec, to change one or two and build a new spec: records have no withers. */
  private static final class Copy {
    String name;
    Duration visibilityTimeout;
    Duration delay;
    Duration messageRetentionPeriod;
    int maximumMessageSize;
    Duration receiveMessageWaitTime;
    boolean fifo;
    boolean contentBasedDeduplication;
    DeduplicationScope deduplicationScope;
    FifoThroughputLimit fifoThroughputLimit;
    RedrivePolicy redrivePolicy;
    RedriveAllowPolicy redriveAllowPolicy;
    boolean sqsManagedSseEnabled;
    final Map<String, String> tags;

    Copy(QueueSpec s) {
      name = s.name;
      visibilityTimeout = s.visibilityTimeout;
      delay = s.delay;
      messageRetentionPeriod = s.messageRetentionPeriod;
      maximumMessageSize = s.maximumMessageSize;
      receiveMessageWaitTime = s.receiveMessageWaitTime;
      fifo = s.fifoQueue;
      contentBasedDeduplication = s.contentBasedDeduplication;
      deduplicationScope = s.deduplicationScope;
      fifoThroughputLimit = s.fifoThroughputLimit;
      redrivePolicy = s.redrivePolicy;
      redriveAllowPolicy = s.redriveAllowPolicy;
      sqsManagedSseEnabled = s.sqsManagedSseEnabled;
      tags = new LinkedHashMap<>(s.tags);
    }

    QueueSpec build() {
      return new QueueSpec(
          name,
          visibilityTimeout,
          delay,
          messageRetentionPeriod,
          maximumMessageSize,
          receiveMessageWaitTime,
          fifo,
          contentBasedDeduplication,
          deduplicationScope,
          fifoThroughputLimit,
          redrivePolicy,
          redriveAllowPolicy,
          sqsManagedSseEnabled,
          tags);
    }
  }
}
