package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What {@code SendMessageBatch} answers: each entry either sent or failed, in the order of the
 * request.
 *
 * @param successful the entries sent
 * @param failed the entries refused, with AWS's error
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SendMessageBatchResult(
    List<SendMessageBatchResultEntry> successful, List<BatchResultErrorEntry> failed) {

  public SendMessageBatchResult {
    successful = List.copyOf(successful);
    failed = List.copyOf(failed);
  }

  /** The sent entry with this id, if it was sent. */
  public Optional<SendMessageBatchResultEntry> successful(String id) {
    return successful.stream().filter(e -> e.id().equals(id)).findFirst();
  }

  /** The failed entry with this id, if it failed. */
  public Optional<BatchResultErrorEntry> failed(String id) {
    return failed.stream().filter(e -> e.id().equals(id)).findFirst();
  }
}
