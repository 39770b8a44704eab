package dev.cloudless.fakes.sqs.internal;

import dev.cloudless.fakes.aws.MessageAttributeValue;
import dev.cloudless.fakes.internal.PolledQueue;
import dev.cloudless.fakes.sqs.Message;
import dev.cloudless.fakes.sqs.QueueSpec;
import dev.cloudless.fakes.sqs.ReceiveRequest;
import dev.cloudless.fakes.sqs.SqsEvent;
import dev.cloudless.trace.TraceHeader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How messages leave a queue: received (with long polling on the virtual clock, redrive to the
 * dead-letter queue and FIFO receive attempts), deleted, or their visibility changed.
 */
final class MessageDelivery {

  static final Duration MAX_VISIBILITY = Duration.ofHours(12);
  static final Duration MAX_WAIT = Duration.ofSeconds(20);
  static final Duration RECEIVE_ATTEMPT_WINDOW = Duration.ofMinutes(5);

  private final QueueState q;

  /** Guarded by the queue's lock. */
  private final Map<String, ReceiveAttempt> attempts = new HashMap<>();

  MessageDelivery(QueueState q) {
    this.q = q;
  }

  /** A receive, checked: what it asks for with the queue's defaults filled in. */
  record Plan(int max, Duration visibility, Duration waitTime, String attemptId) {}

  /** Checks a receive request as SQS does. */
  Plan plan(ReceiveRequest request) {
    QueueSpec s = q.spec;
    int max = request.maxNumberOfMessages();
    if (max < 1 || max > 10) {
      throw SqsErrors.invalidParameterValue(
          "Value "
              + max
              + " for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10,"
              + " if provided.");
    }
    Duration visibility =
        request.visibilityTimeout() == null ? s.visibilityTimeout() : request.visibilityTimeout();
    if (visibility.isNegative()
        || visibility.compareTo(MAX_VISIBILITY) > 0
        || visibility.toNanosPart() != 0) {
      throw SqsErrors.invalidParameterValue(
          "Value "
              + visibility.toSeconds()
              + " for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200,"
              + " if provided.");
    }
    Duration wait = request.waitTime() == null ? s.receiveMessageWaitTime() : request.waitTime();
    if (wait.isNegative() || wait.compareTo(MAX_WAIT) > 0) {
      throw SqsErrors.invalidParameterValue(
          "Value "
              + wait.toSeconds()
              + " for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if"
              + " provided.");
    }
    MessageFilters.checkSystemAttributeNames(request.attributeNames());
    // ReceiveRequestAttemptId applies to FIFO queues only, as AWS documents.
    String attemptId = s.fifoQueue() ? request.receiveRequestAttemptId() : null;
    if (attemptId != null) {
      MessageRules.checkId("ReceiveRequestAttemptId", attemptId);
    }
    return new Plan(max, visibility, wait, attemptId);
  }

  /**
   * Receives: replays an earlier receive with the same attempt id if it may, else takes what is
   * available, long-polling on the virtual clock until something is or the wait ends.
   */
  List<Message> receive(Plan plan, ReceiveRequest request) {
    if (plan.attemptId() != null) {
      List<Message> replayed = replay(plan.attemptId(), plan.visibility());
      if (replayed != null) {
        return replayed;
      }
    }
    Instant deadline = q.cloud.now().plus(plan.waitTime());
    while (true) {
      Taken taken = take(plan.max(), plan.visibility(), request);
      if (!taken.messages.isEmpty() || !q.cloud.now().isBefore(deadline)) {
        if (plan.attemptId() != null && !taken.messages.isEmpty()) {
          synchronized (q.lock) {
            attempts.put(plan.attemptId(), new ReceiveAttempt(q.cloud.now(), taken));
          }
        }
        return taken.messages;
      }
      waitForMessages(deadline);
    }
  }

  /**
   * Waits on the virtual clock until a receive would find something or the deadline passes: runs
   * scheduled events meanwhile, and moves the clock to the instant a delayed or in-flight message
   * reappears.
   */
  private void waitForMessages(Instant deadline) {
    while (!hasWork()) {
      Instant now = q.cloud.now();
      if (!now.isBefore(deadline)) {
        return;
      }
      Instant next;
      synchronized (q.lock) {
        next = q.store.nextVisibleAfter(now);
      }
      Instant target = next != null && next.isBefore(deadline) ? next : deadline;
      q.cloud.scheduler().runUntil(this::hasWork, target);
    }
  }

  /** Whether a receive now would return or dead-letter a message. */
  private boolean hasWork() {
    Instant now = q.cloud.now();
    QueueSpec s = q.spec;
    Predicate<StoredMessage> moves = movesToDeadLetterQueue(s, deadLetterQueue(s));
    synchronized (q.lock) {
      q.expireLocked(now);
      return !q.store.select(now, 1, moves).isEmpty();
    }
  }

  /**
   * A receive as Lambda's poller makes it: now, with every attribute, with the queue's visibility
   * timeout; the redrive policy applies as to any receive.
   */
  List<PolledQueue.PolledMessage> receiveForPoller(int max) {
    ReceiveRequest request = ReceiveRequest.upTo(max);
    Taken taken = take(max, q.spec.visibilityTimeout(), request);
    List<PolledQueue.PolledMessage> polled = new ArrayList<>(taken.messages.size());
    for (int i = 0; i < taken.messages.size(); i++) {
      Message m = taken.messages.get(i);
      StoredMessage stored = taken.stored.get(i);
      TraceHeader trace =
          stored.traceHeader != null
              ? TraceHeader.parse(stored.traceHeader)
              : TraceHeader.root(stored.traceId);
      polled.add(
          new PolledQueue.PolledMessage(
              m.messageId(),
              m.receiptHandle(),
              m.body(),
              m.md5OfBody(),
              m.attributes(),
              m.messageAttributes(),
              m.md5OfMessageAttributes(),
              trace));
    }
    return polled;
  }

  /** The earliest instant after now at which a message becomes visible, if any. */
  Instant nextVisibleAfterNow() {
    Instant now = q.cloud.now();
    synchronized (q.lock) {
      return q.store.nextVisibleAfter(now);
    }
  }

  /** What a receive took: the stored messages, their versions then, and what it returned. */
  private record Taken(List<StoredMessage> stored, List<Long> versions, List<Message> messages) {}

  private Taken take(int max, Duration visibility, ReceiveRequest request) {
    Instant now = q.cloud.now();
    QueueSpec s = q.spec;
    QueueImpl deadLetterQueue = deadLetterQueue(s);
    Predicate<StoredMessage> moves = movesToDeadLetterQueue(s, deadLetterQueue);
    List<StoredMessage> taken;
    List<Long> versions = new ArrayList<>();
    List<Message> result = new ArrayList<>();
    List<StoredMessage> moved;
    synchronized (q.lock) {
      q.expireLocked(now);
      MessageStore.Selection selection = q.store.select(now, max, moves);
      moved = selection.move();
      for (StoredMessage m : moved) {
        q.store.remove(m);
      }
      taken = selection.take();
      for (StoredMessage m : taken) {
        m.receiveCount++;
        if (m.firstReceivedAt == null) {
          m.firstReceivedAt = now;
        }
        m.lastReceivedAt = now;
        m.waitingForQueueDelay = false;
        m.version++;
        q.store.setVisibleAt(m, now.plus(visibility));
        versions.add(m.version);
        result.add(toMessage(m, handle(m), request));
      }
    }
    for (StoredMessage m : moved) {
      String dlqArn = deadLetterQueue.arn();
      int count = m.receiveCount;
      q.cloud
          .journal()
          .append(
              seq ->
                  new SqsEvent.MessageMovedToDeadLetterQueue(
                      seq, now, q.arn, m.traceId.value(), q.name, m.messageId, count, dlqArn));
      deadLetterQueue.acceptDeadLetter(m, q.arn);
    }
    for (StoredMessage m : taken) {
      Instant visibleAgain = m.visibleAt;
      int count = m.receiveCount;
      q.cloud
          .journal()
          .append(
              seq ->
                  new SqsEvent.MessageReceived(
                      seq,
                      now,
                      q.arn,
                      m.traceId.value(),
                      q.name,
                      m.messageId,
                      count,
                      visibleAgain));
      q.traces.record("ReceiveMessage", m.traceId, null, now, m.messageId);
    }
    return new Taken(taken, versions, result);
  }

  /**
   * The queue a receive moves messages to, if the redrive policy's target exists and still accepts
   * them; otherwise messages are delivered as if there were no policy, and stay.
   */
  private QueueImpl deadLetterQueue(QueueSpec s) {
    if (s.redrivePolicy() == null) {
      return null;
    }
    QueueImpl target = q.service.queueByArn(s.redrivePolicy().deadLetterTargetArn()).orElse(null);
    if (target == null || target.arn().equals(q.arn) || target.isFifo() != s.fifoQueue()) {
      return null;
    }
    QueueSpec targetSpec = target.spec();
    if (targetSpec.redriveAllowPolicy() != null && !targetSpec.redriveAllowPolicy().allows(q.arn)) {
      return null;
    }
    return target;
  }

  /**
   * A message moves when this receive would be one more than {@code maxReceiveCount}: consumers see
   * it exactly {@code maxReceiveCount} times.
   */
  private static Predicate<StoredMessage> movesToDeadLetterQueue(QueueSpec s, QueueImpl dlq) {
    if (dlq == null) {
      return m -> false;
    }
    int maxReceiveCount = s.redrivePolicy().maxReceiveCount();
    return m -> m.receiveCount >= maxReceiveCount;
  }

  /** A receive made with a {@code ReceiveRequestAttemptId}. */
  private record ReceiveAttempt(Instant at, Taken taken) {}

  /**
   * The messages of an earlier receive with this attempt id, with their visibility timeout
   * restarted, if it was made less than 5 minutes ago and none of its messages was deleted or
   * changed since; else null, and the receive goes ahead.
   */
  private List<Message> replay(String attemptId, Duration visibility) {
    Instant now = q.cloud.now();
    synchronized (q.lock) {
      q.expireLocked(now);
      ReceiveAttempt attempt = attempts.get(attemptId);
      if (attempt == null) {
        return null;
      }
      if (!attempt.at.plus(RECEIVE_ATTEMPT_WINDOW).isAfter(now)) {
        attempts.remove(attemptId);
        return null;
      }
      List<StoredMessage> stored = attempt.taken.stored;
      for (int i = 0; i < stored.size(); i++) {
        StoredMessage m = stored.get(i);
        if (!q.store.contains(m) || m.version != attempt.taken.versions.get(i)) {
          attempts.remove(attemptId);
          return null;
        }
      }
      for (StoredMessage m : stored) {
        q.store.setVisibleAt(m, now.plus(visibility));
      }
      return attempt.taken.messages;
    }
  }

  /** Forgets receive attempts, as a purge empties the queue. Called holding the lock. */
  void forgetAttemptsLocked() {
    attempts.clear();
  }

  void delete(String receiptHandle) {
    Instant now = q.cloud.now();
    StoredMessage deleted;
    synchronized (q.lock) {
      q.expireLocked(now);
      ReceiptHandles.Parsed parsed = ReceiptHandles.parse(q.name, receiptHandle);
      StoredMessage m = q.store.get(parsed.key());
      if (q.fifo()) {
        if (m == null) {
          return;
        }
        if (m.receiveCount != parsed.receiveCount() || m.visible(now)) {
          // Recorded on AWS (test_fifo_delete_message_with_expired_receipt_handle).
          throw SqsErrors.receiptHandleExpired(receiptHandle);
        }
      } else if (m == null || m.receiveCount != parsed.receiveCount()) {
        // Already deleted, or received again since: AWS answers success and keeps the message.
        return;
      }
      q.store.remove(m);
      deleted = m;
    }
    q.cloud
        .journal()
        .append(
            seq ->
                new SqsEvent.MessageDeleted(
                    seq, now, q.arn, deleted.traceId.value(), q.name, deleted.messageId));
    q.traces.record("DeleteMessage", deleted.traceId, null, now, deleted.messageId);
    if (q.fifo()) {
      // The next message of the deleted one's group may be received now.
      q.arrived();
    }
  }

  static void checkVisibilityTimeout(Duration visibilityTimeout) {
    if (visibilityTimeout.isNegative()
        || visibilityTimeout.compareTo(MAX_VISIBILITY) > 0
        || visibilityTimeout.toNanosPart() != 0) {
      throw SqsErrors.invalidParameterValue(
          "Value "
              + visibilityTimeout.toSeconds()
              + " for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and"
              + " 43200.");
    }
  }

  /**
   * Sets a received message's visibility timeout, counted from now. As recorded on AWS, this works
   * after the timeout has ended too, until the message is received again.
   */
  void changeVisibility(String receiptHandle, Duration visibilityTimeout) {
    Instant now = q.cloud.now();
    StoredMessage changed;
    synchronized (q.lock) {
      q.expireLocked(now);
      ReceiptHandles.Parsed parsed = ReceiptHandles.parse(q.name, receiptHandle);
      StoredMessage m = q.store.get(parsed.key());
      if (m == null || m.receiveCount != parsed.receiveCount()) {
        throw SqsErrors.messageNotInflight();
      }
      Instant until = now.plus(visibilityTimeout);
      if (Duration.between(m.lastReceivedAt, until).compareTo(MAX_VISIBILITY) > 0) {
        throw SqsErrors.invalidParameterValue(
            "Value "
                + visibilityTimeout.toSeconds()
                + " for parameter VisibilityTimeout is invalid. Reason: Total VisibilityTimeout"
                + " for the message is beyond the limit [43200 seconds]");
      }
      m.version++;
      q.store.setVisibleAt(m, until);
      changed = m;
    }
    Instant visibleAgain = changed.visibleAt;
    q.cloud
        .journal()
        .append(
            seq ->
                new SqsEvent.MessageVisibilityChanged(
                    seq,
                    now,
                    q.arn,
                    changed.traceId.value(),
                    q.name,
                    changed.messageId,
                    visibleAgain));
    if (!visibleAgain.isAfter(now)) {
      q.arrived();
    }
  }

  private String handle(StoredMessage m) {
    return ReceiptHandles.issue(
        q.name, m.key, m.receiveCount, q.cloud.randomness().ids().nextLong());
  }

  /**
   * The message as {@code ReceiveMessage} returns it, filtered as the request asks; a {@code null}
   * request (peeking) returns everything.
   */
  static Message toMessage(StoredMessage m, String receiptHandle, ReceiveRequest request) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("SenderId", m.senderId);
    attributes.put("SentTimestamp", Long.toString(m.sentAt.toEpochMilli()));
    attributes.put("ApproximateReceiveCount", Integer.toString(m.receiveCount));
    if (m.firstReceivedAt != null) {
      attributes.put(
          "ApproximateFirstReceiveTimestamp", Long.toString(m.firstReceivedAt.toEpochMilli()));
    }
    if (m.traceHeader != null) {
      attributes.put("AWSTraceHeader", m.traceHeader);
    }
    if (m.sequenceNumber != null) {
      attributes.put("SequenceNumber", m.sequenceNumber);
    }
    if (m.messageDeduplicationId != null) {
      attributes.put("MessageDeduplicationId", m.messageDeduplicationId);
    }
    if (m.messageGroupId != null) {
      attributes.put("MessageGroupId", m.messageGroupId);
    }
    if (m.deadLetterQueueSourceArn != null) {
      attributes.put("DeadLetterQueueSourceArn", m.deadLetterQueueSourceArn);
    }
    Map<String, MessageAttributeValue> messageAttributes = m.messageAttributes;
    String md5OfMessageAttributes = m.md5OfMessageAttributes;
    if (request != null) {
      attributes = MessageFilters.systemAttributes(attributes, request.attributeNames());
      if (request.messageAttributeNames() != null) {
        messageAttributes =
            MessageFilters.messageAttributes(messageAttributes, request.messageAttributeNames());
        md5OfMessageAttributes = MessageDigests.ofAttributes(messageAttributes);
      }
    }
    return new Message(
        m.messageId,
        receiptHandle,
        m.body,
        m.md5OfBody,
        attributes,
        messageAttributes,
        md5OfMessageAttributes);
  }
}
