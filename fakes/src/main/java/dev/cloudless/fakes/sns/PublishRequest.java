package dev.cloudless.fakes.sns;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.MessageAttributeValue;
import dev.cloudless.trace.TraceHeader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A {@code Publish} request, built like a sentence:
 *
 * <pre>{@code
 * topic.publish(PublishRequest.message("{\"orderId\":\"o-42\"}")
 *     .subject("order placed")
 *     .messageAttribute("type", MessageAttributeValue.string("order")));
 * }</pre>
 *
 * @param message the message; with {@code MessageStructure=json}, a JSON object of one message per
 *     protocol with a {@code default} entry
 * @param subject the subject, or null
 * @param messageAttributes message attributes ({@code String}, {@code String.Array}, {@code
 *     Number}, {@code Binary}), in order
 * @param messageStructure {@code json} or null
 * @param messageGroupId the FIFO message group (required for FIFO topics), or null
 * @param messageDeduplicationId the FIFO deduplication id, or null
 * @param traceHeader the X-Ray trace to continue, or null for the caller's (or a new one)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PublishRequest(
    String message,
    String subject,
    Map<String, MessageAttributeValue> messageAttributes,
    String messageStructure,
    String messageGroupId,
    String messageDeduplicationId,
    TraceHeader traceHeader) {

  public PublishRequest {
    messageAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(messageAttributes));
  }

  /** A request to publish this message. */
  public static PublishRequest message(String message) {
    return new PublishRequest(message, null, Map.of(), null, null, null, null);
  }

  public PublishRequest subject(String subject) {
    return new PublishRequest(
        message,
        subject,
        messageAttributes,
        messageStructure,
        messageGroupId,
        messageDeduplicationId,
        traceHeader);
  }

  /** Adds a message attribute. */
  public PublishRequest messageAttribute(String name, MessageAttributeValue value) {
    Map<String, MessageAttributeValue> copy = new LinkedHashMap<>(messageAttributes);
    copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new PublishRequest(
        message,
        subject,
        copy,
        messageStructure,
        messageGroupId,
        messageDeduplicationId,
        traceHeader);
  }

  /** Adds a {@code String} message attribute. */
  public PublishRequest messageAttribute(String name, String value) {
    return messageAttribute(name, MessageAttributeValue.string(value));
  }

  /** Adds a {@code String.Array} message attribute: the values as a JSON array of strings. */
  public PublishRequest stringArrayAttribute(String name, List<String> values) {
    String json =
        values.stream()
            .map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
            .collect(Collectors.joining(",", "[", "]"));
    return messageAttribute(name, new MessageAttributeValue("String.Array", json, null));
  }

  /** {@code MessageStructure}: {@code json} sends each protocol its own message. */
  public PublishRequest messageStructure(String messageStructure) {
    return new PublishRequest(
        message,
        subject,
        messageAttributes,
        messageStructure,
        messageGroupId,
        messageDeduplicationId,
        traceHeader);
  }

  public PublishRequest messageGroupId(String messageGroupId) {
    return new PublishRequest(
        message,
        subject,
        messageAttributes,
        messageStructure,
        messageGroupId,
        messageDeduplicationId,
        traceHeader);
  }

  public PublishRequest messageDeduplicationId(String messageDeduplicationId) {
    return new PublishRequest(
        message,
        subject,
        messageAttributes,
        messageStructure,
        messageGroupId,
        messageDeduplicationId,
        traceHeader);
  }

  /** The trace to continue, as an {@code X-Amzn-Trace-Id} header would carry it. */
  public PublishRequest traceHeader(TraceHeader traceHeader) {
    return new PublishRequest(
        message,
        subject,
        messageAttributes,
        messageStructure,
        messageGroupId,
        messageDeduplicationId,
        traceHeader);
  }
}
