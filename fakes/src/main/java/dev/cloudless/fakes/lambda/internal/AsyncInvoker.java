package dev.cloudless.fakes.lambda.internal;

import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.aws.MessageAttributeValue;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.MessageSink;
import dev.cloudless.fakes.lambda.EventInvokeConfig;
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
 * Lambda's asynchronous path: the internal queue, the retry policy, the dead-letter queue and the
 * destinations.
 *
 * <ul>
 *   <li>A function error or timeout is retried up to {@code MaximumRetryAttempts} times, one minute
 *       after the first failed attempt ends and two minutes after the second.
 *   <li>A throttle or service error is retried with back-off from 1 second, doubling up to 5
 *       minutes, without using up retry attempts.
 *   <li>An event older than {@code MaximumEventAgeInSeconds} when its turn comes is dropped ({@code
 *       EventAgeExceeded}); one out of attempts, {@code RetriesExhausted}. A function with reserved
 *       concurrency 0 drops every event at once, without retries.
 *   <li>A dropped event goes to the dead-letter queue and a record of it to the on-failure
 *       destination, if they are configured; a success sends a record to the on-success one.
 * </ul>
 *
 * <p>The settings come from the event invoke configuration of the qualifier the caller named, as on
 * AWS ({@code $LATEST}'s for an unqualified call).
 */
final class AsyncInvoker {

  static final Duration FIRST_RETRY_DELAY = Duration.ofMinutes(1);
  static final Duration SECOND_RETRY_DELAY = Duration.ofMinutes(2);
  static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
  private static final int MAX_DLQ_MESSAGE_CHARS = 1024;

  private final CloudContext cloud;
  private final LambdaService service;
  private final InvocationEngine engine;
  private final Destinations destinations;

  AsyncInvoker(CloudContext cloud, LambdaService service, InvocationEngine engine) {
    this.cloud = cloud;
    this.service = service;
    this.engine = engine;
    this.destinations = new Destinations(cloud, service);
  }

  /** One queued event and what has happened to it. */
  static final class QueuedEvent {
    final FunctionImpl function;
    final String qualifier;
    final String requestId;
    final byte[] payload;
    final String body;
    final TraceHeader trace;
    final Instant enqueuedAt;
    int invokeCount;
    int backoffs;
    AttemptResult last;
    String lastSegmentId;

    QueuedEvent(
        FunctionImpl function,
        String qualifier,
        String requestId,
        byte[] payload,
        String body,
        TraceHeader trace,
        Instant enqueuedAt) {
      this.function = function;
      this.qualifier = qualifier;
      this.requestId = requestId;
      this.payload = payload;
      this.body = body;
      this.trace = trace;
      this.enqueuedAt = enqueuedAt;
    }

    /** The HTTP status of the last refusal or attempt, as the DLQ's {@code ErrorCode} shows it. */
    int lastStatus() {
      if (last == null) {
        return 429;
      }
      return switch (last.outcome()) {
        case THROTTLED -> 429;
        case SERVICE_ERROR -> 500;
        default -> 200;
      };
    }

    String lastErrorMessage() {
      if (last == null) {
        return "Rate Exceeded.";
      }
      return switch (last.outcome()) {
        case THROTTLED -> "Rate Exceeded.";
        case SERVICE_ERROR -> "The AWS Lambda service encountered an internal error.";
        default -> last.errorMessage();
      };
    }
  }

  /** Queues an event; the caller answers 202. */
  void enqueue(
      InvokeTarget target,
      String qualifier,
      String requestId,
      byte[] payload,
      String body,
      TraceHeader trace) {
    FunctionImpl fn = target.function();
    Instant now = cloud.now();
    QueuedEvent event = new QueuedEvent(fn, qualifier, requestId, payload, body, trace, now);
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

  private EventInvokeConfig config(QueuedEvent event) {
    String key = event.qualifier == null ? FunctionImpl.LATEST : event.qualifier;
    return event.function.eventInvokeConfig(key).orElse(EventInvokeConfig.defaults());
  }

  private void attempt(QueuedEvent event) {
    FunctionImpl fn = event.function;
    Instant now = cloud.now();
    if (Duration.between(event.enqueuedAt, now).compareTo(config(event).maximumEventAge()) > 0) {
      drop(event, "EventAgeExceeded");
      return;
    }
    if (Integer.valueOf(0).equals(fn.reserved())) {
      // Reserved concurrency 0: AWS sends the event on without trying, and without retries.
      drop(event, "RetriesExhausted");
      return;
    }
    InvokeTarget target = service.target(fn, event.qualifier);
    AttemptResult result =
        engine.run(
            new Attempt(
                target,
                event.requestId,
                InvocationType.EVENT,
                event.invokeCount + event.backoffs + 1,
                event.payload,
                event.trace,
                LogType.NONE));
    event.last = result;
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
    switch (result.outcome()) {
      case SUCCEEDED -> {
        event.invokeCount++;
        config(event).onSuccess().ifPresent(arn -> destinations.deliver(event, "Success", arn));
      }
      case THROTTLED, SERVICE_ERROR -> {
        Duration delay = backoff(event.backoffs++);
        retry(
            event,
            result.endedAt().plus(delay),
            result.outcome() == Outcome.THROTTLED ? "Throttled" : "ServiceError");
      }
      case FAILED, TIMED_OUT -> {
        event.invokeCount++;
        if (event.invokeCount > config(event).maximumRetryAttempts()) {
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

  /**
   * Gives up on the event: to the dead-letter queue and the on-failure destination, if any; with
   * neither, it is lost.
   */
  private void drop(QueuedEvent event, String condition) {
    FunctionImpl fn = event.function;
    Instant now = cloud.now();
    String target =
        service.target(fn, event.qualifier).version().configuration().deadLetterTargetArn();
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
    config(event).onFailure().ifPresent(arn -> destinations.deliver(event, condition, arn));
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
    attributes.put("ErrorCode", MessageAttributeValue.number(event.lastStatus()));
    String message = event.lastErrorMessage() == null ? "" : event.lastErrorMessage();
    if (message.length() > MAX_DLQ_MESSAGE_CHARS) {
      message = message.substring(0, MAX_DLQ_MESSAGE_CHARS);
    }
    if (!message.isEmpty()) {
      attributes.put("ErrorMessage", MessageAttributeValue.string(message));
    }
    try {
      sink.get()
          .deliver(
              new MessageSink.InboundMessage(
                  event.body, attributes, continuedTrace(event), cloud.accountId()));
      return Optional.empty();
    } catch (AwsServiceException e) {
      return Optional.of(e.errorCode() + ": " + e.getMessage());
    }
  }

  /** The event's trace, continued from the last attempt's function segment. */
  static TraceHeader continuedTrace(QueuedEvent event) {
    return event.lastSegmentId == null ? event.trace : event.trace.withParent(event.lastSegmentId);
  }
}
