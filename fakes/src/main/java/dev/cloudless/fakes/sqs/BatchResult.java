package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What {@code DeleteMessageBatch} and {@code ChangeMessageVisibilityBatch} answer: the ids of the
 * entries that went through, and those that failed with AWS's error.
 *
 * @param successful the ids of the entries that succeeded, in request order
 * @param failed the entries that failed
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record BatchResult(List<String> successful, List<BatchResultErrorEntry> failed) {

  public BatchResult {
    successful = List.copyOf(successful);
    failed = List.copyOf(failed);
  }

  /** The failed entry with this id, if it failed. */
  public Optional<BatchResultErrorEntry> failed(String id) {
    return failed.stream().filter(e -> e.id().equals(id)).findFirst();
  }
}
