package dev.cloudless.fakes.sqs.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.aws.MessageAttributeValue;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.MessageSink;
import dev.cloudless.fakes.journal.Journal;
import dev.cloudless.fakes.sqs.BatchResult;
import dev.cloudless.fakes.sqs.BatchResultErrorEntry;
import dev.cloudless.fakes.sqs.ChangeMessageVisibilityBatchEntry;
import dev.cloudless.fakes.sqs.DeduplicationScope;
import dev.cloudless.fakes.sqs.DeleteMessageBatchEntry;
import dev.cloudless.fakes.sqs.Message;
import dev.cloudless.fakes.sqs.Queue;
import dev.cloudless.fakes.sqs.QueueSpec;
import dev.cloudless.fakes.sqs.ReceiveRequest;
import dev.cloudless.fakes.sqs.SendMessageBatchEntry;
import dev.cloudless.fakes.sqs.SendMessageBatchResult;
import dev.cloudless.fakes.sqs.SendMessageBatchResultEntry;
import dev.cloudless.fakes.sqs.SendMessageRequest;
import dev.cloudless.fakes.sqs.SendResult;
import dev.cloudless.fakes.sqs.SqsEvent;
import dev.cloudless.trace.TraceHeader;
import dev.cloudless.trace.TraceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * One queue: its operations, with AWS's checks, journal events and trace segments. The messages
 * live in a {@link MessageStore} guarded by this queue's lock; nothing else (the journal, faults,
 * other queues) is touched while holding it, so that queues redriving into each other never
 * deadlock.
 */
@API(status = INTERNAL, since = "0.1")
public final class QueueImpl implements Queue, MessageSink {

  static final Duration MAX_VISIBILITY = Duration.ofHours(12);
  static final Duration MAX_WAIT = Duration.ofSeconds(20);
  static final Duration MAX_DELAY = Duration.ofMinutes(15);
  static final int MAX_ATTRIBUTES = 10;
  static final long MAX_BATCH_BYTES = 1_048_576;
  static final Duration PURGE_INTERVAL = Duration.ofSeconds(60);
  static final Duration RECEIVE_ATTEMPT_WINDOW = Duration.ofMinutes(5);

  /** FIFO ids and receive attempt ids: 1 to 128 ASCII letters, digits and punctuation. */
  private static final Pattern FIFO_ID = Pattern.compile("[!-~]{1,128}");

  private final CloudContext cloud;
  private final SqsService service;
  private final String name;
  private final String url;
  private final String arn;
  private final Instant createdAt;
  private final SqsTraces traces;

  private final Object lock = new Object();
  private final MessageStore store;
  private final FifoDeduplication deduplication = new FifoDeduplication();
  private final Map<String, ReceiveAttempt> attempts = new HashMap<>();
  private final Map<String, String> tags = new LinkedHashMap<>();
  private volatile QueueSpec spec;
  private Instant lastModifiedAt;
  private Instant lastPurgeAt;
  private long nextKey;
  private long nextSequenceNumber;

  QueueImpl(CloudContext cloud, SqsService service, QueueSpec spec) {
    this.cloud = cloud;
    this.service = service;
    this.spec = spec;
    this.name = spec.name();
    this.url = "https://sqs." + cloud.region() + ".amazonaws.com/" + cloud.accountId() + "/" + name;
    this.arn = cloud.arn("sqs", name);
    this.createdAt = cloud.now();
    this.lastModifiedAt = createdAt;
    this.store = new MessageStore(spec.fifoQueue());
    this.traces = new SqsTraces(cloud, name, url);
    this.tags.putAll(spec.tags());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String url() {
    return url;
  }

  @Override
  public String arn() {
    return arn;
  }

  @Override
  public Journal journal() {
    return cloud.journal();
  }

  @Override
  public QueueSpec spec() {
    return spec;
  }

  // ---- send
  // --------------------------------------------------------------------------------------

  /** A message on its way in, from a test, a handler, another service or a move task. */
  private record Incoming(
      String body,
      Duration delay,
      Map<String, MessageAttributeValue> attributes,
      TraceHeader trace,
      String senderId,
      String messageGroupId,
      String messageDeduplicationId,
      boolean deduplicateOnMessageId) {}

  @Override
  public SendResult send(String body) {
    return send(SendMessageRequest.body(body));
  }

  @Override
  public SendResult send(SendMessageRequest request) {
    Objects.requireNonNull(request, "request");
    TraceHeader trace =
        request.traceHeader() != null ? request.traceHeader() : cloud.currentTrace();
    QueueFaultPoints.failOnServiceError(this, "SendMessage", trace);
    return accept(incoming(request, trace));
  }

  private Incoming incoming(SendMessageRequest request, TraceHeader trace) {
    return new Incoming(
        request.body(),
        request.delay(),
        request.messageAttributes(),
        trace,
        cloud.accountId(),
        request.messageGroupId(),
        request.messageDeduplicationId(),
        false);
  }

  @Override
  public void deliver(InboundMessage message) {
    QueueFaultPoints.failOnServiceError(this, "SendMessage", message.traceHeader());
    accept(
        new Incoming(
            message.body(),
            null,
            message.messageAttributes(),
            message.traceHeader(),
            message.senderId(),
            message.messageGroupId(),
            message.messageDeduplicationId(),
            false));
  }

  @Override
  public SendMessageBatchResult sendBatch(List<SendMessageBatchEntry> entries) {
    TraceHeader trace = cloud.currentTrace();
    QueueFaultPoints.failOnServiceError(this, "SendMessageBatch", trace);
    BatchRules.check(entries, SendMessageBatchEntry::id, "SendMessageBatchRequestEntry");
    QueueSpec s = spec;
    long total = 0;
    for (SendMessageBatchEntry entry : entries) {
      SendMessageRequest r = entry.request();
      if (s.fifoQueue()) {
        // Recorded on AWS: in a batch these fail the whole request, with InvalidParameterValue.
        if (r.messageGroupId() == null) {
          throw SqsErrors.invalidParameterValue(
              "The request must contain the parameter MessageGroupId.");
        }
        if (r.messageDeduplicationId() == null && !s.contentBasedDeduplication()) {
          throw SqsErrors.invalidParameterValue(
              "The queue should either have ContentBasedDeduplication enabled or"
                  + " MessageDeduplicationId provided explicitly");
        }
      }
      total += MessageRules.size(r.body(), r.messageAttributes());
    }
    if (total > MAX_BATCH_BYTES) {
      throw SqsErrors.batchRequestTooLong(MAX_BATCH_BYTES, total);
    }
    List<SendMessageBatchResultEntry> successful = new ArrayList<>();
    List<BatchResultErrorEntry> failed = new ArrayList<>();
    for (SendMessageBatchEntry entry : entries) {
      TraceHeader entryTrace =
          entry.request().traceHeader() != null ? entry.request().traceHeader() : trace;
      try {
        SendResult r = accept(incoming(entry.request(), entryTrace));
        successful.add(
            new SendMessageBatchResultEntry(
                entry.id(),
                r.messageId(),
                r.md5OfMessageBody(),
                r.md5OfMessageAttributes(),
                r.sequenceNumber()));
      } catch (AwsServiceException e) {
        failed.add(failure(entry.id(), e));
      }
    }
    return new SendMessageBatchResult(successful, failed);
  }

  /** Checks a message as SQS does, then stores it (or, on a FIFO queue, deduplicates it). */
  private SendResult accept(Incoming in) {
    QueueSpec s = spec;
    check(in, s);
    Instant now = cloud.now();
    boolean duplicate = !s.fifoQueue() && QueueFaultPoints.duplicateFires(this, in.trace);
    String md5 = MessageDigests.ofBody(in.body);
    String md5Attributes = MessageDigests.ofAttributes(in.attributes);
    TraceId traceId = in.trace != null ? in.trace.root() : cloud.newTraceId();
    String messageId = cloud.randomness().uuid().toString();
    Map<String, MessageAttributeValue> attributes =
        in.attributes.isEmpty() ? Map.of() : new LinkedHashMap<>(in.attributes);
    StoredMessage message;
    StoredMessage copy = null;
    FifoDeduplication.Accepted first = null;
    String deduplicationId = null;
    synchronized (lock) {
      expireLocked(now);
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
          sequenceNumber = nextSequenceNumberLocked();
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
        store.add(message);
        if (duplicate) {
          copy =
              newMessage(
                  messageId, in, md5, attributes, md5Attributes, traceId, now, delay, null, null);
          copy.waitingForQueueDelay = queueDelay;
          store.add(copy);
        }
      } else {
        message = null;
      }
    }
    if (first != null) {
      String firstId = first.messageId();
      String dedup = deduplicationId;
      cloud
          .journal()
          .append(
              seq ->
                  new SqsEvent.MessageDeduplicated(
                      seq, now, arn, traceId.value(), name, firstId, dedup));
      return new SendResult(firstId, md5, md5Attributes, first.sequenceNumber());
    }
    StoredMessage sent = message;
    cloud
        .journal()
        .append(
            seq ->
                new SqsEvent.MessageSent(
                    seq,
                    now,
                    arn,
                    traceId.value(),
                    name,
                    messageId,
                    in.body,
                    sent.visibleAt,
                    in.senderId,
                    in.messageGroupId));
    if (copy != null) {
      cloud
          .journal()
          .append(
              seq ->
                  new SqsEvent.MessageDuplicated(seq, now, arn, traceId.value(), name, messageId));
    }
    traces.record(
        "SendMessage", traceId, in.trace == null ? null : in.trace.parent(), now, messageId);
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
        ++nextKey,
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
      checkFifoId("MessageGroupId", in.messageGroupId);
      if (in.messageDeduplicationId == null
          && !in.deduplicateOnMessageId
          && !s.contentBasedDeduplication()) {
        throw SqsErrors.invalidParameterValue(
            "The queue should either have ContentBasedDeduplication enabled or"
                + " MessageDeduplicationId provided explicitly");
      }
      if (in.messageDeduplicationId != null) {
        checkFifoId("MessageDeduplicationId", in.messageDeduplicationId);
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
      checkFifoId("MessageGroupId", in.messageGroupId);
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

  private static void checkFifoId(String parameter, String value) {
    if (!FIFO_ID.matcher(value).matches()) {
      throw SqsErrors.invalidParameterValue(
          "Value "
              + value
              + " for parameter "
              + parameter
              + " is invalid. Reason: "
              + parameter
              + " can only include alphanumeric and punctuation characters. 1 to 128 in length.");
    }
  }

  /**
   * A large number that grows in send order, 20 digits like AWS's. AWS's are not consecutive;
   * nothing may rely on their gaps, so consecutive ones serve.
   */
  private String nextSequenceNumberLocked() {
    return "18" + String.format("%018d", ++nextSequenceNumber);
  }

  // ---- receive
  // -----------------------------------------------------------------------------------

  @Override
  public List<Message> receive() {
    return receive(ReceiveRequest.upTo(1));
  }

  @Override
  public List<Message> receive(int maxNumberOfMessages) {
    return receive(ReceiveRequest.upTo(maxNumberOfMessages));
  }

  @Override
  public List<Message> receive(ReceiveRequest request) {
    Objects.requireNonNull(request, "request");
    QueueSpec s = spec;
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
    checkVisibility(visibility);
    Duration wait = request.waitTime() == null ? s.receiveMessageWaitTime() : request.waitTime();
    if (wait.isNegative() || wait.compareTo(MAX_WAIT) > 0) {
      throw SqsErrors.invalidParameterValue(
          "Value "
              + wait.toSeconds()
              + " for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if"
              + " provided.");
    }
    MessageFilters.checkSystemAttributeNames(request.attributeNames());
    String attemptId = s.fifoQueue() ? request.receiveRequestAttemptId() : null;
    if (attemptId != null) {
      checkFifoId("ReceiveRequestAttemptId", attemptId);
    }
    QueueFaultPoints.failOnServiceError(this, "ReceiveMessage", cloud.currentTrace());
    if (attemptId != null) {
      List<Message> replayed = replay(attemptId, visibility);
      if (replayed != null) {
        return replayed;
      }
    }
    Instant deadline = cloud.now().plus(wait);
    while (true) {
      Taken taken = take(max, visibility, request);
      if (!taken.messages.isEmpty() || !cloud.now().isBefore(deadline)) {
        if (attemptId != null && !taken.messages.isEmpty()) {
          remember(attemptId, taken);
        }
        return taken.messages;
      }
      waitForMessages(deadline);
    }
  }

  private static void checkVisibility(Duration visibility) {
    if (visibility.isNegative()
        || visibility.compareTo(MAX_VISIBILITY) > 0
        || visibility.toNanosPart() != 0) {
      throw SqsErrors.invalidParameterValue(
          "Value "
              + visibility.toSeconds()
              + " for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200,"
              + " if provided.");
    }
  }

  /**
   * Waits on the virtual clock until a receive would find something or the deadline passes: runs
   * scheduled events meanwhile, and moves the clock to the instant a delayed or in-flight message
   * reappears.
   */
  private void waitForMessages(Instant deadline) {
    while (!hasWork()) {
      Instant now = cloud.now();
      if (!now.isBefore(deadline)) {
        return;
      }
      Instant next;
      synchronized (lock) {
        next = store.nextVisibleAfter(now);
      }
      Instant target = next != null && next.isBefore(deadline) ? next : deadline;
      cloud.scheduler().runUntil(this::hasWork, target);
    }
  }

  /** Whether a receive now would return or dead-letter a message. */
  private boolean hasWork() {
    Instant now = cloud.now();
    Predicate<StoredMessage> moves = movesToDeadLetterQueue(spec, deadLetterQueue(spec));
    synchronized (lock) {
      expireLocked(now);
      return !store.select(now, 1, moves).isEmpty();
    }
  }

  /** What a receive took: the stored messages, and the messages as returned. */
  private record Taken(List<StoredMessage> stored, List<Long> versions, List<Message> messages) {}

  private Taken take(int max, Duration visibility, ReceiveRequest request) {
    Instant now = cloud.now();
    QueueSpec s = spec;
    QueueImpl deadLetterQueue = deadLetterQueue(s);
    Predicate<StoredMessage> moves = movesToDeadLetterQueue(s, deadLetterQueue);
    List<StoredMessage> taken;
    List<Long> versions = new ArrayList<>();
    List<Message> result = new ArrayList<>();
    List<StoredMessage> moved;
    synchronized (lock) {
      expireLocked(now);
      MessageStore.Selection selection = store.select(now, max, moves);
      moved = selection.move();
      for (StoredMessage m : moved) {
        store.remove(m);
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
        store.setVisibleAt(m, now.plus(visibility));
        versions.add(m.version);
        result.add(toMessage(m, handle(m), request));
      }
    }
    for (StoredMessage m : moved) {
      String dlqArn = deadLetterQueue.arn();
      int count = m.receiveCount;
      cloud
          .journal()
          .append(
              seq ->
                  new SqsEvent.MessageMovedToDeadLetterQueue(
                      seq, now, arn, m.traceId.value(), name, m.messageId, count, dlqArn));
      deadLetterQueue.acceptDeadLetter(m, arn);
    }
    for (StoredMessage m : taken) {
      Instant visibleAgain = m.visibleAt;
      int count = m.receiveCount;
      cloud
          .journal()
          .append(
              seq ->
                  new SqsEvent.MessageReceived(
                      seq, now, arn, m.traceId.value(), name, m.messageId, count, visibleAgain));
      traces.record("ReceiveMessage", m.traceId, null, now, m.messageId);
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
    QueueImpl target = service.queueByArn(s.redrivePolicy().deadLetterTargetArn()).orElse(null);
    if (target == null || target == this || target.spec.fifoQueue() != s.fifoQueue()) {
      return null;
    }
    QueueSpec targetSpec = target.spec;
    if (targetSpec.redriveAllowPolicy() != null && !targetSpec.redriveAllowPolicy().allows(arn)) {
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

  /**
   * A message arriving from a source queue's redrive: the same id, body and attributes, its receive
   * count going on, its retention still counted from when it was first sent, and {@code
   * DeadLetterQueueSourceArn} added. On a FIFO dead-letter queue its deduplication id becomes its
   * message id and it gets a sequence number here.
   */
  void acceptDeadLetter(StoredMessage original, String sourceArn) {
    Instant now = cloud.now();
    boolean fifo = spec.fifoQueue();
    StoredMessage arrived;
    synchronized (lock) {
      arrived =
          new StoredMessage(
              ++nextKey,
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
              fifo ? nextSequenceNumberLocked() : null,
              sourceArn,
              now);
      arrived.receiveCount = original.receiveCount;
      arrived.firstReceivedAt = original.firstReceivedAt;
      arrived.lastReceivedAt = original.lastReceivedAt;
      store.add(arrived);
    }
    int count = arrived.receiveCount;
    cloud
        .journal()
        .append(
            seq ->
                new SqsEvent.MessageMovedFromSourceQueue(
                    seq,
                    now,
                    arn,
                    original.traceId.value(),
                    name,
                    original.messageId,
                    count,
                    sourceArn));
    synchronized (lock) {
      // A message older than this queue's retention period expires on arrival, as on AWS.
      expireLocked(now);
    }
  }

  /** A receive retried with the same {@code ReceiveRequestAttemptId}. */
  private record ReceiveAttempt(Instant at, Taken taken) {}

  private void remember(String attemptId, Taken taken) {
    synchronized (lock) {
      attempts.put(attemptId, new ReceiveAttempt(cloud.now(), taken));
    }
  }

  /**
   * The messages of an earlier receive with this attempt id, with their visibility timeout
   * restarted, if it was made less than 5 minutes ago and none of its messages was deleted or
   * changed since; else null, and the receive goes ahead.
   */
  private List<Message> replay(String attemptId, Duration visibility) {
    Instant now = cloud.now();
    synchronized (lock) {
      expireLocked(now);
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
        if (!store.contains(m) || m.version != attempt.taken.versions.get(i)) {
          attempts.remove(attemptId);
          return null;
        }
      }
      for (StoredMessage m : stored) {
        store.setVisibleAt(m, now.plus(visibility));
      }
      return attempt.taken.messages;
    }
  }

  // ---- delete, visibility, purge
  // -----------------------------------------------------------------

  @Override
  public void delete(String receiptHandle) {
    QueueFaultPoints.failOnServiceError(this, "DeleteMessage", cloud.currentTrace());
    deleteOne(receiptHandle);
  }

  private void deleteOne(String receiptHandle) {
    Instant now = cloud.now();
    StoredMessage deleted;
    synchronized (lock) {
      expireLocked(now);
      ReceiptHandles.Parsed parsed = ReceiptHandles.parse(name, receiptHandle);
      StoredMessage m = store.get(parsed.key());
      if (spec.fifoQueue()) {
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
      store.remove(m);
      deleted = m;
    }
    cloud
        .journal()
        .append(
            seq ->
                new SqsEvent.MessageDeleted(
                    seq, now, arn, deleted.traceId.value(), name, deleted.messageId));
    traces.record("DeleteMessage", deleted.traceId, null, now, deleted.messageId);
  }

  @Override
  public BatchResult deleteBatch(List<DeleteMessageBatchEntry> entries) {
    QueueFaultPoints.failOnServiceError(this, "DeleteMessageBatch", cloud.currentTrace());
    BatchRules.check(entries, DeleteMessageBatchEntry::id, "DeleteMessageBatchRequestEntry");
    List<String> successful = new ArrayList<>();
    List<BatchResultErrorEntry> failed = new ArrayList<>();
    for (DeleteMessageBatchEntry entry : entries) {
      try {
        deleteOne(entry.receiptHandle());
        successful.add(entry.id());
      } catch (AwsServiceException e) {
        failed.add(failure(entry.id(), e));
      }
    }
    return new BatchResult(successful, failed);
  }

  @Override
  public void changeVisibility(String receiptHandle, Duration visibilityTimeout) {
    Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
    checkChangedVisibility(visibilityTimeout);
    QueueFaultPoints.failOnServiceError(this, "ChangeMessageVisibility", cloud.currentTrace());
    changeOne(receiptHandle, visibilityTimeout);
  }

  private static void checkChangedVisibility(Duration visibilityTimeout) {
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

  private void changeOne(String receiptHandle, Duration visibilityTimeout) {
    Instant now = cloud.now();
    StoredMessage changed;
    synchronized (lock) {
      expireLocked(now);
      ReceiptHandles.Parsed parsed = ReceiptHandles.parse(name, receiptHandle);
      StoredMessage m = store.get(parsed.key());
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
      store.setVisibleAt(m, until);
      changed = m;
    }
    Instant visibleAgain = changed.visibleAt;
    cloud
        .journal()
        .append(
            seq ->
                new SqsEvent.MessageVisibilityChanged(
                    seq, now, arn, changed.traceId.value(), name, changed.messageId, visibleAgain));
  }

  @Override
  public BatchResult changeVisibilityBatch(List<ChangeMessageVisibilityBatchEntry> entries) {
    QueueFaultPoints.failOnServiceError(this, "ChangeMessageVisibilityBatch", cloud.currentTrace());
    BatchRules.check(
        entries, ChangeMessageVisibilityBatchEntry::id, "ChangeMessageVisibilityBatchRequestEntry");
    List<String> successful = new ArrayList<>();
    List<BatchResultErrorEntry> failed = new ArrayList<>();
    for (ChangeMessageVisibilityBatchEntry entry : entries) {
      try {
        checkChangedVisibility(entry.visibilityTimeout());
        changeOne(entry.receiptHandle(), entry.visibilityTimeout());
        successful.add(entry.id());
      } catch (AwsServiceException e) {
        failed.add(failure(entry.id(), e));
      }
    }
    return new BatchResult(successful, failed);
  }

  private static BatchResultErrorEntry failure(String id, AwsServiceException e) {
    return new BatchResultErrorEntry(id, e.statusCode() < 500, e.errorCode(), e.getMessage());
  }

  @Override
  public void purge() {
    QueueFaultPoints.failOnServiceError(this, "PurgeQueue", cloud.currentTrace());
    Instant now = cloud.now();
    int count;
    synchronized (lock) {
      if (lastPurgeAt != null && now.isBefore(lastPurgeAt.plus(PURGE_INTERVAL))) {
        throw SqsErrors.purgeQueueInProgress(name);
      }
      lastPurgeAt = now;
      count = store.clear().size();
      attempts.clear();
    }
    cloud.journal().append(seq -> new SqsEvent.QueuePurged(seq, now, arn, name, count));
  }

  // ---- attributes and tags
  // -----------------------------------------------------------------------

  @Override
  public Map<String, String> attributes() {
    return attributes("All");
  }

  @Override
  public Map<String, String> attributes(String... names) {
    List<String> asked = List.of(names);
    QueueAttributes.checkNames(asked);
    Instant now = cloud.now();
    Map<String, String> all = new TreeMap<>(QueueAttributes.configured(spec));
    synchronized (lock) {
      expireLocked(now);
      all.put("ApproximateNumberOfMessages", Integer.toString(store.countVisible(now)));
      all.put("ApproximateNumberOfMessagesNotVisible", Integer.toString(store.countInFlight(now)));
      all.put("ApproximateNumberOfMessagesDelayed", Integer.toString(store.countDelayed(now)));
      all.put("LastModifiedTimestamp", Long.toString(lastModifiedAt.getEpochSecond()));
    }
    all.put("CreatedTimestamp", Long.toString(createdAt.getEpochSecond()));
    all.put("QueueArn", arn);
    if (asked.contains("All")) {
      return all;
    }
    Map<String, String> result = new TreeMap<>();
    for (String n : asked) {
      String value = all.get(n);
      if (value != null) {
        result.put(n, value);
      }
    }
    return result;
  }

  @Override
  public void setAttributes(Map<String, String> attributes) {
    Objects.requireNonNull(attributes, "attributes");
    for (String key : attributes.keySet()) {
      Objects.requireNonNull(key, "attribute name");
    }
    QueueSpec next = QueueAttributes.parseSet(spec, attributes, cloud.json());
    service.check(next, arn);
    Instant now = cloud.now();
    synchronized (lock) {
      QueueSpec previous = spec;
      spec = next;
      lastModifiedAt = now;
      if (next.fifoQueue() && !next.delay().equals(previous.delay())) {
        // AWS documents the FIFO queue delay as retroactive: waiting messages move with it.
        for (StoredMessage m : store.waitingForQueueDelay()) {
          store.setVisibleAt(m, m.sentAt.plus(next.delay()));
        }
      }
    }
    cloud
        .journal()
        .append(seq -> new SqsEvent.QueueAttributesChanged(seq, now, arn, name, attributes));
  }

  @Override
  public Map<String, String> tags() {
    synchronized (lock) {
      return Map.copyOf(tags);
    }
  }

  @Override
  public void tag(Map<String, String> added) {
    Objects.requireNonNull(added, "tags");
    synchronized (lock) {
      QueueTags.check(added, tags);
      tags.putAll(added);
    }
  }

  @Override
  public void untag(Collection<String> tagKeys) {
    Objects.requireNonNull(tagKeys, "tagKeys");
    synchronized (lock) {
      tags.keySet().removeAll(tagKeys);
    }
  }

  // ---- inspection
  // --------------------------------------------------------------------------------

  @Override
  public List<Message> peek() {
    Instant now = cloud.now();
    synchronized (lock) {
      expireLocked(now);
      List<Message> all = new ArrayList<>(store.size());
      for (StoredMessage m : store.all()) {
        all.add(toMessage(m, null, null));
      }
      return all;
    }
  }

  @Override
  public int approximateNumberOfMessages() {
    Instant now = cloud.now();
    synchronized (lock) {
      expireLocked(now);
      return store.countVisible(now);
    }
  }

  @Override
  public int approximateNumberOfMessagesNotVisible() {
    Instant now = cloud.now();
    synchronized (lock) {
      expireLocked(now);
      return store.countInFlight(now);
    }
  }

  @Override
  public int approximateNumberOfMessagesDelayed() {
    Instant now = cloud.now();
    synchronized (lock) {
      expireLocked(now);
      return store.countDelayed(now);
    }
  }

  @Override
  public int size() {
    Instant now = cloud.now();
    synchronized (lock) {
      expireLocked(now);
      return store.size();
    }
  }

  @Override
  public String toString() {
    return "Queue[" + name + "]";
  }

  // ---- for the service and move tasks
  // ------------------------------------------------------------

  /** Empties the queue as it is deleted; returns how many messages it held. */
  int drop() {
    synchronized (lock) {
      return store.clear().size();
    }
  }

  /** Removes and returns the oldest visible message, for a move task; null if none is visible. */
  StoredMessage takeForMove() {
    Instant now = cloud.now();
    synchronized (lock) {
      expireLocked(now);
      StoredMessage m = store.firstVisible(now);
      if (m != null) {
        store.remove(m);
      }
      return m;
    }
  }

  /** Puts back a message a move task could not move. */
  void restore(StoredMessage m) {
    synchronized (lock) {
      store.add(m);
    }
  }

  /**
   * Sends a message a move task moves here, afresh: a new id and retention period, a receive count
   * of 0, its sender, attributes, trace and group kept. On a FIFO queue its new message id is its
   * deduplication id, so a move is never mistaken for a duplicate.
   *
   * @return the new message id
   */
  String acceptMoved(StoredMessage m) {
    TraceHeader trace = m.traceHeader == null ? null : TraceHeader.parse(m.traceHeader);
    QueueFaultPoints.failOnServiceError(this, "SendMessage", trace);
    boolean fifo = spec.fifoQueue();
    return accept(
            new Incoming(
                m.body, null, m.messageAttributes, trace, m.senderId, m.messageGroupId, null, fifo))
        .messageId();
  }

  // ---- helpers
  // -----------------------------------------------------------------------------------

  CloudContext cloud() {
    return cloud;
  }

  SqsTraces traces() {
    return traces;
  }

  /**
   * Drops messages older than the retention period, which applies to messages already queued when
   * it changes. Applied whenever the queue is read, so an expiry is journaled (with its true
   * instant) when the queue is next touched. Called holding the lock; journaling from there is
   * safe, as the journal never calls back into a queue.
   */
  private void expireLocked(Instant now) {
    for (StoredMessage m : store.expire(now, spec.messageRetentionPeriod())) {
      Instant expiry = m.sentAt.plus(spec.messageRetentionPeriod());
      cloud
          .journal()
          .append(
              seq ->
                  new SqsEvent.MessageExpired(
                      seq, expiry, arn, m.traceId.value(), name, m.messageId));
    }
  }

  private String handle(StoredMessage m) {
    return ReceiptHandles.issue(name, m.key, m.receiveCount, cloud.randomness().ids().nextLong());
  }

  /** The message as {@code ReceiveMessage} returns it, filtered as the request asks. */
  private static Message toMessage(StoredMessage m, String receiptHandle, ReceiveRequest request) {
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
