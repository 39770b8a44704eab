package dev.cloudless.fakes.sqs.internal;

import dev.cloudless.fakes.aws.MessageAttributeValue;
import dev.cloudless.trace.TraceId;
import java.time.Instant;
import java.util.Map;

/**
 * A message as a queue holds it. Mutable; guarded by the owning queue's lock.
 *
 * <p>A message is known by its {@code key}, the queue's arrival counter, not by its {@code
 * MessageId}: a duplicate delivery holds two copies with one {@code MessageId}, and a message moved
 * to a dead-letter queue arrives there under a new key with its old id.
 */
final class StoredMessage {
  final long key;
  final String messageId;
  final String body;
  final String md5OfBody;
  final Map<String, MessageAttributeValue> messageAttributes;
  final String md5OfMessageAttributes;

  /** {@code SentTimestamp}, and where retention counts from, also after a dead-letter move. */
  final Instant sentAt;

  final String senderId;
  final String traceHeader;
  final TraceId traceId;
  final String messageGroupId;
  final String messageDeduplicationId;
  final String sequenceNumber;
  final String deadLetterQueueSourceArn;

  /**
   * Whether the message waits out its queue's {@code DelaySeconds} before its first receive: on a
   * FIFO queue a change of that delay moves it (AWS documents the FIFO delay as retroactive).
   */
  boolean waitingForQueueDelay;

  Instant visibleAt;
  int receiveCount;
  Instant firstReceivedAt;
  Instant lastReceivedAt;

  /** Goes up whenever a receive or a visibility change touches the message. */
  long version;

  StoredMessage(
      long key,
      String messageId,
      String body,
      String md5OfBody,
      Map<String, MessageAttributeValue> messageAttributes,
      String md5OfMessageAttributes,
      Instant sentAt,
      String senderId,
      String traceHeader,
      TraceId traceId,
      String messageGroupId,
      String messageDeduplicationId,
      String sequenceNumber,
      String deadLetterQueueSourceArn,
      Instant visibleAt) {
    this.key = key;
    this.messageId = messageId;
    this.body = body;
    this.md5OfBody = md5OfBody;
    this.messageAttributes = messageAttributes;
    this.md5OfMessageAttributes = md5OfMessageAttributes;
    this.sentAt = sentAt;
    this.senderId = senderId;
    this.traceHeader = traceHeader;
    this.traceId = traceId;
    this.messageGroupId = messageGroupId;
    this.messageDeduplicationId = messageDeduplicationId;
    this.sequenceNumber = sequenceNumber;
    this.deadLetterQueueSourceArn = deadLetterQueueSourceArn;
    this.visibleAt = visibleAt;
  }

  /** A search key for the visibility index: sorts after every message visible at {@code at}. */
  static StoredMessage probe(Instant at) {
    return new StoredMessage(
        Long.MAX_VALUE,
        null,
        null,
        null,
        Map.of(),
        null,
        at,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        at);
  }

  boolean inFlight(Instant now) {
    return receiveCount > 0 && visibleAt.isAfter(now);
  }

  boolean delayed(Instant now) {
    return receiveCount == 0 && visibleAt.isAfter(now);
  }

  boolean visible(Instant now) {
    return !visibleAt.isAfter(now);
  }
}
