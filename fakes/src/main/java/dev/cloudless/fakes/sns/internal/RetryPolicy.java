package dev.cloudless.fakes.sns.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;

/**
 * A delivery retry policy in AWS's four phases: immediate retries, retries at the minimum delay,
 * retries whose delay grows from the minimum to the maximum by the backoff function, and retries at
 * the maximum delay. Delays are computed one retry at a time, so the 100,015 retries of an
 * AWS-managed endpoint cost nothing until they happen.
 *
 * <p>AWS documents the first backoff delay (the minimum) and the last (the maximum) but not the
 * curves between; Cloudless uses linear, quadratic (arithmetic), cubic (geometric) and exponential
 * growth. AWS adds jitter; Cloudless does not, so retry instants are exact.
 */
record RetryPolicy(
    int numNoDelayRetries,
    int numMinDelayRetries,
    int numBackoffRetries,
    int numMaxDelayRetries,
    Duration minDelay,
    Duration maxDelay,
    String backoffFunction,
    int maxReceivesPerSecond,
    String headerContentType) {

  static final List<String> BACKOFF_FUNCTIONS =
      List.of("linear", "arithmetic", "geometric", "exponential");

  /** SQS and Lambda: 3 immediate, 2 at 1 s, 10 from 1 s to 20 s, 100,000 at 20 s (23 days). */
  static RetryPolicy awsManaged() {
    return new RetryPolicy(
        3, 2, 10, 100_000, Duration.ofSeconds(1), Duration.ofSeconds(20), "exponential", 0, null);
  }

  /** HTTP/S without a delivery policy: 3 retries, 20 seconds apart. */
  static RetryPolicy httpDefault() {
    return new RetryPolicy(
        0, 0, 3, 0, Duration.ofSeconds(20), Duration.ofSeconds(20), "linear", 0, null);
  }

  int numRetries() {
    return numNoDelayRetries + numMinDelayRetries + numBackoffRetries + numMaxDelayRetries;
  }

  /** The delay before retry {@code retry} (1 for the first retry), or null when none is left. */
  Duration delayBefore(int retry) {
    if (retry < 1 || retry > numRetries()) {
      return null;
    }
    int r = retry;
    if (r <= numNoDelayRetries) {
      return Duration.ZERO;
    }
    r -= numNoDelayRetries;
    if (r <= numMinDelayRetries) {
      return minDelay;
    }
    r -= numMinDelayRetries;
    if (r <= numBackoffRetries) {
      return backoff(r);
    }
    return maxDelay;
  }

  private Duration backoff(int k) {
    if (numBackoffRetries == 1) {
      return minDelay;
    }
    double f = (k - 1) / (double) (numBackoffRetries - 1);
    double min = minDelay.toMillis();
    double max = maxDelay.toMillis();
    double millis =
        switch (backoffFunction) {
          case "arithmetic" -> min + (max - min) * f * f;
          case "geometric" -> min + (max - min) * f * f * f;
          case "exponential" ->
              min > 0
                  ? min * Math.pow(max / min, f)
                  : (max - min) * (Math.pow(2, 10 * f) - 1) / 1023;
          default -> min + (max - min) * f;
        };
    return Duration.ofMillis(Math.round(millis));
  }

  /** The whole schedule, as AWS limits it to 3,600 seconds for HTTP/S. */
  Duration total() {
    Duration total = Duration.ZERO;
    for (int i = 1; i <= numRetries(); i++) {
      total = total.plus(delayBefore(i));
    }
    return total;
  }

  /**
   * An HTTP/S policy from a subscription's {@code DeliveryPolicy} ({@code healthyRetryPolicy},
   * {@code throttlePolicy}, {@code requestPolicy}) over the topic's ({@code http.default…}).
   */
  static RetryPolicy http(String subscriptionPolicy, String topicPolicy, ObjectMapper json) {
    JsonNode topic = read(topicPolicy, json).path("http");
    JsonNode subscription = read(subscriptionPolicy, json);
    boolean subscriptionWins = !topic.path("disableSubscriptionOverrides").asBoolean(false);
    JsonNode retry =
        pick(
            subscription.path("healthyRetryPolicy"),
            topic.path("defaultHealthyRetryPolicy"),
            subscriptionWins);
    JsonNode throttle =
        pick(
            subscription.path("throttlePolicy"),
            topic.path("defaultThrottlePolicy"),
            subscriptionWins);
    JsonNode request =
        pick(
            subscription.path("requestPolicy"),
            topic.path("defaultRequestPolicy"),
            subscriptionWins);
    return fromJson(retry, throttle, request);
  }

  private static JsonNode pick(JsonNode subscription, JsonNode topic, boolean subscriptionWins) {
    if (subscriptionWins && !subscription.isMissingNode()) {
      return subscription;
    }
    return topic;
  }

  private static JsonNode read(String text, ObjectMapper json) {
    if (text == null || text.isBlank()) {
      return json.createObjectNode();
    }
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      return json.createObjectNode();
    }
  }

  private static RetryPolicy fromJson(JsonNode retry, JsonNode throttle, JsonNode request) {
    int numRetries = retry.path("numRetries").asInt(3);
    int noDelay = retry.path("numNoDelayRetries").asInt(0);
    int minRetries = retry.path("numMinDelayRetries").asInt(0);
    int maxRetries = retry.path("numMaxDelayRetries").asInt(0);
    return new RetryPolicy(
        noDelay,
        minRetries,
        Math.max(0, numRetries - noDelay - minRetries - maxRetries),
        maxRetries,
        Duration.ofSeconds(retry.path("minDelayTarget").asInt(20)),
        Duration.ofSeconds(retry.path("maxDelayTarget").asInt(20)),
        retry.path("backoffFunction").asText("linear"),
        throttle.path("maxReceivesPerSecond").asInt(0),
        request.path("headerContentType").isTextual()
            ? request.path("headerContentType").asText()
            : null);
  }

  /**
   * Checks a subscription's {@code DeliveryPolicy} (or, with {@code topic}, a topic's {@code http}
   * section) as AWS does, with messages in AWS's {@code DeliveryPolicy: …} form.
   */
  static void validate(String policy, boolean topic, String prefix, ObjectMapper json) {
    JsonNode root;
    try {
      root = json.readTree(policy);
    } catch (JsonProcessingException e) {
      throw SnsErrors.invalidParameter(prefix + "DeliveryPolicy: failed to parse JSON.");
    }
    if (root == null || !root.isObject()) {
      throw SnsErrors.invalidParameter(prefix + "DeliveryPolicy: failed to parse JSON.");
    }
    String retryKey = topic ? "defaultHealthyRetryPolicy" : "healthyRetryPolicy";
    String throttleKey = topic ? "defaultThrottlePolicy" : "throttlePolicy";
    JsonNode scope = topic ? root.path("http") : root;
    JsonNode retry = scope.path(retryKey);
    String p = prefix + "DeliveryPolicy: " + retryKey + ".";
    if (!retry.isMissingNode()) {
      int numRetries = range(retry, "numRetries", 3, 0, 100, p);
      int min = range(retry, "minDelayTarget", 20, 1, 3600, p);
      int max = range(retry, "maxDelayTarget", 20, 1, 3600, p);
      int noDelay = range(retry, "numNoDelayRetries", 0, 0, 100, p);
      int minRetries = range(retry, "numMinDelayRetries", 0, 0, 100, p);
      int maxRetries = range(retry, "numMaxDelayRetries", 0, 0, 100, p);
      if (min > max) {
        throw SnsErrors.invalidParameter(
            p + "minDelayTarget must be less than or equal to maxDelayTarget");
      }
      if (noDelay + minRetries + maxRetries > numRetries) {
        throw SnsErrors.invalidParameter(
            p
                + "numRetries must be greater than or equal to the sum of numNoDelayRetries,"
                + " numMinDelayRetries and numMaxDelayRetries");
      }
      String backoff = retry.path("backoffFunction").asText("linear");
      if (!BACKOFF_FUNCTIONS.contains(backoff)) {
        throw SnsErrors.invalidParameter(
            p + "backoffFunction must be one of linear, arithmetic, geometric, exponential");
      }
    }
    JsonNode throttle = scope.path(throttleKey);
    if (!throttle.isMissingNode() && throttle.has("maxReceivesPerSecond")) {
      range(
          throttle,
          "maxReceivesPerSecond",
          1,
          1,
          Integer.MAX_VALUE,
          prefix + "DeliveryPolicy: " + throttleKey + ".");
    }
    RetryPolicy parsed = fromJson(retry, throttle, json.createObjectNode());
    if (parsed.total().compareTo(Duration.ofHours(1)) > 0) {
      throw SnsErrors.invalidParameter(
          prefix
              + "DeliveryPolicy: The total policy retry time for an HTTP/S endpoint cannot be"
              + " greater than 3,600 seconds; this policy takes "
              + parsed.total().toSeconds()
              + ".");
    }
  }

  private static int range(
      JsonNode node, String field, int fallback, int min, int max, String prefix) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return fallback;
    }
    if (!value.isInt() || value.asInt() < min || value.asInt() > max) {
      throw SnsErrors.invalidParameter(
          prefix + field + " must be between " + min + " and " + max + "; got " + value + ".");
    }
    return value.asInt();
  }
}
