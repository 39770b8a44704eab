package dev.cloudless.fakes.lambda.internal.esm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.clock.ScheduledAction;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.FunctionInvoker.ServiceInvocation;
import dev.cloudless.fakes.internal.PolledQueue;
import dev.cloudless.fakes.internal.PolledQueue.PolledMessage;
import dev.cloudless.fakes.lambda.EventSourceMappingSpec;
import dev.cloudless.fakes.lambda.LambdaEvent;
import dev.cloudless.fakes.lambda.LambdaEvent.BatchOutcome;
import dev.cloudless.trace.TraceHeader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lambda's poller for one SQS event source mapping: receives batches, invokes the function
 * synchronously, deletes what the function handled, and scales the number of batches in flight.
 *
 * <p>On AWS the pollers long-poll the queue without pause. Here the poller runs only when something
 * can have changed: a message arrived (the queue tells it), a message's visibility timeout or delay
 * ends (it sets a timer for the earliest), a batch finished, or its concurrency grew. So an idle
 * queue costs no events, and {@code runUntilIdle()} ends once every message is handled.
 *
 * <p>Behaviour from the AWS Lambda developer guide ("Using Lambda with Amazon SQS", "Configuring
 * scaling behavior", "Handling errors for an SQS event source") and AWS-SEMANTICS.md 2.4:
 *
 * <ul>
 *   <li>A batch holds up to {@code BatchSize} messages; with a batching window, the poller keeps
 *       receiving until the batch is full, the window ends, or the event would pass 6 MB.
 *   <li>On success every message is deleted; on a function error nothing is, and the whole batch
 *       reappears when its visibility timeout ends; with {@code ReportBatchItemFailures} only the
 *       reported messages stay.
 *   <li>It starts with 5 batches at once and adds up to 300 a minute while messages wait, up to
 *       1,000 or the mapping's {@code MaximumConcurrency}. The function's own concurrency limits
 *       apply on top: a throttled batch is retried with back-off while its messages are still
 *       invisible, then left to reappear. Nothing is lost.
 * </ul>
 */
final class SqsPoller {

  static final int MAX_EVENT_BYTES = 6_291_456;
  static final int INITIAL_CONCURRENCY = 5;
  static final int SCALE_UP_PER_MINUTE = 300;
  static final int DEFAULT_MAXIMUM_CONCURRENCY = 1000;
  static final Duration VISIBILITY_MARGIN = Duration.ofSeconds(30);
  static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
  private static final long MILLIS_PER_SCALE_STEP = 60_000L / SCALE_UP_PER_MINUTE;

  private final CloudContext cloud;
  private final Mapping mapping;
  private final PolledQueue queue;
  private final SqsEventRecords records;
  private final Runnable arrival = this::wake;
  private final String queueName;

  // Guarded by this: touched by whoever sends to the queue, on any thread.
  private boolean running;
  private boolean pollScheduled;

  // Touched only by scheduled events, which run one at a time.
  private int batchesInFlight;
  private Instant backlogSince;
  private Batch gathering;
  private ScheduledAction timer;

  SqsPoller(CloudContext cloud, Mapping mapping, PolledQueue queue) {
    this.cloud = cloud;
    this.mapping = mapping;
    this.queue = queue;
    this.records = new SqsEventRecords(cloud.json(), queue.arn());
    this.queueName = queue.arn().substring(queue.arn().lastIndexOf(':') + 1);
  }

  void start() {
    synchronized (this) {
      if (running) {
        return;
      }
      running = true;
    }
    queue.addArrivalListener(arrival);
    wake();
  }

  void stop() {
    ScheduledAction pending;
    synchronized (this) {
      if (!running) {
        return;
      }
      running = false;
      pending = timer;
      timer = null;
    }
    queue.removeArrivalListener(arrival);
    if (pending != null) {
      pending.cancel();
    }
  }

  private boolean running() {
    synchronized (this) {
      return running;
    }
  }

  /** Something may be receivable: poll at this instant, once however many things changed. */
  private void wake() {
    synchronized (this) {
      if (!running || pollScheduled) {
        return;
      }
      pollScheduled = true;
    }
    cloud
        .scheduler()
        .schedule(
            Duration.ZERO, "poll " + queueName + " for " + mapping.functionName(), this::poll);
  }

  private void poll() {
    synchronized (this) {
      pollScheduled = false;
    }
    if (!running()) {
      return;
    }
    while (true) {
      EventSourceMappingSpec spec = mapping.spec();
      if (gathering != null) {
        if (!fill(gathering, spec)) {
          break;
        }
        continue;
      }
      if (batchesInFlight >= concurrencyLimit(spec)) {
        break;
      }
      List<PolledMessage> first = queue.receiveForPoller(Math.min(10, spec.batchSize()));
      if (first.isEmpty()) {
        if (batchesInFlight == 0) {
          backlogSince = null;
        }
        break;
      }
      if (backlogSince == null) {
        backlogSince = cloud.now();
      }
      batchesInFlight++;
      Batch batch = new Batch(spec);
      batch.add(first);
      if (spec.maximumBatchingWindow().isZero()) {
        invoke(batch);
        continue;
      }
      gathering = batch;
      batch.flush =
          cloud
              .scheduler()
              .scheduleAt(
                  cloud.now().plus(spec.maximumBatchingWindow()),
                  "batching window of " + queueName + " for " + mapping.functionName() + " ends",
                  () -> windowEnded(batch));
      if (!fill(batch, spec)) {
        break;
      }
    }
    rearmTimer();
  }

  /**
   * Receives into the batch being gathered; sends it once it is full.
   *
   * @return whether the batch was sent
   */
  private boolean fill(Batch batch, EventSourceMappingSpec spec) {
    while (batch.size() < spec.batchSize() && !batch.full) {
      List<PolledMessage> more =
          queue.receiveForPoller(Math.min(10, spec.batchSize() - batch.size()));
      if (more.isEmpty()) {
        break;
      }
      batch.add(more);
    }
    if (batch.size() < spec.batchSize() && !batch.full) {
      return false;
    }
    gathering = null;
    batch.flush.cancel();
    invoke(batch);
    return true;
  }

  private void windowEnded(Batch batch) {
    if (gathering != batch) {
      return;
    }
    gathering = null;
    invoke(batch);
    poll();
  }

  /**
   * How many batches may be in flight: 5 at first, then 300 more a minute while messages keep
   * waiting, up to the mapping's maximum concurrency or 1,000.
   */
  private int concurrencyLimit(EventSourceMappingSpec spec) {
    int cap =
        spec.maximumConcurrency() != null ? spec.maximumConcurrency() : DEFAULT_MAXIMUM_CONCURRENCY;
    if (backlogSince == null) {
      return Math.min(INITIAL_CONCURRENCY, cap);
    }
    long steps = Duration.between(backlogSince, cloud.now()).toMillis() / MILLIS_PER_SCALE_STEP;
    return (int) Math.min(cap, INITIAL_CONCURRENCY + steps);
  }

  /** When the concurrency limit next grows, if the poller is waiting for it. */
  private Optional<Instant> nextScaleStep(EventSourceMappingSpec spec) {
    int limit = concurrencyLimit(spec);
    int cap =
        spec.maximumConcurrency() != null ? spec.maximumConcurrency() : DEFAULT_MAXIMUM_CONCURRENCY;
    if (backlogSince == null || batchesInFlight < limit || limit >= cap || gathering != null) {
      return Optional.empty();
    }
    long step = limit - INITIAL_CONCURRENCY + 1;
    return Optional.of(backlogSince.plusMillis(step * MILLIS_PER_SCALE_STEP));
  }

  /**
   * Keeps one timer, at the earliest instant a poll could find something new: a message becoming
   * visible again, a delay ending, or the concurrency limit growing.
   */
  private void rearmTimer() {
    if (!running()) {
      return;
    }
    Optional<Instant> next = queue.nextReceivableAt();
    Optional<Instant> scale = nextScaleStep(mapping.spec());
    if (scale.isPresent() && (next.isEmpty() || scale.get().isBefore(next.get()))) {
      next = scale;
    }
    if (timer != null && (next.isEmpty() || !timer.dueAt().equals(next.get()))) {
      timer.cancel();
      timer = null;
    }
    if (next.isPresent() && timer == null) {
      timer =
          cloud
              .scheduler()
              .scheduleAt(
                  next.get(),
                  "poll " + queueName + " for " + mapping.functionName() + " when messages return",
                  () -> {
                    timer = null;
                    poll();
                  });
    }
  }

  // ---- invoking ---------------------------------------------------------------------------------

  private void invoke(Batch batch) {
    String event = SqsEventRecords.event(batch.records);
    ServiceInvocation answer;
    try {
      answer =
          cloud
              .resources()
              .functions()
              .invoke(mapping.functionArn(), null, "RequestResponse", event, batch.trace);
    } catch (AwsServiceException refused) {
      refused(batch, refused);
      return;
    }
    cloud
        .scheduler()
        .scheduleAt(
            answer.endedAt(),
            "batch of " + queueName + " for " + mapping.functionName() + " returns",
            () -> completed(batch, answer));
  }

  /**
   * Lambda refused the invoke. A throttle or a Lambda service error is retried with back-off while
   * the messages are still invisible (AWS: "Lambda continues to retry the message until the
   * message's timestamp exceeds your queue's visibility timeout"); anything else, such as a deleted
   * function, returns the batch to the queue.
   */
  private void refused(Batch batch, AwsServiceException refused) {
    String reason = refused.errorCode() + ": " + refused.getMessage();
    boolean retriable =
        refused.errorCode().equals("TooManyRequestsException") || refused.statusCode() >= 500;
    if (retriable) {
      Instant retryAt = cloud.now().plus(backoff(batch.refusals++));
      if (retryAt.isBefore(batch.visibleAgainAt) && running()) {
        cloud
            .scheduler()
            .scheduleAt(
                retryAt,
                "retry throttled batch of " + queueName + " for " + mapping.functionName(),
                () -> invoke(batch));
        return;
      }
      finish(batch, null, BatchOutcome.THROTTLED, batch.ids(), reason);
      return;
    }
    finish(batch, null, BatchOutcome.FAILED, batch.ids(), reason);
  }

  private static Duration backoff(int previousRefusals) {
    Duration delay = MIN_BACKOFF.multipliedBy(1L << Math.min(previousRefusals, 20));
    return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
  }

  private void completed(Batch batch, ServiceInvocation answer) {
    if (answer.functionError() != null) {
      finish(batch, answer.requestId(), BatchOutcome.FAILED, batch.ids(), errorOf(answer));
      return;
    }
    if (!batch.spec.reportsBatchItemFailures()) {
      deleteAll(batch, Set.of());
      finish(batch, answer.requestId(), BatchOutcome.SUCCEEDED, List.of(), null);
      return;
    }
    BatchResponse.Reading reading =
        BatchResponse.read(cloud.json(), answer.payload(), new HashSet<>(batch.ids()));
    if (reading.invalid()) {
      finish(batch, answer.requestId(), BatchOutcome.FAILED, batch.ids(), reading.invalidReason());
      return;
    }
    deleteAll(batch, reading.failedIds());
    List<String> returned = new ArrayList<>();
    for (String id : batch.ids()) {
      if (reading.failedIds().contains(id)) {
        returned.add(id);
      }
    }
    finish(
        batch,
        answer.requestId(),
        returned.isEmpty() ? BatchOutcome.SUCCEEDED : BatchOutcome.PARTIALLY_FAILED,
        returned,
        returned.isEmpty() ? null : "reported by the function");
  }

  private void deleteAll(Batch batch, Set<String> except) {
    for (PolledMessage message : batch.messages) {
      if (!except.contains(message.messageId())) {
        queue.delete(message.receiptHandle());
      }
    }
  }

  private String errorOf(ServiceInvocation answer) {
    try {
      JsonNode error = cloud.json().readTree(answer.payload());
      String type = error.path("errorType").asText("");
      String message = error.path("errorMessage").asText("");
      return type.isEmpty() ? "function error" : type + ": " + message;
    } catch (Exception notJson) {
      return "function error";
    }
  }

  private void finish(
      Batch batch, String requestId, BatchOutcome outcome, List<String> returned, String reason) {
    cloud
        .journal()
        .append(
            seq ->
                new LambdaEvent.EventSourceBatchProcessed(
                    seq,
                    cloud.now(),
                    mapping.unqualifiedFunctionArn(),
                    batch.trace.root().value(),
                    mapping.functionName(),
                    mapping.uuid(),
                    queue.arn(),
                    requestId,
                    batch.ids(),
                    outcome,
                    returned,
                    reason));
    batchesInFlight--;
    wake();
  }

  // ---- batches ----------------------------------------------------------------------------------

  /** The messages of one invocation, with their records serialized as they were received. */
  private final class Batch {
    final EventSourceMappingSpec spec;
    final List<PolledMessage> messages = new ArrayList<>();
    final List<String> records = new ArrayList<>();
    int bytes = SqsEventRecords.ENVELOPE_BYTES;
    boolean full;
    Instant visibleAgainAt;
    ScheduledAction flush;
    int refusals;
    TraceHeader trace;

    Batch(EventSourceMappingSpec spec) {
      this.spec = spec;
    }

    int size() {
      return messages.size();
    }

    List<String> ids() {
      List<String> ids = new ArrayList<>(messages.size());
      for (PolledMessage message : messages) {
        ids.add(message.messageId());
      }
      return ids;
    }

    /**
     * Adds received messages. One that would take the event past 6 MB is made visible again at once
     * for a later batch, and the batch counts as full.
     */
    void add(List<PolledMessage> received) {
      Duration visibility = effectiveVisibility();
      boolean extend = visibility.compareTo(queue.visibilityTimeout()) > 0;
      for (PolledMessage message : received) {
        String record = records(message);
        int added = SqsEventRecords.size(record) + (records.isEmpty() ? 0 : 1);
        if (!records.isEmpty() && bytes + added > MAX_EVENT_BYTES) {
          queue.changeVisibility(message.receiptHandle(), Duration.ZERO);
          full = true;
          continue;
        }
        if (extend) {
          queue.changeVisibility(message.receiptHandle(), visibility);
        }
        messages.add(message);
        records.add(record);
        bytes += added;
        Instant until = cloud.now().plus(visibility);
        if (visibleAgainAt == null || until.isBefore(visibleAgainAt)) {
          visibleAgainAt = until;
        }
        if (trace == null) {
          trace = message.trace();
        }
      }
    }

    private String records(PolledMessage message) {
      return SqsPoller.this.records.record(message);
    }

    /**
     * With a batching window longer than the queue's visibility timeout allows for, Lambda keeps
     * the messages invisible for window + function timeout + 30 seconds (AWS-SEMANTICS.md 2.4).
     */
    private Duration effectiveVisibility() {
      Duration needed = spec.maximumBatchingWindow().plus(mapping.functionTimeout());
      Duration visibility = queue.visibilityTimeout();
      return needed.compareTo(visibility) > 0 ? needed.plus(VISIBILITY_MARGIN) : visibility;
    }
  }
}
