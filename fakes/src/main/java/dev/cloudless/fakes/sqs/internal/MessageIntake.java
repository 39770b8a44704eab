package dev.cloudless.fakes.sqs.internal;

import dev.cloudless.fakes.aws.MessageAttributeValue;
import dev.cloudless.fakes.sqs.DeduplicationScope;
import dev.cloudless.fakes.sqs.QueueSpec;
import dev.cloudless.fakes.sqs.SendResult;
import dev.cloudless.fakes.sqs.SqsEvent;
import dev.cloudless.trace.TraceHeader;
import dev.cloudless.trace.TraceId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How messages get into a queue: sent (by a test, a handler, another service or a move task) with
 * SQS's checks and FIFO deduplication, or arriving from a source queue's redrive.
 */
final class MessageIntake {

  static final Duration MAX_DELAY = Duration.ofMinutes(15);

  private final QueueState q;
  private final FifoDeduplication deduplication = new FifoDeduplication();

  MessageIntake(QueueState q) {
    this.q = q;
  }

  /**
   * A message on its way in.
   *
   * @param deduplicateOnMessageId on a FIFO queue, use the new message id as deduplication id: a
   *     message a move task sends is never a duplicate
   */
  record Incoming(
      String body,
      Duration delay,
      Map<String, MessageAttributeValue> attributes,
      TraceHeader trace,
      String senderId,
      String messageGroupId,
      String messageDeduplicationId,
      boolean deduplicateOnMessageId) {}

  /**
   * Checks a message as SQS does, then stores it, or on a FIFO queue deduplicates it; {@code
   * duplicate} stores a second copy (an injected {@code duplicateDelivery()}).
   */
  SendResult accept(Incoming in, boolean duplicate) {
    QueueSpec s = q.spec;
    check(in, s);
    Instant now = q.cloud.now();
    String md5 = MessageDigests.ofBody(in.body);
    String md5Attributes = MessageDigests.ofAttributes(in.attributes);
    TraceId traceId = in.trace != null ? in.trace.root() : q.cloud.newTraceId();
    String messageId = q.cloud.randomness().uuid().toString();
    Map<String, MessageAttributeValue> attributes =
        in.attributes.isEmpty() ? Map.of() : new LinkedHashMap<>(in.attributes);
    StoredMessage message = null;
    StoredMessage copy = null;
    FifoDeduplication.Accepted first = null;
    String deduplicationId = null;
    synchronized (q.lock) {
      q.expireLocked(now);
      String sequenceNumber = null;
      if (s.fifoQueue()) {
        deduplicationId =
            in.deduplicateOnMessageId
                ? messageId
                : in.messageDeduplicationId != null
                    ? in.messageDeduplicationId
                    : MessageRules.sha256(in.body);
        String key =
            s.deduplicationScope() == DeduplicationScope.MESSAGE_GROUP
                ? in.messageGroupId + "\u0000" + deduplicationId
                : deduplicationId;
        first = deduplication.find(key, now);
        if (first == null) {
          sequenceNumber = q.nextSequenceNumberLocked();
          deduplication.remember(key, messageId, sequenceNumber, now);
        }
      }
      if (first == null) {
        // A FIFO queue's delay is the queue's, retroactively; a standard message keeps the delay
        // it was sent with.
        boolean queueDelay = s.fifoQueue() || in.delay == null;
        Duration delay = queueDelay ? s.delay() : in.delay;
        message =
            newMessage(
                messageId,
                in,
                md5,
                attributes,
                md5Attributes,
                traceId,
                now,
                delay,
                deduplicationId,
                sequenceNumber);
        message.waitingForQueueDelay = queueDelay;
        q.store.add(message);
        if (duplicate) {
          copy =
              newMessage(
                  messageId, in, md5, attributes, md5Attributes, traceId, now, delay, null, null);
          copy.waitingForQueueDelay = queueDelay;
          q.store.add(copy);
        }
      }
    }
    if (first != null) {
      String firstId = first.messageId();
      String dedup = deduplicationId;
      q.cloud
          .journal()
          .append(
              seq ->
                  new SqsEvent.MessageDeduplicated(
                      seq, now, q.arn, traceId.value(), q.name, firstId, dedup));
      return new SendResult(firstId, md5, md5Attributes, first.sequenceNumber());
    }
    StoredMessage sent = message;
    q.cloud
        .journal()
        .append(
            seq ->
                new SqsEvent.MessageSent(
                    seq,
                    now,
                    q.arn,
                    traceId.value(),
                    q.name,
                    messageId,
                    in.body,
                    sent.visibleAt,
                    in.senderId,
                    in.messageGroupId));
    if (copy != null) {
      q.cloud
          .journal()
          .append(
              seq ->
                  new SqsEvent.MessageDuplicated(
                      seq, now, q.arn, traceId.value(), q.name, messageId));
    }
    q.traces.record(
        "SendMessage", traceId, in.trace == null ? null : in.trace.parent(), now, messageId);
    q.arrived();
    return new SendResult(messageId, md5, md5Attributes, sent.sequenceNumber);
  }

  private StoredMessage newMessage(
      String messageId,
      Incoming in,
      String md5,
      Map<String, MessageAttributeValue> attributes,
      String md5Attributes,
      TraceId traceId,
      Instant now,
      Duration delay,
      String deduplicationId,
      String sequenceNumber) {
    return new StoredMessage(
        q.nextKeyLocked(),
        messageId,
        in.body,
        md5,
        attributes,
        md5Attributes,
        now,
        in.senderId,
        in.trace == null ? null : in.trace.value(),
        traceId,
        in.messageGroupId,
        deduplicationId,
        sequenceNumber,
        null,
        now.plus(delay));
  }

  /** SQS's checks of a message, in the order AWS applies them. */
  private static void check(Incoming in, QueueSpec s) {
    MessageRules.checkBody(in.body, in.attributes, s.maximumMessageSize());
    if (s.fifoQueue()) {
      if (in.delay != null && !in.delay.isZero()) {
        // Recorded on AWS (test_fifo_queue_send_message_with_delay_seconds_fails), wording and all.
        throw SqsErrors.invalidParameterValue(
            "Value "
                + in.delay.toSeconds()
                + " for parameter DelaySeconds is invalid. Reason: The request include parameter"
                + " that is not valid for this queue type.");
      }
      if (in.messageGroupId == null) {
        throw SqsErrors.missingParameter("MessageGroupId");
      }
      MessageRules.checkId("MessageGroupId", in.messageGroupId);
      if (in.messageDeduplicationId == null
          && !in.deduplicateOnMessageId
          && !s.contentBasedDeduplication()) {
        throw SqsErrors.invalidParameterValue(
            "The queue should either have ContentBasedDeduplication enabled or"
                + " MessageDeduplicationId provided explicitly");
      }
      if (in.messageDeduplicationId != null) {
        MessageRules.checkId("MessageDeduplicationId", in.messageDeduplicationId);
      }
      return;
    }
    if (in.messageDeduplicationId != null) {
      throw SqsErrors.invalidParameterValue(
          "Value "
              + in.messageDeduplicationId
              + " for parameter MessageDeduplicationId is invalid. Reason: The request includes a"
              + " parameter that is not valid for this queue type.");
    }
    if (in.messageGroupId != null) {
      MessageRules.checkId("MessageGroupId", in.messageGroupId);
    }
    if (in.delay != null
        && (in.delay.isNegative()
            || in.delay.compareTo(MAX_DELAY) > 0
            || in.delay.toNanosPart() != 0)) {
      throw SqsErrors.invalidParameterValue(
          "Value "
              + in.delay.toSeconds()
              + " for parameter DelaySeconds is invalid. Reason: must be between 0 and 900, if"
              + " provided.");
    }
  }

  /**
   * A message arriving from a source queue's redrive: the same id, body and attributes, its receive
   * count going on, its retention still counted from when it was first sent, and {@code
   * DeadLetterQueueSourceArn} added. On a FIFO dead-letter queue its deduplication id becomes its
   * message id and it gets a sequence number here.
   */
  void acceptDeadLetter(StoredMessage original, String sourceArn) {
    Instant now = q.cloud.now();
    boolean fifo = q.fifo();
    StoredMessage arrived;
    synchronized (q.lock) {
      arrived =
          new StoredMessage(
              q.nextKeyLocked(),
              original.messageId,
              original.body,
              original.md5OfBody,
              original.messageAttributes,
              original.md5OfMessageAttributes,
              original.sentAt,
              original.senderId,
              original.traceHeader,
              original.traceId,
              original.messageGroupId,
              fifo ? original.messageId : null,
              fifo ? q.nextSequenceNumberLocked() : null,
              sourceArn,
              now);
      arrived.receiveCount = original.receiveCount;
      arrived.firstReceivedAt = original.firstReceivedAt;
      arrived.lastReceivedAt = original.lastReceivedAt;
      q.store.add(arrived);
    }
    int count = arrived.receiveCount;
    q.cloud
        .journal()
        .append(
            seq ->
                new SqsEvent.MessageMovedFromSourceQueue(
                    seq,
                    now,
                    q.arn,
                    original.traceId.value(),
                    q.name,
                    original.messageId,
                    count,
                    sourceArn));
    synchronized (q.lock) {
      // A message older than this queue's retention period expires on arrival, as on AWS.
      q.expireLocked(now);
    }
    q.arrived();
  }
}
