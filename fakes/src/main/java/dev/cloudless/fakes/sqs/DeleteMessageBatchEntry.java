package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * One entry of {@code DeleteMessageBatch}.
 *
 * @param id the entry's id, unique in the batch: 1 to 80 letters, digits, hyphens and underscores
 * @param receiptHandle the receipt handle of the message to delete
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DeleteMessageBatchEntry(String id, String receiptHandle) {

  /** An entry deleting the message this handle was issued for. */
  public static DeleteMessageBatchEntry of(String id, String receiptHandle) {
    return new DeleteMessageBatchEntry(id, receiptHandle);
  }
}
