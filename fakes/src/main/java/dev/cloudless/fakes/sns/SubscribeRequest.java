package dev.cloudless.fakes.sns;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.Arn;
import dev.cloudless.fakes.aws.AwsResource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A {@code Subscribe} request: a protocol, an endpoint and subscription attributes by AWS's names.
 *
 * <pre>{@code
 * topic.subscribe(SubscribeRequest.to(ordersQueue)
 *     .rawMessageDelivery(true)
 *     .filterPolicy("{\"type\":[\"order\"]}")
 *     .redrivePolicy(ordersDlq));
 * topic.subscribe(SubscribeRequest.https("https://example.test/hook").confirmedAutomatically());
 * }</pre>
 *
 * @param protocol {@code sqs}, {@code lambda}, {@code http} or {@code https}
 * @param endpoint a queue or function ARN, or a URL
 * @param attributes {@code RawMessageDelivery}, {@code FilterPolicy}, {@code FilterPolicyScope},
 *     {@code RedrivePolicy}, {@code DeliveryPolicy}
 * @param autoConfirm for HTTP/S: confirm the subscription as soon as the {@code
 *     SubscriptionConfirmation} was sent, as if the endpoint had visited its {@code SubscribeURL}.
 *     By default an HTTP/S subscription stays pending until {@link Subscription#confirm()} or
 *     {@link FakeSns#confirmSubscription(String, String)}, as on AWS.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SubscribeRequest(
    String protocol, String endpoint, Map<String, String> attributes, boolean autoConfirm) {

  public SubscribeRequest {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /**
   * A subscription of a queue or function: the protocol ({@code sqs} or {@code lambda}) follows
   * from its ARN.
   */
  public static SubscribeRequest to(AwsResource endpoint) {
    String arn = Objects.requireNonNull(endpoint, "endpoint").arn();
    return new SubscribeRequest(Arn.parse(arn).service(), arn, Map.of(), false);
  }

  /** An SQS subscription of the queue with this ARN. */
  public static SubscribeRequest sqs(String queueArn) {
    return new SubscribeRequest("sqs", queueArn, Map.of(), false);
  }

  /** A Lambda subscription of the function with this ARN. */
  public static SubscribeRequest lambda(String functionArn) {
    return new SubscribeRequest("lambda", functionArn, Map.of(), false);
  }

  /** An HTTP subscription of this URL. */
  public static SubscribeRequest http(String url) {
    return new SubscribeRequest("http", url, Map.of(), false);
  }

  /** An HTTPS subscription of this URL. */
  public static SubscribeRequest https(String url) {
    return new SubscribeRequest("https", url, Map.of(), false);
  }

  /** Any protocol and endpoint, checked by {@code Subscribe} as AWS checks them. */
  public static SubscribeRequest of(String protocol, String endpoint) {
    return new SubscribeRequest(protocol, endpoint, Map.of(), false);
  }

  /** Sets a subscription attribute by its AWS name. */
  public SubscribeRequest attribute(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(attributes);
    copy.put(Objects.requireNonNull(name, "name"), value);
    return new SubscribeRequest(protocol, endpoint, copy, autoConfirm);
  }

  /** {@code RawMessageDelivery}: the message text alone, without the JSON envelope. */
  public SubscribeRequest rawMessageDelivery(boolean raw) {
    return attribute("RawMessageDelivery", Boolean.toString(raw));
  }

  /** {@code FilterPolicy} on message attributes (the default scope). */
  public SubscribeRequest filterPolicy(String json) {
    return attribute("FilterPolicy", json);
  }

  /** {@code FilterPolicy} on the message body, with {@code FilterPolicyScope=MessageBody}. */
  public SubscribeRequest filterPolicyOnMessageBody(String json) {
    return attribute("FilterPolicyScope", "MessageBody").attribute("FilterPolicy", json);
  }

  /** {@code RedrivePolicy}: exhausted messages go to this SQS queue. */
  public SubscribeRequest redrivePolicy(AwsResource deadLetterQueue) {
    return attribute(
        "RedrivePolicy",
        "{\"deadLetterTargetArn\":\""
            + Objects.requireNonNull(deadLetterQueue, "deadLetterQueue").arn()
            + "\"}");
  }

  /** {@code DeliveryPolicy} for an HTTP/S subscription, as AWS's JSON. */
  public SubscribeRequest deliveryPolicy(String json) {
    return attribute("DeliveryPolicy", json);
  }

  /** Confirms an HTTP/S subscription once its confirmation request was sent. */
  public SubscribeRequest confirmedAutomatically() {
    return new SubscribeRequest(protocol, endpoint, attributes, true);
  }
}
