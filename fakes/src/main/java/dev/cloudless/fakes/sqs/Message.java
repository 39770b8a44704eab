package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.MessageAttributeValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A message as {@code ReceiveMessage} returns it. Unless the receive asked for particular
 * attributes, Cloudless returns every system attribute and message attribute, as if all had been
 * requested.
 *
 * @param messageId the id SQS gave the message when it was sent
 * @param receiptHandle the handle to delete it with; {@code null} on a peeked message
 * @param body the body
 * @param md5OfBody the hex MD5 digest of the body's UTF-8 bytes
 * @param attributes system attributes, all strings: {@code SenderId}, {@code SentTimestamp}, {@code
 *     ApproximateReceiveCount}, {@code ApproximateFirstReceiveTimestamp}, {@code AWSTraceHeader}
 *     when traced; on FIFO queues {@code SequenceNumber}, {@code MessageDeduplicationId} and {@code
 *     MessageGroupId} ({@code MessageGroupId} also on a standard queue when the sender set one); in
 *     a dead-letter queue {@code DeadLetterQueueSourceArn}
 * @param messageAttributes the attributes the sender set (those the receive asked for)
 * @param md5OfMessageAttributes AWS's digest of the message attributes returned, or {@code null} if
 *     none
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Message(
    String messageId,
    String receiptHandle,
    String body,
    String md5OfBody,
    Map<String, String> attributes,
    Map<String, MessageAttributeValue> messageAttributes,
    String md5OfMessageAttributes) {

  public Message {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    messageAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(messageAttributes));
  }

  /** A system attribute, if present. */
  public Optional<String> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  /** A message attribute, if present. */
  public Optional<MessageAttributeValue> messageAttribute(String name) {
    return Optional.ofNullable(messageAttributes.get(name));
  }

  /** {@code MessageGroupId}, if the message has one. */
  public Optional<String> messageGroupId() {
    return attribute("MessageGroupId");
  }

  /** {@code ApproximateReceiveCount}: how many times the message has been received. */
  public int receiveCount() {
    return Integer.parseInt(attributes.getOrDefault("ApproximateReceiveCount", "0"));
  }
}
