package dev.cloudless.fakes.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.aws.MessageAttributeValue;
import dev.cloudless.trace.TraceHeader;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Something a service can hand a message to by ARN: a queue, a topic. This is how one service
 * delivers to another (a Lambda dead-letter queue, an SNS subscription) without depending on it.
 */
@API(status = INTERNAL, since = "0.1")
public interface MessageSink {

  /** The sink's ARN. */
  String arn();

  /**
   * Delivers a message as AWS's own services do (on behalf of the account, not a user).
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException when the target refuses it
   */
  void deliver(InboundMessage message);

  /**
   * A message delivered by another service.
   *
   * @param body the body
   * @param messageAttributes message attributes, in order
   * @param traceHeader the trace to continue, or null
   * @param senderId who sent it, as SQS's {@code SenderId} shows it
   * @param subject a subject, for topics; null otherwise
   * @param messageGroupId the FIFO message group, or null
   * @param messageDeduplicationId the FIFO deduplication id, or null
   */
  record InboundMessage(
      String body,
      Map<String, MessageAttributeValue> messageAttributes,
      TraceHeader traceHeader,
      String senderId,
      String subject,
      String messageGroupId,
      String messageDeduplicationId) {

    /** A message outside FIFO and without a subject, as Lambda sends to a DLQ or destination. */
    public InboundMessage(
        String body,
        Map<String, MessageAttributeValue> messageAttributes,
        TraceHeader traceHeader,
        String senderId) {
      this(body, messageAttributes, traceHeader, senderId, null, null, null);
    }
  }
}
