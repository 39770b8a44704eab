package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One entry of {@code ChangeMessageVisibilityBatch}.
 *
 * @param id the entry's id, unique in the batch: 1 to 80 letters, digits, hyphens and underscores
 * @param receiptHandle the receipt handle of the message
 * @param visibilityTimeout the new visibility timeout, counted from now: 0 to 12 hours
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ChangeMessageVisibilityBatchEntry(
    String id, String receiptHandle, Duration visibilityTimeout) {

  public ChangeMessageVisibilityBatchEntry {
    Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
  }

  /** An entry changing the visibility of the message this handle was issued for. */
  public static ChangeMessageVisibilityBatchEntry of(
      String id, String receiptHandle, Duration visibilityTimeout) {
    return new ChangeMessageVisibilityBatchEntry(id, receiptHandle, visibilityTimeout);
  }
}
