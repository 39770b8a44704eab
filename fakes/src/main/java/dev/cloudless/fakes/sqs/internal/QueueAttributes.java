package dev.cloudless.fakes.sqs.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudless.fakes.sqs.DeduplicationScope;
import dev.cloudless.fakes.sqs.FifoThroughputLimit;
import dev.cloudless.fakes.sqs.QueueSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Queue attributes as AWS names and writes them, and their rules: ranges, which attributes a
 * standard queue has, what {@code SetQueueAttributes} may change. The typed {@link QueueSpec} and
 * the {@code Map<String, String>} of the API are two views of the same attributes; this class
 * translates between them and checks both the same way.
 */
final class QueueAttributes {

  /** Every attribute {@code GetQueueAttributes} knows, besides {@code All}. */
  private static final Set<String> NAMES =
      Set.of(
          "ApproximateNumberOfMessages",
          "ApproximateNumberOfMessagesDelayed",
          "ApproximateNumberOfMessagesNotVisible",
          "ContentBasedDeduplication",
          "CreatedTimestamp",
          "DeduplicationScope",
          "DelaySeconds",
          "FifoQueue",
          "FifoThroughputLimit",
          "KmsDataKeyReusePeriodSeconds",
          "KmsMasterKeyId",
          "LastModifiedTimestamp",
          "MaximumMessageSize",
          "MessageRetentionPeriod",
          "Policy",
          "QueueArn",
          "ReceiveMessageWaitTimeSeconds",
          "RedriveAllowPolicy",
          "RedrivePolicy",
          "SqsManagedSseEnabled",
          "VisibilityTimeout");

  private QueueAttributes() {}

  static boolean isQueueAttributeName(String name) {
    return name.equals("All") || NAMES.contains(name);
  }

  /** Checks the names {@code GetQueueAttributes} is asked for. */
  static void checkNames(Iterable<String> names) {
    for (String name : names) {
      if (!isQueueAttributeName(name)) {
        throw SqsErrors.unknownAttribute(name);
      }
    }
  }

  /** A spec from {@code CreateQueue}'s attributes: {@code FifoQueue} decides the queue's type. */
  static QueueSpec parseCreate(String name, Map<String, String> attributes, ObjectMapper json) {
    QueueSpec spec = QueueSpec.named(name);
    String fifo = attributes.get("FifoQueue");
    if (fifo != null && bool("FifoQueue", fifo)) {
      spec = spec.fifo();
    }
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      if (!e.getKey().equals("FifoQueue")) {
        spec = apply(spec, e.getKey(), e.getValue(), json);
      }
    }
    return spec;
  }

  /** The spec after {@code SetQueueAttributes}; the queue's type never changes. */
  static QueueSpec parseSet(QueueSpec current, Map<String, String> attributes, ObjectMapper json) {
    QueueSpec spec = current;
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      String name = e.getKey();
      String value = e.getValue();
      if (name.equals("FifoQueue")) {
        if (!current.fifoQueue()) {
          // As recorded on AWS (test_set_unsupported_attribute_fifo).
          throw SqsErrors.unknownAttribute(name);
        }
        if (!bool(name, value)) {
          throw SqsErrors.invalidAttributeValue(
              "Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not"
                  + " supported.");
        }
        continue;
      }
      spec = apply(spec, name, value, json);
    }
    return spec;
  }

  private static QueueSpec apply(QueueSpec spec, String name, String value, ObjectMapper json) {
    if (value == null) {
      throw SqsErrors.invalidAttributeValue(
          "Invalid value for the parameter " + name + ". Reason: the value is missing.");
    }
    return switch (name) {
      case "VisibilityTimeout" -> spec.visibilityTimeout(seconds(name, value));
      case "DelaySeconds" -> spec.delay(seconds(name, value));
      case "MessageRetentionPeriod" -> spec.messageRetentionPeriod(seconds(name, value));
      case "ReceiveMessageWaitTimeSeconds" -> spec.receiveMessageWaitTime(seconds(name, value));
      case "MaximumMessageSize" -> spec.maximumMessageSize((int) number(name, value));
      case "SqsManagedSseEnabled" -> spec.sqsManagedSseEnabled(bool(name, value));
      case "RedrivePolicy" ->
          spec.redrivePolicy(
              value.isEmpty() ? null : RedrivePolicies.parseRedrivePolicy(value, json));
      case "RedriveAllowPolicy" ->
          spec.redriveAllowPolicy(
              value.isEmpty() ? null : RedrivePolicies.parseRedriveAllowPolicy(value, json));
      case "ContentBasedDeduplication" -> {
        if (!spec.fifoQueue()) {
          throw SqsErrors.unknownAttribute(name);
        }
        yield spec.contentBasedDeduplication(bool(name, value));
      }
      case "DeduplicationScope" -> {
        fifoOnly(spec, name);
        for (DeduplicationScope scope : DeduplicationScope.values()) {
          if (scope.awsName().equals(value)) {
            yield spec.deduplicationScope(scope);
          }
        }
        throw invalidChoice(name, value, "queue or messageGroup");
      }
      case "FifoThroughputLimit" -> {
        fifoOnly(spec, name);
        for (FifoThroughputLimit limit : FifoThroughputLimit.values()) {
          if (limit.awsName().equals(value)) {
            yield spec.fifoThroughputLimit(limit);
          }
        }
        throw invalidChoice(name, value, "perQueue or perMessageGroupId");
      }
      case "Policy" ->
          throw SqsErrors.unsupported(
              "Cloudless does not model queue policies (Policy): every caller in the cloud may use"
                  + " every queue, so a policy would be accepted and never applied. Leave Policy"
                  + " out.");
      case "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds" ->
          throw SqsErrors.unsupported(
              "Cloudless does not model SSE-KMS ("
                  + name
                  + "): there is no KMS in a fake cloud. Use SqsManagedSseEnabled, which is"
                  + " reported as set.");
      // Read-only attributes (ApproximateNumberOfMessages, QueueArn, ...) are unknown to
      // SetQueueAttributes too.
      default -> throw SqsErrors.unknownAttribute(name);
    };
  }

  /**
   * The checks of every attribute's value, on the typed spec: the same whether the spec came from a
   * builder or from attribute strings. Checks that need other queues (the dead-letter queue of a
   * redrive policy) are the service's.
   */
  static void check(QueueSpec spec) {
    range("VisibilityTimeout", spec.visibilityTimeout(), 0, 43_200);
    range("DelaySeconds", spec.delay(), 0, 900);
    range("MessageRetentionPeriod", spec.messageRetentionPeriod(), 60, 1_209_600);
    range("ReceiveMessageWaitTimeSeconds", spec.receiveMessageWaitTime(), 0, 20);
    if (spec.maximumMessageSize() < 1_024 || spec.maximumMessageSize() > 1_048_576) {
      throw outOfRange("MaximumMessageSize", spec.maximumMessageSize(), 1_024, 1_048_576, "bytes");
    }
    if (!spec.fifoQueue()) {
      if (spec.contentBasedDeduplication()) {
        throw SqsErrors.invalidAttributeName(
            "Unknown Attribute ContentBasedDeduplication. (It applies to FIFO queues only;"
                + " QueueSpec.fifo() makes one.)");
      }
      if (spec.deduplicationScope() != null) {
        fifoOnly(spec, "DeduplicationScope");
      }
      if (spec.fifoThroughputLimit() != null) {
        fifoOnly(spec, "FifoThroughputLimit");
      }
    } else if (spec.fifoThroughputLimit() == FifoThroughputLimit.PER_MESSAGE_GROUP_ID
        && spec.deduplicationScope() == DeduplicationScope.QUEUE) {
      throw SqsErrors.invalidAttributeValue(
          "Invalid value for the parameter FifoThroughputLimit. Reason: perMessageGroupId is"
              + " allowed only when DeduplicationScope is messageGroup, and it is queue.");
    }
    if (spec.redrivePolicy() != null) {
      RedrivePolicies.check(spec.redrivePolicy(), spec.redrivePolicy().toJson());
    }
    if (spec.redriveAllowPolicy() != null) {
      RedrivePolicies.check(spec.redriveAllowPolicy(), spec.redriveAllowPolicy().toJson());
    }
    QueueTags.check(spec.tags(), Map.of());
  }

  /**
   * The attributes a queue was configured with, written as AWS writes them: what {@code
   * CreateQueue} compares and {@code GetQueueAttributes} reports besides the computed ones.
   */
  static Map<String, String> configured(QueueSpec spec) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("DelaySeconds", Long.toString(spec.delay().toSeconds()));
    attributes.put("MaximumMessageSize", Integer.toString(spec.maximumMessageSize()));
    attributes.put(
        "MessageRetentionPeriod", Long.toString(spec.messageRetentionPeriod().toSeconds()));
    attributes.put(
        "ReceiveMessageWaitTimeSeconds", Long.toString(spec.receiveMessageWaitTime().toSeconds()));
    attributes.put("VisibilityTimeout", Long.toString(spec.visibilityTimeout().toSeconds()));
    attributes.put("SqsManagedSseEnabled", Boolean.toString(spec.sqsManagedSseEnabled()));
    if (spec.redrivePolicy() != null) {
      attributes.put("RedrivePolicy", spec.redrivePolicy().toJson());
    }
    if (spec.redriveAllowPolicy() != null) {
      attributes.put("RedriveAllowPolicy", spec.redriveAllowPolicy().toJson());
    }
    if (spec.fifoQueue()) {
      attributes.put("FifoQueue", "true");
      attributes.put(
          "ContentBasedDeduplication", Boolean.toString(spec.contentBasedDeduplication()));
      attributes.put("DeduplicationScope", spec.deduplicationScope().awsName());
      attributes.put("FifoThroughputLimit", spec.fifoThroughputLimit().awsName());
    }
    return attributes;
  }

  private static void fifoOnly(QueueSpec spec, String name) {
    if (!spec.fifoQueue()) {
      throw SqsErrors.invalidAttributeName(
          "You can specify the " + name + " only when FifoQueue is set to true.");
    }
  }

  private static RuntimeException invalidChoice(String name, String value, String allowed) {
    return SqsErrors.invalidAttributeValue(
        "Invalid value for the parameter "
            + name
            + ". Reason: "
            + value
            + " is not one of "
            + allowed
            + ".");
  }

  private static Duration seconds(String name, String value) {
    return Duration.ofSeconds(number(name, value));
  }

  private static long number(String name, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw SqsErrors.invalidAttributeValue(
          "Invalid value for the parameter " + name + ". Reason: " + value + " is not a number.");
    }
  }

  private static boolean bool(String name, String value) {
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw SqsErrors.invalidAttributeValue(
        "Invalid value for the parameter "
            + name
            + ". Reason: "
            + value
            + " is not true or false.");
  }

  private static void range(String name, Duration value, long min, long max) {
    long seconds = value.toSeconds();
    if (value.toNanosPart() != 0) {
      throw SqsErrors.invalidAttributeValue(
          "Invalid value for the parameter "
              + name
              + ". Reason: "
              + value
              + " is not a whole number of seconds; AWS allows "
              + min
              + " to "
              + max
              + " seconds.");
    }
    if (seconds < min || seconds > max) {
      throw outOfRange(name, seconds, min, max, "seconds");
    }
  }

  private static RuntimeException outOfRange(
      String name, long value, long min, long max, String unit) {
    return SqsErrors.invalidAttributeValue(
        "Invalid value for the parameter "
            + name
            + ". Reason: "
            + value
            + " is out of range; AWS allows "
            + min
            + " to "
            + max
            + " "
            + unit
            + ".");
  }
}
