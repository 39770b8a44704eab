package dev.cloudless.fakes.sns;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The fake Amazon SNS of one cloud.
 *
 * <pre>{@code
 * Topic orders = cloud.sns().createTopic("orders");
 * orders.subscribe(cloud.sqs().createQueue("billing"));
 * orders.subscribe(SubscribeRequest.to(cloud.lambda().function("audit"))
 *     .filterPolicy("{\"type\":[\"refund\"]}"));
 * orders.publish(PublishRequest.message("{\"orderId\":\"o-42\"}").messageAttribute("type", "order"));
 * cloud.runUntilIdle();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface FakeSns {

  /** Creates a standard topic, or returns the existing one. */
  Topic createTopic(String name);

  /**
   * {@code CreateTopic}. As on AWS, creating a topic that exists with the same attributes returns
   * it; with different attributes it fails.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code InvalidParameter}: {@code Invalid
   *     parameter: Topic Name}, {@code Invalid parameter: Topic already exists with different
   *     attributes}, a FIFO name without {@code .fifo}, a bad attribute
   */
  Topic createTopic(TopicSpec spec);

  /**
   * The topic with this name or ARN.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code NotFound}, {@code Topic does not
   *     exist}
   */
  Topic topic(String nameOrArn);

  Optional<Topic> findTopic(String nameOrArn);

  /** {@code ListTopics}, in creation order. */
  List<Topic> topics();

  /** {@code DeleteTopic}: the topic and its subscriptions; deleting a missing topic succeeds. */
  void deleteTopic(String nameOrArn);

  /** {@code Subscribe} to the topic with this ARN. */
  Subscription subscribe(String topicArn, SubscribeRequest request);

  /**
   * {@code ConfirmSubscription} with the {@code Token} sent to an HTTP/S endpoint.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code InvalidParameter}, {@code Invalid
   *     parameter: Token}, for a token SNS never sent for this topic
   */
  Subscription confirmSubscription(String topicArn, String token);

  /**
   * Visits a {@code SubscribeURL} as an endpoint would (or a person, in a browser): confirms the
   * subscription named by its {@code TopicArn} and {@code Token}.
   */
  Subscription visitSubscribeUrl(String subscribeUrl);

  /**
   * The subscription with this ARN.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code NotFound}, {@code Subscription does
   *     not exist}
   */
  Subscription subscription(String subscriptionArn);

  /** {@code ListSubscriptions}, in creation order. */
  List<Subscription> subscriptions();

  /** {@code Unsubscribe}; an unknown but well-formed subscription ARN succeeds, as on AWS. */
  void unsubscribe(String subscriptionArn);

  /**
   * The public key that checks the {@code Signature} of this cloud's messages: a 2048-bit RSA key
   * pair drawn from the cloud's seed on first use. AWS publishes its key as the certificate at
   * {@code SigningCertURL}; Cloudless serves no URL, so a test verifies with this key.
   */
  PublicKey signingPublicKey();
}
