package dev.cloudless.fakes.sns.internal;

import dev.cloudless.fakes.aws.MessageAttributeValue;
import dev.cloudless.trace.TraceHeader;
import java.util.Map;

/**
 * One accepted message, as every subscription's delivery reads it.
 *
 * @param messages the message for each protocol ({@code default} at least): one entry unless {@code
 *     MessageStructure=json}
 * @param attributes the attributes to deliver (none with {@code MessageStructure=json}, as on AWS)
 * @param trace the trace deliveries continue, parented on the publish segment
 */
record Published(
    String messageId,
    String sequenceNumber,
    String subject,
    Map<String, String> messages,
    Map<String, MessageAttributeValue> attributes,
    String messageGroupId,
    String messageDeduplicationId,
    String timestamp,
    TraceHeader trace) {

  String messageFor(String protocol) {
    return messages.getOrDefault(protocol, messages.get("default"));
  }

  String traceId() {
    return trace.root().value();
  }
}
