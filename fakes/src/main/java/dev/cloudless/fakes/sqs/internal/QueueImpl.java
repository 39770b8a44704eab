package dev.cloudless.fakes.sqs.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.aws.MessageAttributeValue;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.MessageSink;
import dev.cloudless.fakes.internal.PolledQueue;
import dev.cloudless.fakes.journal.Journal;
import dev.cloudless.fakes.sqs.Message;
import dev.cloudless.fakes.sqs.Queue;
import dev.cloudless.fakes.sqs.QueueSpec;
import dev.cloudless.fakes.sqs.ReceiveRequest;
import dev.cloudless.fakes.sqs.SendMessageRequest;
import dev.cloudless.fakes.sqs.SendResult;
import dev.cloudless.fakes.sqs.SqsEvent;
import dev.cloudless.trace.Segment;
import dev.cloudless.trace.TraceHeader;
import dev.cloudless.trace.TraceId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apiguardian.api.API;

/**
 * One queue's messages and operations. Messages are kept in send order (for retention) and in
 * visibility order (for receiving): a receive takes the messages that became visible earliest, ties
 * broken by send order, which makes delivery order deterministic.
 */
@API(status = INTERNAL, since = "0.1")
public final class QueueImpl implements Queue, MessageSink, PolledQueue {

  static final Duration MAX_VISIBILITY = Duration.ofHours(12);
  static final Duration MAX_WAIT = Duration.ofSeconds(20);
  static final int MAX_ATTRIBUTES = 10;
  private static final String HANDLE_PREFIX = "AQEB";

  private final CloudContext cloud;
  private final QueueSpec spec;
  private final String url;
  private final String arn;

  private final Object lock = new Object();
  private final Map<String, StoredMessage> byId = new LinkedHashMap<>();
  private final TreeSet<StoredMessage> byVisibility =
      new TreeSet<>(
          Comparator.comparing((StoredMessage m) -> m.visibleAt)
              .thenComparingLong(m -> m.sequence));
  private long sequence;
  private final List<Runnable> arrivalListeners = new CopyOnWriteArrayList<>();

  QueueImpl(CloudContext cloud, QueueSpec spec) {
    this.cloud = cloud;
    this.spec = spec;
    this.url =
        "https://sqs." + cloud.region() + ".amazonaws.com/" + cloud.accountId() + "/" + spec.name();
    this.arn = cloud.arn("sqs", spec.name());
  }

  @Override
  public String name() {
    return spec.name();
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

  @Override
  public SendResult send(String body) {
    return send(SendMessageRequest.body(body));
  }

  @Override
  public SendResult send(SendMessageRequest request) {
    TraceHeader trace =
        request.traceHeader() != null ? request.traceHeader() : cloud.currentTrace();
    return store(
        request.body(), request.delay(), request.messageAttributes(), trace, cloud.accountId());
  }

  @Override
  public void deliver(InboundMessage message) {
    store(
        message.body(),
        null,
        message.messageAttributes(),
        message.traceHeader(),
        message.senderId());
  }

  private SendResult store(
      String body,
      Duration delay,
      Map<String, MessageAttributeValue> attributes,
      TraceHeader trace,
      String senderId) {
    validateBody(body, attributes);
    Duration effectiveDelay = delay == null ? spec.delay() : delay;
    if (effectiveDelay.isNegative() || effectiveDelay.compareTo(Duration.ofMinutes(15)) > 0) {
      throw SqsErrors.invalidParameterValue(
          "Value "
              + effectiveDelay.toSeconds()
              + " for parameter DelaySeconds is invalid. Reason: must be between 0 and 900, if"
              + " provided.");
    }
    Instant now = cloud.now();
    String messageId = cloud.randomness().uuid().toString();
    String md5 = MessageDigests.ofBody(body);
    String md5Attributes = MessageDigests.ofAttributes(attributes);
    TraceId traceId = trace != null ? trace.root() : cloud.newTraceId();
    StoredMessage message;
    synchronized (lock) {
      expire(now);
      message =
          new StoredMessage(
              ++sequence,
              messageId,
              body,
              md5,
              attributes.isEmpty() ? Map.of() : new LinkedHashMap<>(attributes),
              md5Attributes,
              now,
              senderId,
              trace == null ? null : trace.value(),
              traceId,
              now.plus(effectiveDelay));
      byId.put(messageId, message);
      byVisibility.add(message);
    }
    cloud
        .journal()
        .append(
            seq ->
                new SqsEvent.MessageSent(
                    seq,
                    now,
                    arn,
                    traceId.value(),
                    name(),
                    messageId,
                    body,
                    message.visibleAt,
                    senderId));
    recordSegment("SendMessage", traceId, trace == null ? null : trace.parent(), now, messageId);
    arrived();
    return new SendResult(messageId, md5, md5Attributes);
  }

  private void validateBody(String body, Map<String, MessageAttributeValue> attributes) {
    if (body == null || body.isEmpty()) {
      throw SqsErrors.missingParameter("MessageBody");
    }
    if (!validCharacters(body)) {
      throw SqsErrors.invalidMessageContents();
    }
    MessageAttributeRules.validate(attributes);
    if (attributes.size() > MAX_ATTRIBUTES) {
      throw SqsErrors.invalidParameterValue(
          "Number of message attributes ["
              + attributes.size()
              + "] exceeds the allowed maximum ["
              + MAX_ATTRIBUTES
              + "].");
    }
    long size = body.getBytes(StandardCharsets.UTF_8).length;
    for (Map.Entry<String, MessageAttributeValue> e : attributes.entrySet()) {
      MessageAttributeValue v = e.getValue();
      size += e.getKey().getBytes(StandardCharsets.UTF_8).length;
      size += v.dataType().getBytes(StandardCharsets.UTF_8).length;
      size +=
          v.binaryValue() != null
              ? v.binaryValue().length
              : v.stringValue() == null
                  ? 0
                  : v.stringValue().getBytes(StandardCharsets.UTF_8).length;
    }
    if (size > spec.maximumMessageSize()) {
      throw SqsErrors.invalidParameterValue(
          "One or more parameters are invalid. Reason: Message must be shorter than "
              + spec.maximumMessageSize()
              + " bytes.");
    }
  }

  /** The characters SQS accepts: #x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD | #x10000+. */
  private static boolean validCharacters(String body) {
    for (int i = 0; i < body.length(); ) {
      int c = body.codePointAt(i);
      boolean ok =
          c == 0x9
              || c == 0xA
              || c == 0xD
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || (c >= 0x10000 && c <= 0x10FFFF);
      if (!ok) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
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
    int max = request.maxNumberOfMessages();
    if (max < 1 || max > 10) {
      throw SqsErrors.invalidParameterValue(
          "Value "
              + max
              + " for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10,"
              + " if provided.");
    }
    Duration visibility =
        request.visibilityTimeout() == null
            ? spec.visibilityTimeout()
            : request.visibilityTimeout();
    if (visibility.isNegative() || visibility.compareTo(MAX_VISIBILITY) > 0) {
      throw SqsErrors.invalidParameterValue(
          "Value "
              + visibility.toSeconds()
              + " for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200,"
              + " if provided.");
    }
    Duration wait = request.waitTime() == null ? spec.receiveMessageWaitTime() : request.waitTime();
    if (wait.isNegative() || wait.compareTo(MAX_WAIT) > 0) {
      throw SqsErrors.invalidParameterValue(
          "Value "
              + wait.toSeconds()
              + " for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if"
              + " provided.");
    }
    if (!wait.isZero()) {
      longPoll(cloud.now().plus(wait));
    }
    return take(max, visibility);
  }

  /**
   * Waits on the virtual clock until a message is visible or the deadline passes: runs scheduled
   * events meanwhile, and moves the clock to the instant a delayed or in-flight message reappears.
   */
  private void longPoll(Instant deadline) {
    while (!hasVisible()) {
      Instant now = cloud.now();
      if (!now.isBefore(deadline)) {
        return;
      }
      Instant nextVisible = nextVisibleAfter(now);
      Instant target =
          nextVisible != null && nextVisible.isBefore(deadline) ? nextVisible : deadline;
      cloud.scheduler().runUntil(this::hasVisible, target);
    }
  }

  private boolean hasVisible() {
    Instant now = cloud.now();
    synchronized (lock) {
      expire(now);
      return !byVisibility.isEmpty() && !byVisibility.first().visibleAt.isAfter(now);
    }
  }

  private Instant nextVisibleAfter(Instant now) {
    synchronized (lock) {
      for (StoredMessage m : byVisibility) {
        if (m.visibleAt.isAfter(now)) {
          return m.visibleAt;
        }
      }
      return null;
    }
  }

  private List<Message> take(int max, Duration visibility) {
    return take(max, visibility, new ArrayList<>(max));
  }

  /** Receives into {@code taken} the stored messages behind the returned ones, in order. */
  private List<Message> take(int max, Duration visibility, List<StoredMessage> taken) {
    Instant now = cloud.now();
    List<Message> result = new ArrayList<>(max);
    synchronized (lock) {
      expire(now);
      Iterator<StoredMessage> it = byVisibility.iterator();
      while (it.hasNext() && taken.size() < max) {
        StoredMessage m = it.next();
        if (m.visibleAt.isAfter(now)) {
          break;
        }
        it.remove();
        taken.add(m);
      }
      for (StoredMessage m : taken) {
        m.receiveCount++;
        if (m.firstReceivedAt == null) {
          m.firstReceivedAt = now;
        }
        m.lastReceivedAt = now;
        m.visibleAt = now.plus(visibility);
        byVisibility.add(m);
        result.add(toMessage(m, handle(m)));
      }
    }
    for (StoredMessage m : taken) {
      Instant visibleAgain = m.visibleAt;
      int count = m.receiveCount;
      cloud
          .journal()
          .append(
              seq ->
                  new SqsEvent.MessageReceived(
                      seq, now, arn, m.traceId.value(), name(), m.messageId, count, visibleAgain));
      recordSegment("ReceiveMessage", m.traceId, null, now, m.messageId);
    }
    return result;
  }

  // ---- as an event source -----------------------------------------------------------------------

  @Override
  public boolean fifo() {
    return spec.name().endsWith(".fifo");
  }

  @Override
  public Duration visibilityTimeout() {
    return spec.visibilityTimeout();
  }

  @Override
  public List<PolledMessage> receiveForPoller(int maxNumberOfMessages) {
    List<StoredMessage> taken = new ArrayList<>();
    List<Message> received = take(maxNumberOfMessages, spec.visibilityTimeout(), taken);
    List<PolledMessage> polled = new ArrayList<>(received.size());
    for (int i = 0; i < received.size(); i++) {
      Message m = received.get(i);
      StoredMessage stored = taken.get(i);
      TraceHeader trace =
          stored.traceHeader != null
              ? TraceHeader.parse(stored.traceHeader)
              : TraceHeader.root(stored.traceId);
      polled.add(
          new PolledMessage(
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

  @Override
  public void addArrivalListener(Runnable listener) {
    arrivalListeners.add(listener);
  }

  @Override
  public void removeArrivalListener(Runnable listener) {
    arrivalListeners.remove(listener);
  }

  @Override
  public Optional<Instant> nextReceivableAt() {
    return Optional.ofNullable(nextVisibleAfter(cloud.now()));
  }

  private void arrived() {
    for (Runnable listener : arrivalListeners) {
      listener.run();
    }
  }

  // ---- delete, visibility, purge
  // -----------------------------------------------------------------

  @Override
  public void delete(String receiptHandle) {
    Instant now = cloud.now();
    StoredMessage deleted;
    synchronized (lock) {
      expire(now);
      HandleParts parts = parse(receiptHandle);
      StoredMessage m = byId.get(parts.messageId);
      if (m == null || m.receiveCount != parts.receiveCount) {
        // Already deleted, or received again since: AWS answers success and keeps the message.
        return;
      }
      byId.remove(m.messageId);
      byVisibility.remove(m);
      deleted = m;
    }
    cloud
        .journal()
        .append(
            seq ->
                new SqsEvent.MessageDeleted(
                    seq, now, arn, deleted.traceId.value(), name(), deleted.messageId));
    recordSegment("DeleteMessage", deleted.traceId, null, now, deleted.messageId);
  }

  @Override
  public void changeVisibility(String receiptHandle, Duration visibilityTimeout) {
    if (visibilityTimeout.isNegative() || visibilityTimeout.compareTo(MAX_VISIBILITY) > 0) {
      throw SqsErrors.invalidParameterValue(
          "Value "
              + visibilityTimeout.toSeconds()
              + " for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and"
              + " 43200.");
    }
    Instant now = cloud.now();
    StoredMessage changed;
    synchronized (lock) {
      expire(now);
      HandleParts parts = parse(receiptHandle);
      StoredMessage m = byId.get(parts.messageId);
      if (m == null || m.receiveCount != parts.receiveCount) {
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
      byVisibility.remove(m);
      m.visibleAt = until;
      byVisibility.add(m);
      changed = m;
    }
    Instant visibleAgain = changed.visibleAt;
    cloud
        .journal()
        .append(
            seq ->
                new SqsEvent.MessageVisibilityChanged(
                    seq,
                    now,
                    arn,
                    changed.traceId.value(),
                    name(),
                    changed.messageId,
                    visibleAgain));
    if (!visibleAgain.isAfter(now)) {
      arrived();
    }
  }

  @Override
  public void purge() {
    Instant now = cloud.now();
    int count;
    synchronized (lock) {
      count = byId.size();
      byId.clear();
      byVisibility.clear();
    }
    cloud.journal().append(seq -> new SqsEvent.QueuePurged(seq, now, arn, name(), count));
  }

  // ---- inspection
  // --------------------------------------------------------------------------------

  @Override
  public List<Message> peek() {
    Instant now = cloud.now();
    synchronized (lock) {
      expire(now);
      return byId.values().stream().map(m -> toMessage(m, null)).toList();
    }
  }

  @Override
  public int approximateNumberOfMessages() {
    Instant now = cloud.now();
    synchronized (lock) {
      expire(now);
      return (int) byId.values().stream().filter(m -> !m.visibleAt.isAfter(now)).count();
    }
  }

  @Override
  public int approximateNumberOfMessagesNotVisible() {
    Instant now = cloud.now();
    synchronized (lock) {
      expire(now);
      return (int) byId.values().stream().filter(m -> m.inFlight(now)).count();
    }
  }

  @Override
  public int approximateNumberOfMessagesDelayed() {
    Instant now = cloud.now();
    synchronized (lock) {
      expire(now);
      return (int) byId.values().stream().filter(m -> m.delayed(now)).count();
    }
  }

  @Override
  public int size() {
    Instant now = cloud.now();
    synchronized (lock) {
      expire(now);
      return byId.size();
    }
  }

  @Override
  public String toString() {
    return "Queue[" + name() + "]";
  }

  // ---- helpers
  // -----------------------------------------------------------------------------------

  /**
   * Drops messages older than the retention period. Applied whenever the queue is read, so an
   * expiry is journaled (with its true instant) when the queue is next touched.
   */
  private void expire(Instant now) {
    Iterator<StoredMessage> it = byId.values().iterator();
    while (it.hasNext()) {
      StoredMessage m = it.next();
      Instant expiry = m.sentAt.plus(spec.messageRetentionPeriod());
      if (expiry.isAfter(now)) {
        return;
      }
      it.remove();
      byVisibility.remove(m);
      cloud
          .journal()
          .append(
              seq ->
                  new SqsEvent.MessageExpired(
                      seq, expiry, arn, m.traceId.value(), name(), m.messageId));
    }
  }

  private Message toMessage(StoredMessage m, String receiptHandle) {
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
    return new Message(
        m.messageId,
        receiptHandle,
        m.body,
        m.md5OfBody,
        attributes,
        m.messageAttributes,
        m.md5OfMessageAttributes);
  }

  /**
   * A receipt handle names the queue, the message and which receive issued it, so a stale handle
   * (issued before a later receive) is recognised without keeping every handle ever issued.
   */
  private String handle(StoredMessage m) {
    long nonce = cloud.randomness().ids().nextLong();
    String raw =
        name() + "\n" + m.messageId + "\n" + m.receiveCount + "\n" + Long.toHexString(nonce);
    return HANDLE_PREFIX
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private record HandleParts(String messageId, int receiveCount) {}

  private HandleParts parse(String receiptHandle) {
    if (receiptHandle != null && receiptHandle.startsWith(HANDLE_PREFIX)) {
      try {
        String raw =
            new String(
                Base64.getUrlDecoder().decode(receiptHandle.substring(HANDLE_PREFIX.length())),
                StandardCharsets.UTF_8);
        String[] parts = raw.split("\n");
        if (parts.length == 4 && parts[0].equals(name())) {
          return new HandleParts(parts[1], Integer.parseInt(parts[2]));
        }
      } catch (IllegalArgumentException e) {
        // Falls through to the error below.
      }
    }
    throw SqsErrors.receiptHandleIsInvalid(receiptHandle);
  }

  private void recordSegment(
      String operation, TraceId traceId, String parentId, Instant at, String messageId) {
    cloud
        .traces()
        .record(
            Segment.builder(traceId, cloud.traces().newSegmentId(), name())
                .origin("AWS::SQS::Queue")
                .parentId(parentId)
                .start(at)
                .end(at)
                .httpStatus(200)
                .annotation("operation", operation)
                .aws("operation", operation)
                .aws("queue_url", url)
                .aws("message_id", messageId)
                .build());
  }
}
