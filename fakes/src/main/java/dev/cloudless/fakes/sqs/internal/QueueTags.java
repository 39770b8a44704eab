package dev.cloudless.fakes.sqs.internal;

import java.util.HashMap;
import java.util.Map;

/** SQS's tag quotas: at most 50 tags, keys of 1 to 128 characters, values of at most 256. */
final class QueueTags {

  static final int MAX_TAGS = 50;

  private QueueTags() {}

  /** Checks {@code added} on top of {@code existing}. */
  static void check(Map<String, String> added, Map<String, String> existing) {
    for (Map.Entry<String, String> e : added.entrySet()) {
      String key = e.getKey();
      if (key == null || key.isEmpty() || key.length() > 128) {
        throw SqsErrors.invalidParameterValue(
            "Tag key [" + key + "] is invalid: tag keys are 1 to 128 characters long.");
      }
      if (e.getValue() == null || e.getValue().length() > 256) {
        throw SqsErrors.invalidParameterValue(
            "Tag value for key [" + key + "] is invalid: tag values are at most 256 characters.");
      }
    }
    Map<String, String> all = new HashMap<>(existing);
    all.putAll(added);
    if (all.size() > MAX_TAGS) {
      throw SqsErrors.invalidParameterValue(
          "Too many tags: the queue would have " + all.size() + "; SQS allows at most 50.");
    }
  }
}
