package dev.cloudless.fakes.sns;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One entry of a {@code PublishBatch}.
 *
 * @param id the entry's id, unique within the batch: up to 80 letters, digits, hyphens and
 *     underscores
 * @param request what to publish
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PublishBatchEntry(String id, PublishRequest request) {

  public PublishBatchEntry {
    Objects.requireNonNull(request, "request");
  }

  /** An entry with this id. */
  public static PublishBatchEntry of(String id, PublishRequest request) {
    return new PublishBatchEntry(id, request);
  }

  /** An entry with this id and message. */
  public static PublishBatchEntry of(String id, String message) {
    return new PublishBatchEntry(id, PublishRequest.message(message));
  }
}
