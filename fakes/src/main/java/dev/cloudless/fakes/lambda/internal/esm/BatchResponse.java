package dev.cloudless.fakes.lambda.internal.esm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reads a partial batch response ({@code ReportBatchItemFailures}) as Lambda does.
 *
 * <p>From the AWS Lambda developer guide, "Handling errors for an SQS event source", and the
 * recordings {@code test_report_batch_item_failures*}: an empty or null {@code batchItemFailures},
 * an empty object or {@code null} mean the whole batch succeeded; invalid JSON, an empty or null
 * {@code itemIdentifier}, a wrong key (recorded: {@code {"foo":"notvalid"}}) or an id not in the
 * batch mean the whole batch failed. Otherwise only the listed messages return to the queue.
 */
final class BatchResponse {

  /**
   * What the response says.
   *
   * @param failedIds the messages to return to the queue; empty when all succeeded
   * @param invalidReason why the response counts as a failure of the whole batch, or null
   */
  record Reading(Set<String> failedIds, String invalidReason) {
    boolean invalid() {
      return invalidReason != null;
    }
  }

  private BatchResponse() {}

  static Reading read(ObjectMapper json, String payload, Set<String> batchIds) {
    if (payload == null || payload.isBlank()) {
      return new Reading(Set.of(), null);
    }
    JsonNode response;
    try {
      response = json.readTree(payload);
    } catch (JsonProcessingException e) {
      return invalid("the response is not JSON");
    }
    if (response == null || response.isNull()) {
      return new Reading(Set.of(), null);
    }
    if (!response.isObject()) {
      return invalid("the response is not a batch response object: " + abbreviate(payload));
    }
    if (response.isEmpty()) {
      return new Reading(Set.of(), null);
    }
    Iterator<String> keys = response.fieldNames();
    while (keys.hasNext()) {
      String key = keys.next();
      if (!key.equals("batchItemFailures")) {
        return invalid("unexpected key \"" + key + "\" in the batch response");
      }
    }
    JsonNode failures = response.get("batchItemFailures");
    if (failures.isNull()) {
      return new Reading(Set.of(), null);
    }
    if (!failures.isArray()) {
      return invalid("batchItemFailures is not a list");
    }
    Set<String> failed = new LinkedHashSet<>();
    for (JsonNode failure : failures) {
      JsonNode id = failure.isObject() ? failure.get("itemIdentifier") : null;
      if (id == null) {
        return invalid("a batch item failure has no itemIdentifier: " + failure);
      }
      if (id.isNull() || !id.isTextual() || id.asText().isEmpty()) {
        return invalid("a batch item failure has an empty or null itemIdentifier");
      }
      if (!batchIds.contains(id.asText())) {
        return invalid("itemIdentifier \"" + id.asText() + "\" is not a message of the batch");
      }
      failed.add(id.asText());
    }
    return new Reading(failed, null);
  }

  private static Reading invalid(String reason) {
    return new Reading(Set.of(), "invalid batch response: " + reason);
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
