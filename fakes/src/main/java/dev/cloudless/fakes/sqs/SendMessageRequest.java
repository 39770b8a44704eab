package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.MessageAttributeValue;
import dev.cloudless.trace.TraceHeader;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A message to send.
 *
 * <pre>{@code
 * queue.send(SendMessageRequest.body("{\"orderId\":\"o-42\"}")
 *     .delay(ofSeconds(30))
 *     .messageAttribute("type", MessageAttributeValue.string("order")));
 *
 * fifoQueue.send(SendMessageRequest.body("{\"orderId\":\"o-42\"}")
 *     .messageGroupId("customer-7")
 *     .messageDeduplicationId("o-42"));
 * }</pre>
 *
 * @param body the message body
 * @param delay {@code DelaySeconds}, or {@code null} for the queue's delay; refused on FIFO queues,
 *     whose delay is the queue's
 * @param messageAttributes message attributes, at most 10
 * @param traceHeader the {@code AWSTraceHeader} to carry, or {@code null}: then a message sent from
 *     inside a handler carries the handler's trace, and one sent by the test carries none
 * @param messageGroupId {@code MessageGroupId}: required on FIFO queues; on standard queues it is
 *     kept and returned (AWS's fair queues), 1 to 128 characters
 * @param messageDeduplicationId {@code MessageDeduplicationId} (FIFO only), 1 to 128 characters;
 *     required unless the queue has content-based deduplication
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SendMessageRequest(
    String body,
    Duration delay,
    Map<String, MessageAttributeValue> messageAttributes,
    TraceHeader traceHeader,
    String messageGroupId,
    String messageDeduplicationId) {

  public SendMessageRequest {
    messageAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(messageAttributes));
  }

  /** A message without FIFO ids; the form this record had before FIFO queues. */
  public SendMessageRequest(
      String body,
      Duration delay,
      Map<String, MessageAttributeValue> messageAttributes,
      TraceHeader traceHeader) {
    this(body, delay, messageAttributes, traceHeader, null, null);
  }

  /** A message with this body and nothing else. */
  public static SendMessageRequest body(String body) {
    return new SendMessageRequest(body, null, Map.of(), null, null, null);
  }

  /** {@code DelaySeconds}: 0 to 15 minutes, whole seconds. Standard queues only. */
  public SendMessageRequest delay(Duration delay) {
    return new SendMessageRequest(
        body, delay, messageAttributes, traceHeader, messageGroupId, messageDeduplicationId);
  }

  /** Adds a message attribute. */
  public SendMessageRequest messageAttribute(String name, MessageAttributeValue value) {
    Map<String, MessageAttributeValue> copy = new LinkedHashMap<>(messageAttributes);
    copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new SendMessageRequest(
        body, delay, copy, traceHeader, messageGroupId, messageDeduplicationId);
  }

  /** The {@code AWSTraceHeader} system attribute. */
  public SendMessageRequest traceHeader(TraceHeader traceHeader) {
    return new SendMessageRequest(
        body, delay, messageAttributes, traceHeader, messageGroupId, messageDeduplicationId);
  }

  /** {@code MessageGroupId}: messages of a group are delivered in order, one batch at a time. */
  public SendMessageRequest messageGroupId(String messageGroupId) {
    return new SendMessageRequest(
        body, delay, messageAttributes, traceHeader, messageGroupId, messageDeduplicationId);
  }

  /**
   * {@code MessageDeduplicationId}: a second message with the same id within 5 minutes is accepted
   * but not delivered.
   */
  public SendMessageRequest messageDeduplicationId(String messageDeduplicationId) {
    return new SendMessageRequest(
        body, delay, messageAttributes, traceHeader, messageGroupId, messageDeduplicationId);
  }
}
