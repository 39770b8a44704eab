package dev.cloudless.fakes.sqs.internal;

import dev.cloudless.fakes.aws.MessageAttributeValue;
import dev.cloudless.trace.TraceId;
import java.time.Instant;
import java.util.Map;

/** A message as the queue holds it. Mutable; guarded by the owning queue's lock. */
final class StoredMessage {
  final long sequence;
  final String messageId;
  final String body;
  final String md5OfBody;
  final Map<String, MessageAttributeValue> messageAttributes;
  final String md5OfMessageAttributes;
  final Instant sentAt;
  final String senderId;
  final String traceHeader;
  final TraceId traceId;

  Instant visibleAt;
  int receiveCount;
  Instant firstReceivedAt;
  Instant lastReceivedAt;

  StoredMessage(
      long sequence,
      String messageId,
      String body,
      String md5OfBody,
      Map<String, MessageAttributeValue> messageAttributes,
      String md5OfMessageAttributes,
      Instant sentAt,
      String senderId,
      String traceHeader,
      TraceId traceId,
      Instant visibleAt) {
    this.sequence = sequence;
    this.messageId = messageId;
    this.body = body;
    this.md5OfBody = md5OfBody;
    this.messageAttributes = messageAttributes;
    this.md5OfMessageAttributes = md5OfMessageAttributes;
    this.sentAt = sentAt;
    this.senderId = senderId;
    this.traceHeader = traceHeader;
    this.traceId = traceId;
    this.visibleAt = visibleAt;
  }

  boolean inFlight(Instant now) {
    return receiveCount > 0 && visibleAt.isAfter(now);
  }

  boolean delayed(Instant now) {
    return receiveCount == 0 && visibleAt.isAfter(now);
  }
}
