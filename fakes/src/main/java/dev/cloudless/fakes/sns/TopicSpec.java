package dev.cloudless.fakes.sns;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How to create a topic: a name and the attributes {@code CreateTopic} takes, by AWS's names. A
 * name ending in {@code .fifo} makes a FIFO topic, as setting {@code FifoTopic} does.
 *
 * <pre>{@code
 * cloud.sns().createTopic(TopicSpec.named("orders.fifo").contentBasedDeduplication(true));
 * }</pre>
 *
 * <p>Attributes are checked when the topic is created, with AWS's {@code InvalidParameter} errors.
 *
 * @param name 1 to 256 letters, digits, hyphens and underscores; FIFO topics end in {@code .fifo}
 * @param attributes {@code CreateTopic} attributes such as {@code DisplayName}, {@code
 *     ContentBasedDeduplication}, {@code DeliveryPolicy}, {@code SignatureVersion}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TopicSpec(String name, Map<String, String> attributes) {

  public TopicSpec {
    Objects.requireNonNull(name, "name");
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** A topic with this name; FIFO when the name ends in {@code .fifo}. */
  public static TopicSpec named(String name) {
    Map<String, String> attributes = new LinkedHashMap<>();
    if (name != null && name.endsWith(".fifo")) {
      attributes.put("FifoTopic", "true");
    }
    return new TopicSpec(name, attributes);
  }

  /** Sets a {@code CreateTopic} attribute by its AWS name. */
  public TopicSpec attribute(String attributeName, String value) {
    Map<String, String> copy = new LinkedHashMap<>(attributes);
    copy.put(Objects.requireNonNull(attributeName, "attributeName"), value);
    return new TopicSpec(name, copy);
  }

  /** {@code FifoTopic=true}; the name must then end in {@code .fifo}. */
  public TopicSpec fifo() {
    return attribute("FifoTopic", "true");
  }

  /** {@code ContentBasedDeduplication}: FIFO only; a SHA-256 of the message is its dedup id. */
  public TopicSpec contentBasedDeduplication(boolean enabled) {
    return attribute("ContentBasedDeduplication", Boolean.toString(enabled));
  }

  /** {@code DisplayName}. */
  public TopicSpec displayName(String displayName) {
    return attribute("DisplayName", displayName);
  }

  /**
   * {@code DeliveryPolicy}: the topic's retry policy for HTTP/S subscriptions, as AWS's JSON, such
   * as {@code {"http":{"defaultHealthyRetryPolicy":{"numRetries":5}}}}.
   */
  public TopicSpec deliveryPolicy(String json) {
    return attribute("DeliveryPolicy", json);
  }

  /**
   * {@code SignatureVersion}: {@code 1} (SHA1withRSA, the default) or {@code 2} (SHA256withRSA).
   */
  public TopicSpec signatureVersion(int version) {
    return attribute("SignatureVersion", Integer.toString(version));
  }

  /** Whether the spec asks for a FIFO topic. */
  public boolean isFifo() {
    return "true".equalsIgnoreCase(attributes.get("FifoTopic")) || name.endsWith(".fifo");
  }
}
