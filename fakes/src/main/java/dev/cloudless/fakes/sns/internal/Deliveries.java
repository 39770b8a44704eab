package dev.cloudless.fakes.sns.internal;

import dev.cloudless.fakes.aws.Arn;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.aws.MessageAttributeValue;
import dev.cloudless.fakes.faults.FaultEffect;
import dev.cloudless.fakes.faults.FaultTarget;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.MessageSink;
import dev.cloudless.fakes.lambda.FakeLambda;
import dev.cloudless.fakes.lambda.InvocationType;
import dev.cloudless.fakes.lambda.InvokeRequest;
import dev.cloudless.fakes.sns.SnsEvent;
import dev.cloudless.trace.Segment;
import dev.cloudless.trace.TraceHeader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers accepted messages to subscriptions, one scheduled event per attempt: to SQS through the
 * registry of message sinks, to Lambda as an asynchronous invocation, to HTTP/S as a real POST.
 * Server-side failures are retried by the subscription's policy; client-side ones are not. What
 * cannot be delivered goes to the subscription's dead-letter queue, or is discarded.
 */
final class Deliveries {

  /** The {@code SenderId} SQS shows for messages SNS delivers. */
  static final String SNS_SENDER_ID = "AIDAIT2UOQQY3AUEKVGXU";

  static final String USER_AGENT = "Amazon Simple Notification Service Agent";

  /** AWS waits 15 seconds for an HTTP/S endpoint. */
  static final Duration HTTP_TIMEOUT = Duration.ofSeconds(15);

  /** Failed attempts past this number are journaled but not traced, to keep long runs light. */
  private static final int TRACED_FAILURES = 20;

  private final SnsService sns;
  private final CloudContext cloud;
  private final FakeLambda lambda;
  private final Envelopes envelopes;
  private HttpClient http;

  Deliveries(SnsService sns, CloudContext cloud, FakeLambda lambda, Envelopes envelopes) {
    this.sns = sns;
    this.cloud = cloud;
    this.lambda = lambda;
    this.envelopes = envelopes;
  }

  /** What one attempt came to. */
  private record Outcome(boolean delivered, boolean retryable, String error) {
    static final Outcome OK = new Outcome(true, false, null);

    static Outcome retry(String error) {
      return new Outcome(false, true, error);
    }

    static Outcome permanent(String error) {
      return new Outcome(false, false, error);
    }
  }

  /** One message on its way to one subscription. */
  private final class Delivery {
    final TopicImpl topic;
    final SubscriptionImpl subscription;
    final Published message;
    final RetryPolicy policy;
    int attempts;
    String payload;

    Delivery(TopicImpl topic, SubscriptionImpl subscription, Published message) {
      this.topic = topic;
      this.subscription = subscription;
      this.message = message;
      this.policy =
          subscription.isHttp()
              ? RetryPolicy.http(
                  subscription.attribute("DeliveryPolicy"),
                  topic.attribute("DeliveryPolicy"),
                  cloud.json())
              : RetryPolicy.awsManaged();
    }
  }

  /** Schedules the first attempt, at the current instant. */
  void start(TopicImpl topic, SubscriptionImpl subscription, Published message) {
    Delivery delivery = new Delivery(topic, subscription, message);
    schedule(delivery, Duration.ZERO);
  }

  private void schedule(Delivery d, Duration delay) {
    cloud
        .scheduler()
        .schedule(
            delay,
            "sns "
                + d.topic.name()
                + " -> "
                + d.subscription.protocol()
                + " attempt "
                + (d.attempts + 1),
            () -> attempt(d));
  }

  private void attempt(Delivery d) {
    SubscriptionImpl sub = d.subscription;
    if (sub.isDeleted() || d.topic.isDeleted()) {
      finish(d, "subscription deleted before delivery", false);
      return;
    }
    Instant now = cloud.now();
    if (sub.isHttp() && d.policy.maxReceivesPerSecond() > 0) {
      Instant slot = sub.takeSlot(now, d.policy.maxReceivesPerSecond());
      if (slot.isAfter(now)) {
        // Held back by the throttle policy: the attempt waits for its slot, uncounted.
        cloud.scheduler().scheduleAt(slot, "sns throttled delivery", () -> run(d));
        return;
      }
    }
    run(d);
  }

  private void run(Delivery d) {
    SubscriptionImpl sub = d.subscription;
    Instant now = cloud.now();
    int attempt = ++d.attempts;
    if (d.payload == null) {
      d.payload = payload(d);
    }
    Outcome outcome = faults(d);
    if (outcome == null) {
      outcome =
          switch (sub.protocol()) {
            case "sqs" -> toQueue(d);
            case "lambda" -> toFunction(d);
            default -> toUrl(d);
          };
    }
    if (outcome.delivered()) {
      String payload = d.payload;
      cloud
          .journal()
          .append(
              seq ->
                  new SnsEvent.MessageDelivered(
                      seq,
                      now,
                      sub.arn(),
                      d.message.traceId(),
                      d.topic.arn(),
                      sub.protocol(),
                      sub.endpoint(),
                      d.message.messageId(),
                      "Notification",
                      attempt,
                      payload));
      return;
    }
    Duration delay = outcome.retryable() ? d.policy.delayBefore(attempt) : null;
    Instant next = delay == null ? null : now.plus(delay);
    Outcome failed = outcome;
    cloud
        .journal()
        .append(
            seq ->
                new SnsEvent.DeliveryFailed(
                    seq,
                    now,
                    sub.arn(),
                    d.message.traceId(),
                    d.topic.arn(),
                    sub.protocol(),
                    sub.endpoint(),
                    d.message.messageId(),
                    attempt,
                    failed.error(),
                    failed.retryable(),
                    next));
    if (attempt <= TRACED_FAILURES || delay == null) {
      traceFailure(d, now, outcome);
    }
    if (delay != null) {
      schedule(d, delay);
    } else {
      finish(d, outcome.error(), true);
    }
  }

  /** An injected fault on the topic or subscription replaces the attempt. */
  private Outcome faults(Delivery d) {
    if (cloud.faults().isEmpty()) {
      return null;
    }
    List<FaultEffect> effects =
        cloud.faults().consult(t -> targets(t, d), d.subscription.arn(), d.message.traceId());
    for (FaultEffect e : effects) {
      if (e instanceof FaultEffect.ClientError) {
        return Outcome.permanent("ClientError: injected client-side error");
      }
      if (e instanceof FaultEffect.ServiceError) {
        return Outcome.retry("ServiceError: injected server-side error");
      }
    }
    return null;
  }

  private static boolean targets(FaultTarget target, Delivery d) {
    if (target instanceof FaultTarget.OnTopic t) {
      return t.topicName().equals(d.topic.name()) || t.topicName().equals(d.topic.arn());
    }
    if (target instanceof FaultTarget.OnSubscription s) {
      return s.subscription().equals(d.subscription.arn())
          || s.subscription().equals(d.subscription.endpoint());
    }
    return false;
  }

  // ---- endpoints -------------------------------------------------------------------------------

  private Envelopes.Notification notification(Delivery d, String protocol) {
    return new Envelopes.Notification(
        d.message.messageId(),
        d.message.sequenceNumber(),
        d.topic.arn(),
        d.message.subject(),
        d.message.messageFor(protocol),
        d.message.timestamp(),
        d.message.attributes(),
        signatureVersion(d.topic));
  }

  static String signatureVersion(TopicImpl topic) {
    String v = topic.attribute("SignatureVersion");
    return v == null ? "1" : v;
  }

  /**
   * What the endpoint receives, built once: retries carry the same message id, timestamp and
   * signature.
   */
  private String payload(Delivery d) {
    SubscriptionImpl sub = d.subscription;
    return switch (sub.protocol()) {
      case "sqs" -> queueBody(d);
      case "lambda" -> envelopes.lambdaEvent(notification(d, "lambda"), sub.arn());
      default ->
          sub.raw()
              ? d.message.messageFor(sub.protocol())
              : envelopes.notification(notification(d, sub.protocol()), sub.arn());
    };
  }

  /** The body SQS receives: the message alone (raw) or the envelope. */
  private String queueBody(Delivery d) {
    return d.subscription.raw()
        ? d.message.messageFor("sqs")
        : envelopes.notification(notification(d, "sqs"), d.subscription.arn());
  }

  private MessageSink.InboundMessage inbound(Delivery d, String body, boolean withAttributes) {
    Map<String, MessageAttributeValue> attributes =
        withAttributes ? d.message.attributes() : Map.of();
    return new MessageSink.InboundMessage(
        body,
        attributes,
        d.message.trace(),
        SNS_SENDER_ID,
        d.message.subject(),
        d.message.messageGroupId(),
        d.message.messageDeduplicationId());
  }

  private Outcome toQueue(Delivery d) {
    Optional<MessageSink> queue = cloud.resources().sink(d.subscription.endpoint());
    if (queue.isEmpty()) {
      return Outcome.permanent(
          "AWS.SimpleQueueService.NonExistentQueue: queue "
              + d.subscription.endpoint()
              + " does not exist");
    }
    try {
      queue.get().deliver(inbound(d, d.payload, d.subscription.raw()));
      return Outcome.OK;
    } catch (AwsServiceException e) {
      return failure(e);
    }
  }

  private Outcome toFunction(Delivery d) {
    try {
      lambda.invoke(
          InvokeRequest.function(d.subscription.endpoint())
              .invocationType(InvocationType.EVENT)
              .payload(d.payload)
              .traceHeader(d.message.trace()));
      return Outcome.OK;
    } catch (AwsServiceException e) {
      return failure(e);
    }
  }

  /** Throttles and server errors are retried; every other refusal is the client's. */
  private static Outcome failure(AwsServiceException e) {
    String error = e.errorCode() + " (" + e.statusCode() + "): " + e.getMessage();
    return e.statusCode() == 429 || e.statusCode() >= 500
        ? Outcome.retry(error)
        : Outcome.permanent(error);
  }

  private Outcome toUrl(Delivery d) {
    SubscriptionImpl sub = d.subscription;
    boolean raw = sub.raw();
    HttpRequest.Builder request =
        post(sub.endpoint(), d.payload, d.policy.headerContentType())
            .header("x-amz-sns-message-type", "Notification")
            .header("x-amz-sns-message-id", d.message.messageId())
            .header("x-amz-sns-topic-arn", d.topic.arn())
            .header("x-amz-sns-subscription-arn", sub.arn());
    if (raw) {
      request.header("x-amz-sns-rawdelivery", "true");
    }
    return send(request.build());
  }

  /**
   * Sends a {@code SubscriptionConfirmation} or {@code UnsubscribeConfirmation}, once; returns what
   * went wrong, or null.
   */
  String sendConfirmation(
      TopicImpl topic, SubscriptionImpl sub, String type, String message, Instant at) {
    String messageId = cloud.randomness().uuid().toString();
    String body =
        envelopes.confirmation(
            type,
            messageId,
            sub.token(),
            topic.arn(),
            message,
            TopicImpl.TIMESTAMP.format(at),
            signatureVersion(topic));
    HttpRequest.Builder request =
        post(sub.endpoint(), body, null)
            .header("x-amz-sns-message-type", type)
            .header("x-amz-sns-message-id", messageId)
            .header("x-amz-sns-topic-arn", topic.arn());
    if (type.equals("UnsubscribeConfirmation")) {
      request.header("x-amz-sns-subscription-arn", sub.arn());
    }
    Outcome outcome = send(request.build());
    if (outcome.delivered()) {
      cloud
          .journal()
          .append(
              seq ->
                  new SnsEvent.MessageDelivered(
                      seq,
                      at,
                      sub.arn(),
                      null,
                      topic.arn(),
                      sub.protocol(),
                      sub.endpoint(),
                      messageId,
                      type,
                      1,
                      body));
      return null;
    }
    cloud
        .journal()
        .append(
            seq ->
                new SnsEvent.DeliveryFailed(
                    seq,
                    at,
                    sub.arn(),
                    null,
                    topic.arn(),
                    sub.protocol(),
                    sub.endpoint(),
                    messageId,
                    1,
                    outcome.error(),
                    outcome.retryable(),
                    null));
    return outcome.error();
  }

  private static HttpRequest.Builder post(String url, String body, String contentType) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(HTTP_TIMEOUT)
        .header("Content-Type", contentType != null ? contentType : "text/plain; charset=UTF-8")
        .header("User-Agent", USER_AGENT)
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  /**
   * A real POST: 2xx is delivered; 4xx is a permanent failure; 5xx, 1xx, 3xx, timeouts and
   * connection errors are retried, as AWS documents for HTTP/S endpoints.
   */
  private Outcome send(HttpRequest request) {
    try {
      HttpResponse<Void> response = client().send(request, HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return Outcome.OK;
      }
      String error = "HTTP " + status + " from " + request.uri();
      return status >= 400 && status < 500 ? Outcome.permanent(error) : Outcome.retry(error);
    } catch (IOException e) {
      return Outcome.retry(
          e.getClass().getSimpleName() + " from " + request.uri() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.retry("interrupted while posting to " + request.uri());
    }
  }

  private synchronized HttpClient client() {
    if (http == null) {
      http =
          HttpClient.newBuilder()
              .connectTimeout(HTTP_TIMEOUT)
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
    }
    return http;
  }

  // ---- giving up -------------------------------------------------------------------------------

  /**
   * Ends a failed delivery: to the subscription's dead-letter queue (the body the queue would have
   * received, with the FIFO fields), or discarded.
   */
  private void finish(Delivery d, String reason, boolean failed) {
    SubscriptionImpl sub = d.subscription;
    Instant now = cloud.now();
    String target = sns.deadLetterTarget(sub);
    int attempts = d.attempts;
    if (!failed || target == null) {
      cloud
          .journal()
          .append(
              seq ->
                  new SnsEvent.MessageDiscarded(
                      seq,
                      now,
                      sub.arn(),
                      d.message.traceId(),
                      d.topic.arn(),
                      d.message.messageId(),
                      attempts,
                      reason));
      return;
    }
    String error = null;
    Optional<MessageSink> dlq = cloud.resources().sink(target);
    if (dlq.isEmpty()) {
      error = "dead-letter queue " + target + " does not exist";
    } else {
      String body =
          sub.protocol().equals("sqs")
              ? d.payload
              : envelopes.notification(notification(d, "sqs"), sub.arn());
      try {
        dlq.get().deliver(inbound(d, body, sub.raw() && sub.protocol().equals("sqs")));
      } catch (AwsServiceException e) {
        error = e.errorCode() + ": " + e.getMessage();
      }
    }
    String deliveryError = error;
    cloud
        .journal()
        .append(
            seq ->
                new SnsEvent.MessageDeadLettered(
                    seq,
                    now,
                    sub.arn(),
                    d.message.traceId(),
                    d.topic.arn(),
                    d.message.messageId(),
                    attempts,
                    target,
                    deliveryError));
  }

  private void traceFailure(Delivery d, Instant at, Outcome outcome) {
    TraceHeader trace = d.message.trace();
    Segment.Cause cause = new Segment.Cause("DeliveryFailed", outcome.error());
    Segment.Builder segment =
        Segment.builder(trace.root(), cloud.traces().newSegmentId(), d.topic.name())
            .origin("AWS::SNS::Topic")
            .parentId(trace.parent())
            .start(at)
            .end(at)
            .annotation("operation", "Deliver")
            .annotation("subscription", d.subscription.arn())
            .aws("endpoint", endpointName(d.subscription.endpoint()));
    segment = outcome.retryable() ? segment.fault(cause) : segment.error(cause);
    cloud.traces().record(segment.build());
  }

  private static String endpointName(String endpoint) {
    return Arn.isArn(endpoint) ? Arn.parse(endpoint).resource() : endpoint;
  }
}
