package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One entry of {@code SendMessageBatch}.
 *
 * @param id the entry's id, unique in the batch: 1 to 80 letters, digits, hyphens and underscores
 * @param request the message
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SendMessageBatchEntry(String id, SendMessageRequest request) {

  public SendMessageBatchEntry {
    Objects.requireNonNull(request, "request");
  }

  /** An entry sending {@code request}. */
  public static SendMessageBatchEntry of(String id, SendMessageRequest request) {
    return new SendMessageBatchEntry(id, request);
  }

  /** An entry sending a message with this body and nothing else. */
  public static SendMessageBatchEntry of(String id, String body) {
    return new SendMessageBatchEntry(id, SendMessageRequest.body(body));
  }
}
