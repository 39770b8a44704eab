package dev.cloudless.fakes.lambda.internal;

import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.aws.MessageAttributeValue;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.MessageSink;
import dev.cloudless.fakes.lambda.Invocation.Outcome;
import dev.cloudless.fakes.lambda.InvocationType;
import dev.cloudless.fakes.lambda.LambdaEvent;
import dev.cloudless.fakes.lambda.LogType;
import dev.cloudless.trace.TraceHeader;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lambda's asynchronous path: the internal queue, the retry policy and the dead-letter queue.
 *
 * <ul>
 *   <li>A function error or timeout is retried up to {@code MaximumRetryAttempts} times, one minute
 *       after the first failure and two minutes after the second.
 *   <li>A throttle or service error is retried with back-off from 1 second, doubling up to 5
 *       minutes, without using up retry attempts.
 *   <li>An event older than {@code MaximumEventAgeInSeconds} when its turn comes is dropped ({@code
 *       EventAgeExceeded}); one out of attempts, {@code RetriesExhausted}. Either way it goes to
 *       the dead-letter queue if one is configured, else it is lost.
 * </ul>
 */
final class AsyncInvoker {

  static final Duration FIRST_RETRY_DELAY = Duration.ofMinutes(1);
  static final Duration SECOND_RETRY_DELAY = Duration.ofMinutes(2);
  static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
  private static final int MAX_DLQ_MESSAGE_CHARS = 1024;

  private final CloudContext cloud;
  private final InvocationEngine engine;

  AsyncInvoker(CloudContext cloud, InvocationEngine engine) {
    this.cloud = cloud;
    this.engine = engine;
  }

  /** One queued event and what has happened to it. */
  private static final class QueuedEvent {
    final FunctionImpl function;
    final String requestId;
    final byte[] payload;
    final String body;
    final TraceHeader trace;
    final String invokedArn;
    final Instant enqueuedAt;
    int invokeCount;
    int backoffs;
    int lastStatus = 200;
    String lastErrorMessage;
    String lastSegmentId;

    QueuedEvent(
        FunctionImpl function,
        String requestId,
        byte[] payload,
        String body,
        TraceHeader trace,
        String invokedArn,
        Instant enqueuedAt) {
      this.function = function;
      this.requestId = requestId;
      this.payload = payload;
      this.body = body;
      this.trace = trace;
      this.invokedArn = invokedArn;
      this.enqueuedAt = enqueuedAt;
    }
  }

  /** Queues an event; the caller answers 202. */
  void enqueue(
      FunctionImpl fn,
      String requestId,
      byte[] payload,
      String body,
      TraceHeader trace,
      String invokedArn) {
    Instant now = cloud.now();
    QueuedEvent event = new QueuedEvent(fn, requestId, payload, body, trace, invokedArn, now);
    cloud
        .journal()
        .append(
            seq ->
                new LambdaEvent.AsyncInvokeQueued(
                    seq, now, fn.arn(), trace.root().value(), fn.name(), requestId, body));
    cloud
        .scheduler()
        .schedule(Duration.ZERO, "async invoke " + fn.name() + " attempt 1", () -> attempt(event));
  }

  private void attempt(QueuedEvent event) {
    FunctionImpl fn = event.function;
    Instant now = cloud.now();
    Duration age = Duration.between(event.enqueuedAt, now);
    if (age.compareTo(fn.configuration().maximumEventAge()) > 0) {
      drop(event, "EventAgeExceeded");
      return;
    }
    AttemptResult result =
        engine.run(
            new Attempt(
                fn,
                event.requestId,
                InvocationType.EVENT,
                event.invokeCount + event.backoffs + 1,
                event.payload,
                event.trace,
                event.invokedArn,
                LogType.NONE));
    if (result.functionSegmentId() != null) {
      event.lastSegmentId = result.functionSegmentId();
    }
    // Lambda decides what happens next when the attempt ends, at the end of its virtual duration.
    cloud
        .scheduler()
        .scheduleAt(
            result.endedAt(),
            "async invoke "
                + fn.name()
                + " attempt "
                + result.outcome().name().toLowerCase()
                + " ends",
            () -> afterAttempt(event, result));
  }

  private void afterAttempt(QueuedEvent event, AttemptResult result) {
    FunctionImpl fn = event.function;
    switch (result.outcome()) {
      case SUCCEEDED -> {
        event.invokeCount++;
      }
      case THROTTLED, SERVICE_ERROR -> {
        event.lastStatus = result.outcome() == Outcome.THROTTLED ? 429 : 500;
        event.lastErrorMessage =
            result.outcome() == Outcome.THROTTLED
                ? "Rate Exceeded."
                : "The AWS Lambda service encountered an internal error.";
        Duration delay = backoff(event.backoffs++);
        retry(
            event,
            result.endedAt().plus(delay),
            result.outcome() == Outcome.THROTTLED ? "Throttled" : "ServiceError");
      }
      case FAILED, TIMED_OUT -> {
        event.invokeCount++;
        event.lastStatus = 200;
        event.lastErrorMessage = result.errorMessage();
        if (event.invokeCount > fn.configuration().maximumRetryAttempts()) {
          drop(event, "RetriesExhausted");
        } else {
          Duration delay = event.invokeCount == 1 ? FIRST_RETRY_DELAY : SECOND_RETRY_DELAY;
          retry(event, result.endedAt().plus(delay), "FunctionError");
        }
      }
    }
  }

  private static Duration backoff(int previousBackoffs) {
    Duration delay = MIN_BACKOFF.multipliedBy(1L << Math.min(previousBackoffs, 20));
    return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
  }

  private void retry(QueuedEvent event, Instant dueAt, String cause) {
    FunctionImpl fn = event.function;
    Instant now = cloud.now();
    int next = event.invokeCount + event.backoffs + 1;
    cloud
        .journal()
        .append(
            seq ->
                new LambdaEvent.AsyncRetryScheduled(
                    seq,
                    now,
                    fn.arn(),
                    event.trace.root().value(),
                    fn.name(),
                    event.requestId,
                    next,
                    dueAt,
                    cause));
    cloud
        .scheduler()
        .scheduleAt(
            dueAt,
            "async invoke " + fn.name() + " attempt " + next + " (" + cause + ")",
            () -> attempt(event));
  }

  /** Gives up on the event: to the dead-letter queue if there is one, else it is lost. */
  private void drop(QueuedEvent event, String condition) {
    FunctionImpl fn = event.function;
    Instant now = cloud.now();
    String target = fn.configuration().deadLetterTargetArn();
    String error = null;
    if (target != null) {
      error = deliverToDeadLetterQueue(event, target).orElse(null);
    }
    String deliveryError = error;
    cloud
        .journal()
        .append(
            seq ->
                new LambdaEvent.AsyncEventDropped(
                    seq,
                    now,
                    fn.arn(),
                    event.trace.root().value(),
                    fn.name(),
                    event.requestId,
                    condition,
                    event.invokeCount,
                    target,
                    deliveryError));
  }

  /**
   * Sends the unchanged event to the dead-letter queue with AWS's attributes: {@code RequestID},
   * {@code ErrorCode} (the HTTP status, a Number: 200 for a function error) and {@code
   * ErrorMessage} (its first 1 KB). Returns why delivery failed, if it did.
   */
  private Optional<String> deliverToDeadLetterQueue(QueuedEvent event, String targetArn) {
    Optional<MessageSink> sink = cloud.resources().sink(targetArn);
    if (sink.isEmpty()) {
      return Optional.of("target " + targetArn + " does not exist");
    }
    Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
    attributes.put("RequestID", MessageAttributeValue.string(event.requestId));
    attributes.put("ErrorCode", MessageAttributeValue.number(event.lastStatus));
    String message = event.lastErrorMessage == null ? "" : event.lastErrorMessage;
    if (message.length() > MAX_DLQ_MESSAGE_CHARS) {
      message = message.substring(0, MAX_DLQ_MESSAGE_CHARS);
    }
    if (!message.isEmpty()) {
      attributes.put("ErrorMessage", MessageAttributeValue.string(message));
    }
    TraceHeader trace =
        event.lastSegmentId == null ? event.trace : event.trace.withParent(event.lastSegmentId);
    try {
      sink.get()
          .deliver(
              new MessageSink.InboundMessage(event.body, attributes, trace, cloud.accountId()));
      return Optional.empty();
    } catch (AwsServiceException e) {
      return Optional.of(e.errorCode() + ": " + e.getMessage());
    }
  }
}
