package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * {@code FifoThroughputLimit} of a FIFO queue: whether the throughput quota applies to the whole
 * queue or to each message group. Cloudless does not throttle SQS calls, so the value is checked
 * and reported but changes no behaviour.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum FifoThroughputLimit {
  /** {@code perQueue} (the default). */
  PER_QUEUE("perQueue"),
  /** {@code perMessageGroupId}: allowed only with {@link DeduplicationScope#MESSAGE_GROUP}. */
  PER_MESSAGE_GROUP_ID("perMessageGroupId");

  private final String awsName;

  FifoThroughputLimit(String awsName) {
    this.awsName = awsName;
  }

  /** The attribute value as AWS writes it, such as {@code perMessageGroupId}. */
  public String awsName() {
    return awsName;
  }
}
