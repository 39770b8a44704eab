package dev.cloudless.fakes.sqs.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.MessageSink;
import dev.cloudless.fakes.internal.PolledQueue;
import dev.cloudless.fakes.journal.Journal;
import dev.cloudless.fakes.sqs.BatchResult;
import dev.cloudless.fakes.sqs.BatchResultErrorEntry;
import dev.cloudless.fakes.sqs.ChangeMessageVisibilityBatchEntry;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * One queue as its users see it: each SQS operation, with AWS's request checks and the fault plan's
 * consultation, handed to the send side ({@link MessageIntake}) or the receive side ({@link
 * MessageDelivery}); batches, attributes, tags, purges and inspection are here.
 */
@API(status = INTERNAL, since = "0.1")
public final class QueueImpl implements Queue, MessageSink, PolledQueue {

  static final long MAX_BATCH_BYTES = 1_048_576;
  static final Duration PURGE_INTERVAL = Duration.ofSeconds(60);

  private final QueueState q;
  private final MessageIntake intake;
  private final MessageDelivery delivery;

  /** Guarded by the queue's lock. */
  private final Map<String, String> tags = new LinkedHashMap<>();

  /** Guarded by the queue's lock. */
  private Instant lastPurgeAt;

  QueueImpl(CloudContext cloud, SqsService service, QueueSpec spec) {
    this.q = new QueueState(cloud, service, spec);
    this.intake = new MessageIntake(q);
    this.delivery = new MessageDelivery(q);
    this.tags.putAll(spec.tags());
  }

  @Override
  public String name() {
    return q.name;
  }

  @Override
  public String url() {
    return q.url;
  }

  @Override
  public String arn() {
    return q.arn;
  }

  @Override
  public Journal journal() {
    return q.cloud.journal();
  }

  @Override
  public QueueSpec spec() {
    return q.spec;
  }

  // ---- send ------------------------------------------------------------------------------------

  @Override
  public SendResult send(String body) {
    return send(SendMessageRequest.body(body));
  }

  @Override
  public SendResult send(SendMessageRequest request) {
    Objects.requireNonNull(request, "request");
    TraceHeader trace =
        request.traceHeader() != null ? request.traceHeader() : q.cloud.currentTrace();
    QueueFaultPoints.failOnServiceError(q, "SendMessage", trace);
    return accept(incoming(request, trace));
  }

  @Override
  public void deliver(InboundMessage message) {
    QueueFaultPoints.failOnServiceError(q, "SendMessage", message.traceHeader());
    accept(
        new MessageIntake.Incoming(
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
    TraceHeader trace = q.cloud.currentTrace();
    QueueFaultPoints.failOnServiceError(q, "SendMessageBatch", trace);
    BatchRules.check(entries, SendMessageBatchEntry::id, "SendMessageBatchRequestEntry");
    QueueSpec s = q.spec;
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

  private MessageIntake.Incoming incoming(SendMessageRequest request, TraceHeader trace) {
    return new MessageIntake.Incoming(
        request.body(),
        request.delay(),
        request.messageAttributes(),
        trace,
        q.cloud.accountId(),
        request.messageGroupId(),
        request.messageDeduplicationId(),
        false);
  }

  /** Every message sent here passes the duplicate-delivery fault point, then the send side. */
  private SendResult accept(MessageIntake.Incoming in) {
    boolean duplicate = !q.fifo() && QueueFaultPoints.duplicateFires(q, in.trace());
    return intake.accept(in, duplicate);
  }

  // ---- receive, delete, visibility -------------------------------------------------------------

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
    MessageDelivery.Plan plan = delivery.plan(request);
    QueueFaultPoints.failOnServiceError(q, "ReceiveMessage", q.cloud.currentTrace());
    return delivery.receive(plan, request);
  }

  @Override
  public void delete(String receiptHandle) {
    QueueFaultPoints.failOnServiceError(q, "DeleteMessage", q.cloud.currentTrace());
    delivery.delete(receiptHandle);
  }

  @Override
  public BatchResult deleteBatch(List<DeleteMessageBatchEntry> entries) {
    QueueFaultPoints.failOnServiceError(q, "DeleteMessageBatch", q.cloud.currentTrace());
    BatchRules.check(entries, DeleteMessageBatchEntry::id, "DeleteMessageBatchRequestEntry");
    List<String> successful = new ArrayList<>();
    List<BatchResultErrorEntry> failed = new ArrayList<>();
    for (DeleteMessageBatchEntry entry : entries) {
      try {
        delivery.delete(entry.receiptHandle());
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
    MessageDelivery.checkVisibilityTimeout(visibilityTimeout);
    QueueFaultPoints.failOnServiceError(q, "ChangeMessageVisibility", q.cloud.currentTrace());
    delivery.changeVisibility(receiptHandle, visibilityTimeout);
  }

  @Override
  public BatchResult changeVisibilityBatch(List<ChangeMessageVisibilityBatchEntry> entries) {
    QueueFaultPoints.failOnServiceError(q, "ChangeMessageVisibilityBatch", q.cloud.currentTrace());
    BatchRules.check(
        entries, ChangeMessageVisibilityBatchEntry::id, "ChangeMessageVisibilityBatchRequestEntry");
    List<String> successful = new ArrayList<>();
    List<BatchResultErrorEntry> failed = new ArrayList<>();
    for (ChangeMessageVisibilityBatchEntry entry : entries) {
      try {
        MessageDelivery.checkVisibilityTimeout(entry.visibilityTimeout());
        delivery.changeVisibility(entry.receiptHandle(), entry.visibilityTimeout());
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
    QueueFaultPoints.failOnServiceError(q, "PurgeQueue", q.cloud.currentTrace());
    Instant now = q.cloud.now();
    int count;
    synchronized (q.lock) {
      if (lastPurgeAt != null && now.isBefore(lastPurgeAt.plus(PURGE_INTERVAL))) {
        throw SqsErrors.purgeQueueInProgress(q.name);
      }
      lastPurgeAt = now;
      count = q.store.clear().size();
      delivery.forgetAttemptsLocked();
    }
    q.cloud.journal().append(seq -> new SqsEvent.QueuePurged(seq, now, q.arn, q.name, count));
  }

  // ---- attributes and tags ---------------------------------------------------------------------

  @Override
  public Map<String, String> attributes() {
    return attributes("All");
  }

  @Override
  public Map<String, String> attributes(String... names) {
    List<String> asked = List.of(names);
    QueueAttributes.checkNames(asked);
    Instant now = q.cloud.now();
    Map<String, String> all = new TreeMap<>(QueueAttributes.configured(q.spec));
    synchronized (q.lock) {
      q.expireLocked(now);
      all.put("ApproximateNumberOfMessages", Integer.toString(q.store.countVisible(now)));
      all.put(
          "ApproximateNumberOfMessagesNotVisible", Integer.toString(q.store.countInFlight(now)));
      all.put("ApproximateNumberOfMessagesDelayed", Integer.toString(q.store.countDelayed(now)));
      all.put("LastModifiedTimestamp", Long.toString(q.lastModifiedAt.getEpochSecond()));
    }
    all.put("CreatedTimestamp", Long.toString(q.createdAt.getEpochSecond()));
    all.put("QueueArn", q.arn);
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
    QueueSpec next = QueueAttributes.parseSet(q.spec, attributes, q.cloud.json());
    q.service.check(next, q.arn);
    Instant now = q.cloud.now();
    synchronized (q.lock) {
      QueueSpec previous = q.spec;
      q.spec = next;
      q.lastModifiedAt = now;
      if (next.fifoQueue() && !next.delay().equals(previous.delay())) {
        // AWS documents the FIFO queue delay as retroactive: waiting messages move with it.
        for (StoredMessage m : q.store.waitingForQueueDelay()) {
          q.store.setVisibleAt(m, m.sentAt.plus(next.delay()));
        }
      }
    }
    q.cloud
        .journal()
        .append(seq -> new SqsEvent.QueueAttributesChanged(seq, now, q.arn, q.name, attributes));
  }

  @Override
  public Map<String, String> tags() {
    synchronized (q.lock) {
      return Map.copyOf(tags);
    }
  }

  @Override
  public void tag(Map<String, String> added) {
    Objects.requireNonNull(added, "tags");
    synchronized (q.lock) {
      QueueTags.check(added, tags);
      tags.putAll(added);
    }
  }

  @Override
  public void untag(Collection<String> tagKeys) {
    Objects.requireNonNull(tagKeys, "tagKeys");
    synchronized (q.lock) {
      tags.keySet().removeAll(tagKeys);
    }
  }

  // ---- inspection ------------------------------------------------------------------------------

  @Override
  public List<Message> peek() {
    Instant now = q.cloud.now();
    synchronized (q.lock) {
      q.expireLocked(now);
      List<Message> all = new ArrayList<>(q.store.size());
      for (StoredMessage m : q.store.all()) {
        all.add(MessageDelivery.toMessage(m, null, null));
      }
      return all;
    }
  }

  @Override
  public int approximateNumberOfMessages() {
    Instant now = q.cloud.now();
    synchronized (q.lock) {
      q.expireLocked(now);
      return q.store.countVisible(now);
    }
  }

  @Override
  public int approximateNumberOfMessagesNotVisible() {
    Instant now = q.cloud.now();
    synchronized (q.lock) {
      q.expireLocked(now);
      return q.store.countInFlight(now);
    }
  }

  @Override
  public int approximateNumberOfMessagesDelayed() {
    Instant now = q.cloud.now();
    synchronized (q.lock) {
      q.expireLocked(now);
      return q.store.countDelayed(now);
    }
  }

  @Override
  public int size() {
    Instant now = q.cloud.now();
    synchronized (q.lock) {
      q.expireLocked(now);
      return q.store.size();
    }
  }

  @Override
  public String toString() {
    return "Queue[" + q.name + "]";
  }

  // ---- as an event source for Lambda -----------------------------------------------------------

  @Override
  public boolean fifo() {
    return q.fifo();
  }

  @Override
  public Duration visibilityTimeout() {
    return q.spec.visibilityTimeout();
  }

  @Override
  public List<PolledMessage> receiveForPoller(int maxNumberOfMessages) {
    return delivery.receiveForPoller(maxNumberOfMessages);
  }

  @Override
  public void addArrivalListener(Runnable listener) {
    q.arrivalListeners.add(listener);
  }

  @Override
  public void removeArrivalListener(Runnable listener) {
    q.arrivalListeners.remove(listener);
  }

  @Override
  public Optional<Instant> nextReceivableAt() {
    return Optional.ofNullable(delivery.nextVisibleAfterNow());
  }

  // ---- for other queues, the service and move tasks --------------------------------------------

  /** A message a source queue's receive moved here; see {@link MessageIntake#acceptDeadLetter}. */
  void acceptDeadLetter(StoredMessage original, String sourceArn) {
    intake.acceptDeadLetter(original, sourceArn);
  }

  /** Empties the queue as it is deleted; returns how many messages it held. */
  int drop() {
    synchronized (q.lock) {
      return q.store.clear().size();
    }
  }

  /** Removes and returns the oldest visible message, for a move task; null if none is visible. */
  StoredMessage takeForMove() {
    Instant now = q.cloud.now();
    synchronized (q.lock) {
      q.expireLocked(now);
      StoredMessage m = q.store.firstVisible(now);
      if (m != null) {
        q.store.remove(m);
      }
      return m;
    }
  }

  /** Puts back a message a move task could not move. */
  void restore(StoredMessage m) {
    synchronized (q.lock) {
      q.store.add(m);
    }
    q.arrived();
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
    QueueFaultPoints.failOnServiceError(q, "SendMessage", trace);
    return accept(
            new MessageIntake.Incoming(
                m.body,
                null,
                m.messageAttributes,
                trace,
                m.senderId,
                m.messageGroupId,
                null,
                q.fifo()))
        .messageId();
  }
}
