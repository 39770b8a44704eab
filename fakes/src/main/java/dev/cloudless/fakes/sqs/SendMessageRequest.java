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
 * }</pre>
 *
 * @param body the message body
 * @param delay {@code DelaySeconds}, or {@code null} for the queue's delay
 * @param messageAttributes message attributes, at most 10
 * @param traceHeader the {@code AWSTraceHeader} to carry, or {@code null}: then a message sent from
 *     inside a handler carries the handler's trace, and one sent by the test carries none
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SendMessageRequest(
    String body,
    Duration delay,
    Map<String, MessageAttributeValue> messageAttributes,
    TraceHeader traceHeader) {

  public SendMessageRequest {
    messageAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(messageAttributes));
  }

  /** A message with this body and nothing else. */
  public static SendMessageRequest body(String body) {
    return new SendMessageRequest(body, null, Map.of(), null);
  }

  public SendMessageRequest delay(Duration delay) {
    return new SendMessageRequest(body, delay, messageAttributes, traceHeader);
  }

  /** Adds a message attribute. */
  public SendMessageRequest messageAttribute(String name, MessageAttributeValue value) {
    Map<String, MessageAttributeValue> copy = new LinkedHashMap<>(messageAttributes);
    copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new SendMessageRequest(body, delay, copy, traceHeader);
  }

  public SendMessageRequest traceHeader(TraceHeader traceHeader) {
    return new SendMessageRequest(body, delay, messageAttributes, traceHeader);
  }
}
