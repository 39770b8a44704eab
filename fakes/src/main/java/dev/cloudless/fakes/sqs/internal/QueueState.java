package dev.cloudless.fakes.sqs.internal;

import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.sqs.QueueSpec;
import dev.cloudless.fakes.sqs.SqsEvent;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the parts of one queue share: who it is, its attributes now, and its messages under one
 * lock. The send side ({@link MessageIntake}) and the receive side ({@link MessageDelivery}) work
 * on it; {@link QueueImpl} is the face they show.
 *
 * <p>Nothing else (faults, other queues) is called while holding the lock, so that queues redriving
 * into each other never deadlock; only the journal is, which never calls back.
 */
final class QueueState {

  final CloudContext cloud;
  final SqsService service;
  final String name;
  final String url;
  final String arn;
  final Instant createdAt;
  final SqsTraces traces;
  final Object lock = new Object();
  final MessageStore store;

  /** The attributes now: replaced whole by {@code SetQueueAttributes}. */
  volatile QueueSpec spec;

  /** Guarded by {@link #lock}. */
  Instant lastModifiedAt;

  /** Told when messages may have become receivable: Lambda's event source pollers. */
  final List<Runnable> arrivalListeners = new CopyOnWriteArrayList<>();

  private long nextKey;
  private long nextSequenceNumber;

  QueueState(CloudContext cloud, SqsService service, QueueSpec spec) {
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
  }

  /**
   * Tells the listeners that messages may be receivable now. Called outside the lock: a listener
   * schedules a poll, which reads the queue.
   */
  void arrived() {
    for (Runnable listener : arrivalListeners) {
      listener.run();
    }
  }

  boolean fifo() {
    return spec.fifoQueue();
  }

  /** The next arrival key. Called holding the lock. */
  long nextKeyLocked() {
    return ++nextKey;
  }

  /**
   * The next FIFO {@code SequenceNumber}: a large number that grows in send order, 20 digits like
   * AWS's. AWS's are not consecutive; nothing may rely on their gaps, so consecutive ones serve.
   * Called holding the lock.
   */
  String nextSequenceNumberLocked() {
    return "18" + String.format("%018d", ++nextSequenceNumber);
  }

  /**
   * Drops messages older than the retention period, which applies to messages already queued when
   * it changes. Applied whenever the queue is read, so an expiry is journaled (with its true
   * instant) when the queue is next touched. Called holding the lock.
   */
  void expireLocked(Instant now) {
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
}
