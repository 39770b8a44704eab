package dev.cloudless.fakes.sqs.internal;

import dev.cloudless.fakes.aws.MessageAttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which attributes a receive returns: {@code AttributeNames} / {@code MessageSystemAttributeNames}
 * for system attributes, {@code MessageAttributeNames} for message attributes, as {@code
 * ReceiveMessage} documents them. A {@code null} list means all (Cloudless's default for tests).
 */
final class MessageFilters {

  /** The system attributes a message can carry, and {@code All}. */
  static final Set<String> SYSTEM_ATTRIBUTES =
      Set.of(
          "All",
          "SenderId",
          "SentTimestamp",
          "ApproximateReceiveCount",
          "ApproximateFirstReceiveTimestamp",
          "AWSTraceHeader",
          "SequenceNumber",
          "MessageDeduplicationId",
          "MessageGroupId",
          "DeadLetterQueueSourceArn",
          "SqsManagedSseEnabled");

  private MessageFilters() {}

  /**
   * Checks the names a receive asks for. Queue attribute names are accepted and ignored, as the
   * {@code AttributeNames} parameter documents; anything else is refused rather than matching
   * nothing in silence.
   */
  static void checkSystemAttributeNames(List<String> names) {
    if (names == null) {
      return;
    }
    for (String name : names) {
      if (!SYSTEM_ATTRIBUTES.contains(name) && !QueueAttributes.isQueueAttributeName(name)) {
        throw SqsErrors.unknownAttribute(name);
      }
    }
  }

  static Map<String, String> systemAttributes(Map<String, String> all, List<String> names) {
    if (names == null || names.contains("All")) {
      return all;
    }
    Map<String, String> kept = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : all.entrySet()) {
      if (names.contains(e.getKey())) {
        kept.put(e.getKey(), e.getValue());
      }
    }
    return kept;
  }

  /**
   * The message attributes a receive asked for, as recorded on AWS ({@code
   * test_receive_message_message_attribute_names_filters}): {@code All}, {@code *} or {@code .*}
   * for all; a name for itself; {@code Hel.*} for the names starting with {@code Hel} ({@code
   * Hello} and {@code Help.Me} alike). A name that matches nothing, even a malformed one, returns
   * nothing and is no error.
   */
  static Map<String, MessageAttributeValue> messageAttributes(
      Map<String, MessageAttributeValue> all, List<String> names) {
    if (names == null || all.isEmpty()) {
      return all;
    }
    Map<String, MessageAttributeValue> kept = new LinkedHashMap<>();
    for (Map.Entry<String, MessageAttributeValue> e : all.entrySet()) {
      if (matches(e.getKey(), names)) {
        kept.put(e.getKey(), e.getValue());
      }
    }
    return kept;
  }

  private static boolean matches(String attribute, List<String> names) {
    for (String name : names) {
      if (name.equals("All") || name.equals("*") || name.equals(".*") || name.equals(attribute)) {
        return true;
      }
      if (name.length() > 2
          && name.endsWith(".*")
          && attribute.startsWith(name.substring(0, name.length() - 2))) {
        return true;
      }
    }
    return false;
  }
}
