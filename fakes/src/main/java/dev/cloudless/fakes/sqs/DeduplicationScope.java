package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * {@code DeduplicationScope} of a FIFO queue: whether a {@code MessageDeduplicationId} is unique
 * across the queue or within its message group. High-throughput FIFO uses {@link #MESSAGE_GROUP}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum DeduplicationScope {
  /** {@code queue}: a deduplication id is unique across the queue (the default). */
  QUEUE("queue"),
  /** {@code messageGroup}: the same deduplication id may be used once in each message group. */
  MESSAGE_GROUP("messageGroup");

  private final String awsName;

  DeduplicationScope(String awsName) {
    this.awsName = awsName;
  }

  /** The attribute value as AWS writes it, such as {@code messageGroup}. */
  public String awsName() {
    return awsName;
  }
}
