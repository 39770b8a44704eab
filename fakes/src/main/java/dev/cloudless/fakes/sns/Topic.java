package dev.cloudless.fakes.sns;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.AwsResource;
import dev.cloudless.fakes.journal.Journal;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One SNS topic. Publishing fans the message out to every subscription whose filter policy lets it
 * through; each delivery is a scheduled event on the virtual clock, retried as AWS retries it.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Topic extends AwsResource {

  String name();

  /** The topic ARN, {@code arn:aws:sns:<region>:<account>:<name>}. */
  @Override
  String arn();

  boolean isFifo();

  /**
   * The attributes as {@code GetTopicAttributes} returns them, such as {@code TopicArn}, {@code
   * Owner}, {@code DisplayName}, {@code SubscriptionsConfirmed}, {@code FifoTopic}.
   */
  Map<String, String> attributes();

  /**
   * {@code SetTopicAttributes}: {@code DisplayName}, {@code DeliveryPolicy}, {@code
   * SignatureVersion}, {@code ContentBasedDeduplication} (FIFO), {@code Policy}.
   */
  void setAttribute(String name, String value);

  /** Publishes this message. */
  PublishResult publish(String message);

  /**
   * Publishes a message.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code InvalidParameter} or {@code
   *     ParameterValueInvalid} with AWS's text, for example {@code Invalid parameter: Message too
   *     long}
   */
  PublishResult publish(PublishRequest request);

  /** {@code PublishBatch}: up to 10 entries, each succeeding or failing on its own. */
  PublishBatchResult publishBatch(List<PublishBatchEntry> entries);

  /** Subscribes a queue (protocol {@code sqs}) or a function (protocol {@code lambda}). */
  Subscription subscribe(AwsResource endpoint);

  /** Subscribes an endpoint. */
  Subscription subscribe(SubscribeRequest request);

  /** {@code ListSubscriptionsByTopic}, in creation order. */
  List<Subscription> subscriptions();

  /** The journal of the cloud (all of it: filter with {@link Journal#forResource(String)}). */
  Journal journal();
}
