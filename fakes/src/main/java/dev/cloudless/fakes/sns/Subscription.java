package dev.cloudless.fakes.sns;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.AwsResource;
import dev.cloudless.fakes.journal.Journal;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/** One subscription of a topic: {@code <topic-arn>:<uuid>}. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Subscription extends AwsResource {

  /** The subscription ARN, {@code <topic-arn>:<uuid>}. */
  @Override
  String arn();

  String topicArn();

  /** {@code sqs}, {@code lambda}, {@code http} or {@code https}. */
  String protocol();

  /** The queue or function ARN, or the URL. */
  String endpoint();

  /** Whether an HTTP/S subscription still waits for its confirmation. */
  boolean isPendingConfirmation();

  /**
   * The attributes as {@code GetSubscriptionAttributes} returns them: {@code SubscriptionArn},
   * {@code TopicArn}, {@code Protocol}, {@code Endpoint}, {@code Owner}, {@code
   * PendingConfirmation}, {@code ConfirmationWasAuthenticated}, {@code RawMessageDelivery}, and
   * {@code FilterPolicy}, {@code FilterPolicyScope}, {@code RedrivePolicy}, {@code DeliveryPolicy}
   * when set.
   */
  Map<String, String> attributes();

  /**
   * {@code SetSubscriptionAttributes}.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code InvalidParameter} with AWS's text
   *     for an unknown attribute or a bad value, such as an invalid filter policy
   */
  void setAttribute(String name, String value);

  /**
   * Confirms a pending HTTP/S subscription with the token SNS sent to the endpoint, as the endpoint
   * would by visiting its {@code SubscribeURL}. Does nothing for a confirmed subscription.
   */
  void confirm();

  /** The messages delivered to the endpoint so far, oldest first: what the subscriber received. */
  List<SnsEvent.MessageDelivered> deliveries();

  /** The messages its filter policy dropped, oldest first. */
  List<SnsEvent.MessageFilteredOut> filteredOut();

  /** The journal of the cloud (all of it: filter with {@link Journal#forResource(String)}). */
  Journal journal();
}
