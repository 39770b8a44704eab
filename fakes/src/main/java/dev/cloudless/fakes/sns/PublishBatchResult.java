package dev.cloudless.fakes.sns;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What {@code PublishBatch} answers: entries that succeeded and entries that failed, each by id.
 * One entry's failure does not fail the others, as on AWS.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PublishBatchResult(List<Successful> successful, List<Failed> failed) {

  public PublishBatchResult {
    successful = List.copyOf(successful);
    failed = List.copyOf(failed);
  }

  /** A published entry. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Successful(String id, String messageId, String sequenceNumber) {}

  /**
   * An entry that was not published.
   *
   * @param code AWS's error code, such as {@code InvalidParameter}
   * @param message AWS's message
   * @param senderFault whether the caller is at fault
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Failed(String id, String code, String message, boolean senderFault) {}
}
