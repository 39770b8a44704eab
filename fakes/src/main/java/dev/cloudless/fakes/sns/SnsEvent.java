package dev.cloudless.fakes.sns;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.MessageAttributeValue;
import dev.cloudless.fakes.journal.JournalEvent;
import java.time.Instant;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What the fake SNS records in the journal. Topic events have the topic's ARN as their resource;
 * events of one delivery (delivered, filtered out, failed, dead-lettered, discarded) have the
 * subscription's ARN, so {@code journal().forResource(subscription.arn())} is that subscriber's
 * story.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface SnsEvent extends JournalEvent {

  /** The topic's ARN. */
  String topicArn();

  /** A topic was created. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record TopicCreated(long sequence, Instant time, String resourceArn, boolean fifo)
      implements SnsEvent {
    @Override
    public String topicArn() {
      return resourceArn;
    }

    @Override
    public String traceId() {
      return null;
    }

    @Override
    public String summary() {
      return name(resourceArn) + " created" + (fifo ? " (FIFO)" : "");
    }
  }

  /** A topic was deleted, with its subscriptions. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record TopicDeleted(long sequence, Instant time, String resourceArn) implements SnsEvent {
    @Override
    public String topicArn() {
      return resourceArn;
    }

    @Override
    public String traceId() {
      return null;
    }

    @Override
    public String summary() {
      return name(resourceArn) + " deleted";
    }
  }

  /**
   * An endpoint subscribed.
   *
   * @param resourceArn the subscription's ARN
   * @param pendingConfirmation whether it waits for confirmation (HTTP/S)
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record Subscribed(
      long sequence,
      Instant time,
      String resourceArn,
      String topicArn,
      String protocol,
      String endpoint,
      boolean pendingConfirmation)
      implements SnsEvent {
    @Override
    public String traceId() {
      return null;
    }

    @Override
    public String summary() {
      return name(topicArn)
          + " subscribed "
          + protocol
          + " "
          + endpoint
          + (pendingConfirmation ? " (pending confirmation)" : "");
    }
  }

  /** A pending HTTP/S subscription was confirmed. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record SubscriptionConfirmed(long sequence, Instant time, String resourceArn, String topicArn)
      implements SnsEvent {
    @Override
    public String traceId() {
      return null;
    }

    @Override
    public String summary() {
      return name(topicArn) + " confirmed " + resourceArn;
    }
  }

  /** A subscription was removed. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record Unsubscribed(long sequence, Instant time, String resourceArn, String topicArn)
      implements SnsEvent {
    @Override
    public String traceId() {
      return null;
    }

    @Override
    public String summary() {
      return name(topicArn) + " unsubscribed " + resourceArn;
    }
  }

  /**
   * A message was published (or handed over by a service, such as a Lambda dead-letter queue).
   *
   * @param message the message as published (for {@code MessageStructure=json}, the JSON object)
   * @param subject the subject, or null
   * @param messageGroupId the FIFO group, or null
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record MessagePublished(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String messageId,
      String message,
      String subject,
      Map<String, MessageAttributeValue> messageAttributes,
      String messageGroupId)
      implements SnsEvent {
    public MessagePublished {
      messageAttributes = Map.copyOf(messageAttributes);
    }

    @Override
    public String topicArn() {
      return resourceArn;
    }

    @Override
    public String summary() {
      return name(resourceArn) + " <- " + messageId + " " + preview(message);
    }
  }

  /**
   * A FIFO message with a deduplication id seen in the last 5 minutes was accepted but not
   * delivered again.
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record DuplicateSuppressed(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String messageId,
      String messageDeduplicationId)
      implements SnsEvent {
    @Override
    public String topicArn() {
      return resourceArn;
    }

    @Override
    public String summary() {
      return name(resourceArn) + " duplicate of " + messageId + " suppressed";
    }
  }

  /**
   * The subscription's filter policy dropped the message: that subscriber never sees it.
   *
   * @param resourceArn the subscription's ARN
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record MessageFilteredOut(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String topicArn,
      String messageId,
      String filterPolicyScope,
      String filterPolicy)
      implements SnsEvent {
    @Override
    public String summary() {
      return name(topicArn) + " filtered out " + messageId + " for " + resourceArn;
    }
  }

  /**
   * A message reached the endpoint.
   *
   * @param resourceArn the subscription's ARN
   * @param messageType {@code Notification}, {@code SubscriptionConfirmation} or {@code
   *     UnsubscribeConfirmation}
   * @param attempt 1 for the first attempt
   * @param payload what the endpoint received: the JSON envelope, the raw message, or the Lambda
   *     event
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record MessageDelivered(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String topicArn,
      String protocol,
      String endpoint,
      String messageId,
      String messageType,
      int attempt,
      String payload)
      implements SnsEvent {
    @Override
    public String summary() {
      return name(topicArn)
          + " -> "
          + protocol
          + " "
          + endpoint
          + " "
          + messageId
          + (attempt > 1 ? " attempt " + attempt : "");
    }
  }

  /**
   * A delivery attempt failed.
   *
   * @param resourceArn the subscription's ARN
   * @param retryable false for a client-side error (endpoint deleted, permission, HTTP 4xx), which
   *     AWS never retries
   * @param nextAttemptAt when the next attempt is due, or null when none will be made
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record DeliveryFailed(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String topicArn,
      String protocol,
      String endpoint,
      String messageId,
      int attempt,
      String error,
      boolean retryable,
      Instant nextAttemptAt)
      implements SnsEvent {
    @Override
    public String summary() {
      return name(topicArn)
          + " -> "
          + protocol
          + " "
          + endpoint
          + " "
          + messageId
          + " attempt "
          + attempt
          + " FAILED "
          + error
          + (nextAttemptAt == null ? "" : " (retry scheduled)");
    }
  }

  /**
   * A message that could not be delivered went to the subscription's dead-letter queue.
   *
   * @param deliveryError why the dead-letter queue refused it, or null when it took it
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record MessageDeadLettered(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String topicArn,
      String messageId,
      int attempts,
      String deadLetterTargetArn,
      String deliveryError)
      implements SnsEvent {
    @Override
    public String summary() {
      return name(topicArn)
          + " dead-lettered "
          + messageId
          + " after "
          + attempts
          + " attempts to "
          + deadLetterTargetArn
          + (deliveryError == null ? "" : " (lost: " + deliveryError + ")");
    }
  }

  /** A message that could not be delivered was discarded: the subscription has no DLQ. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record MessageDiscarded(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String topicArn,
      String messageId,
      int attempts,
      String reason)
      implements SnsEvent {
    @Override
    public String summary() {
      return name(topicArn) + " discarded " + messageId + " after " + attempts + " attempts";
    }
  }

  private static String name(String arn) {
    return arn.substring(arn.lastIndexOf(':') + 1);
  }

  private static String preview(String body) {
    if (body == null) {
      return "";
    }
    String flat = body.replace('\n', ' ');
    return flat.length() <= 60 ? flat : flat.substring(0, 57) + "...";
  }
}
