package dev.cloudless.fakes.sns.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudless.fakes.aws.Arn;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.journal.Journal;
import dev.cloudless.fakes.lambda.FakeLambda;
import dev.cloudless.fakes.sns.FakeSns;
import dev.cloudless.fakes.sns.SnsEvent;
import dev.cloudless.fakes.sns.SubscribeRequest;
import dev.cloudless.fakes.sns.Subscription;
import dev.cloudless.fakes.sns.Topic;
import dev.cloudless.fakes.sns.TopicSpec;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/** The fake SNS: topics by name, subscriptions by ARN, and their attributes and checks. */
@API(status = INTERNAL, since = "0.1")
public final class SnsService implements FakeSns {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
  private static final Pattern FIFO_NAME = Pattern.compile("[A-Za-z0-9_-]{1,251}\\.fifo");
  private static final Set<String> TOPIC_ATTRIBUTES =
      Set.of(
          "DisplayName",
          "DeliveryPolicy",
          "Policy",
          "SignatureVersion",
          "TracingConfig",
          "KmsMasterKeyId",
          "FifoTopic",
          "ContentBasedDeduplication",
          "FifoThroughputScope",
          "ArchivePolicy",
          "DataProtectionPolicy");
  private static final Set<String> SUBSCRIPTION_ATTRIBUTES =
      Set.of(
          "RawMessageDelivery",
          "FilterPolicy",
          "FilterPolicyScope",
          "RedrivePolicy",
          "DeliveryPolicy",
          "SubscriptionRoleArn",
          "ReplayPolicy");
  private static final Set<String> KNOWN_PROTOCOLS =
      Set.of(
          "http",
          "https",
          "email",
          "email-json",
          "sms",
          "sqs",
          "application",
          "lambda",
          "firehose");

  private final CloudContext cloud;
  private final MessageSigner signer;
  private final Deliveries deliveries;
  private final Map<String, TopicImpl> topics = new LinkedHashMap<>();
  private final Map<String, SubscriptionImpl> subscriptions = new LinkedHashMap<>();

  public SnsService(CloudContext cloud, FakeLambda lambda) {
    this.cloud = cloud;
    this.signer = new MessageSigner(cloud.randomness().seed(), cloud.region());
    this.deliveries =
        new Deliveries(this, cloud, lambda, new Envelopes(cloud.json(), signer, cloud.region()));
  }

  String accountId() {
    return cloud.accountId();
  }

  Journal journal() {
    return cloud.journal();
  }

  Deliveries deliveries() {
    return deliveries;
  }

  @Override
  public PublicKey signingPublicKey() {
    return signer.publicKey();
  }

  // ---- topics ----------------------------------------------------------------------------------

  @Override
  public Topic createTopic(String name) {
    return createTopic(TopicSpec.named(name));
  }

  @Override
  public Topic createTopic(TopicSpec spec) {
    String name = spec.name();
    boolean fifo = spec.isFifo();
    if (!(name.endsWith(".fifo") ? FIFO_NAME : NAME).matcher(name).matches()) {
      throw SnsErrors.invalidParameter("Invalid parameter: Topic Name");
    }
    if (fifo && !name.endsWith(".fifo")) {
      throw SnsErrors.invalidParameter(
          "Invalid parameter: Fifo Topic names must end with .fifo and must be made up of only"
              + " uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and"
              + " must be between 1 and 256 characters long.");
    }
    Map<String, String> attributes = new LinkedHashMap<>(spec.attributes());
    if (fifo) {
      attributes.put("FifoTopic", "true");
    }
    for (Map.Entry<String, String> a : attributes.entrySet()) {
      checkTopicAttribute(a.getKey(), a.getValue(), fifo, true);
    }
    TopicImpl topic;
    synchronized (topics) {
      TopicImpl existing = topics.get(name);
      if (existing != null) {
        Map<String, String> given = existing.givenAttributes();
        for (Map.Entry<String, String> a : attributes.entrySet()) {
          if (!a.getValue().equals(given.get(a.getKey()))) {
            throw SnsErrors.invalidParameter(
                "Invalid parameter: Topic already exists with different attributes");
          }
        }
        return existing;
      }
      topic = new TopicImpl(this, cloud, name, fifo, attributes);
      topics.put(name, topic);
    }
    cloud.resources().register(topic);
    Instant now = cloud.now();
    cloud.journal().append(seq -> new SnsEvent.TopicCreated(seq, now, topic.arn(), fifo));
    return topic;
  }

  private void checkTopicAttribute(String name, String value, boolean fifo, boolean creating) {
    if (!TOPIC_ATTRIBUTES.contains(name) || (!creating && name.equals("FifoTopic"))) {
      throw SnsErrors.invalidParameter("Invalid parameter: AttributeName");
    }
    switch (name) {
      case "FifoTopic" -> {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
          throw SnsErrors.invalidParameter("Invalid parameter: FifoTopic");
        }
      }
      case "ContentBasedDeduplication" -> {
        if (!fifo) {
          throw SnsErrors.invalidParameter(
              "Invalid parameter: ContentBasedDeduplication Reason: Content based deduplication"
                  + " can only be set for FIFO topics");
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
          throw SnsErrors.invalidParameter("Invalid parameter: ContentBasedDeduplication");
        }
      }
      case "SignatureVersion" -> {
        if (!value.equals("1") && !value.equals("2")) {
          throw SnsErrors.invalidParameter(
              "Invalid parameter: SignatureVersion Reason: must be 1 or 2");
        }
      }
      case "DeliveryPolicy" -> {
        if (value != null && !value.isBlank()) {
          RetryPolicy.validate(value, true, "Invalid parameter: ", cloud.json());
        }
      }
      default -> {
        // Stored and returned; not enforced (see docs/sns.md).
      }
    }
  }

  void setTopicAttribute(TopicImpl topic, String name, String value) {
    if (topic.isDeleted()) {
      throw SnsErrors.topicDoesNotExist();
    }
    checkTopicAttribute(name, value, topic.isFifo(), false);
    topic.storeAttribute(name, value);
  }

  @Override
  public Topic topic(String nameOrArn) {
    return findTopic(nameOrArn).orElseThrow(SnsErrors::topicDoesNotExist);
  }

  @Override
  public Optional<Topic> findTopic(String nameOrArn) {
    return Optional.ofNullable(topicImpl(nameOrArn));
  }

  private TopicImpl topicImpl(String nameOrArn) {
    if (nameOrArn == null) {
      return null;
    }
    String name = nameOrArn;
    if (Arn.isArn(nameOrArn)) {
      name = Arn.parse(nameOrArn).resource();
    }
    synchronized (topics) {
      TopicImpl topic = topics.get(name);
      return topic != null && (topic.name().equals(nameOrArn) || topic.arn().equals(nameOrArn))
          ? topic
          : null;
    }
  }

  @Override
  public List<Topic> topics() {
    synchronized (topics) {
      return new ArrayList<>(topics.values());
    }
  }

  @Override
  public void deleteTopic(String nameOrArn) {
    TopicImpl topic = topicImpl(nameOrArn);
    if (topic == null) {
      return;
    }
    synchronized (topics) {
      topics.remove(topic.name());
    }
    topic.deleted();
    for (SubscriptionImpl sub : topic.subscriptionImpls()) {
      sub.deleted();
      synchronized (subscriptions) {
        subscriptions.remove(sub.arn());
      }
    }
    cloud.resources().unregister(topic.arn());
    Instant now = cloud.now();
    cloud.journal().append(seq -> new SnsEvent.TopicDeleted(seq, now, topic.arn()));
  }

  // ---- subscriptions ---------------------------------------------------------------------------

  @Override
  public Subscription subscribe(String topicArn, SubscribeRequest request) {
    TopicImpl topic = topicImpl(topicArn);
    if (topic == null) {
      throw SnsErrors.topicDoesNotExist();
    }
    String protocol = request.protocol();
    String endpoint = request.endpoint();
    checkEndpoint(topic, protocol, endpoint);
    for (Map.Entry<String, String> a : request.attributes().entrySet()) {
      checkSubscriptionAttribute(topic, protocol, endpoint, a.getKey(), a.getValue(), true);
    }
    String scope =
        request.attributes().getOrDefault("FilterPolicyScope", FilterPolicy.SCOPE_ATTRIBUTES);
    FilterPolicy filter =
        FilterPolicy.parse(request.attributes().get("FilterPolicy"), scope, true, cloud.json());

    for (SubscriptionImpl existing : topic.subscriptionImpls()) {
      if (existing.protocol().equals(protocol) && existing.endpoint().equals(endpoint)) {
        for (Map.Entry<String, String> a : request.attributes().entrySet()) {
          String current = existing.attribute(a.getKey());
          String wanted =
              a.getKey().equals("RawMessageDelivery") ? a.getValue().toLowerCase() : a.getValue();
          if (!wanted.equals(current)) {
            throw SnsErrors.invalidParameter(
                "Invalid parameter: Attributes Reason: Subscription already exists with different"
                    + " attributes");
          }
        }
        return existing;
      }
    }

    boolean http = protocol.equals("http") || protocol.equals("https");
    String arn = topic.arn() + ":" + cloud.randomness().uuid();
    String token = http ? token() : null;
    SubscriptionImpl sub =
        new SubscriptionImpl(
            this, topic, arn, protocol, endpoint, token, http && !request.autoConfirm());
    request.attributes().forEach((name, value) -> sub.store(name, value, filter));
    topic.add(sub);
    synchronized (subscriptions) {
      subscriptions.put(arn, sub);
    }
    Instant now = cloud.now();
    boolean pending = sub.isPendingConfirmation();
    cloud
        .journal()
        .append(
            seq ->
                new SnsEvent.Subscribed(seq, now, arn, topic.arn(), protocol, endpoint, pending));
    if (http) {
      // SNS asks the endpoint to confirm, just after Subscribe answers.
      cloud
          .scheduler()
          .schedule(
              Duration.ZERO,
              "sns " + topic.name() + " -> " + protocol + " SubscriptionConfirmation",
              () ->
                  deliveries.sendConfirmation(
                      topic,
                      sub,
                      "SubscriptionConfirmation",
                      "You have chosen to subscribe to the topic "
                          + topic.arn()
                          + ".\nTo confirm the subscription, visit the SubscribeURL included in"
                          + " this message.",
                      cloud.now()));
    }
    return sub;
  }

  private String token() {
    byte[] bytes = new byte[64];
    synchronized (cloud.randomness().ids()) {
      cloud.randomness().ids().nextBytes(bytes);
    }
    return HexFormat.of().formatHex(bytes);
  }

  private void checkEndpoint(TopicImpl topic, String protocol, String endpoint) {
    if (protocol == null || !KNOWN_PROTOCOLS.contains(protocol)) {
      throw SnsErrors.invalidParameter(
          "Invalid parameter: Amazon SNS does not support this protocol string: " + protocol);
    }
    if (!Set.of("sqs", "lambda", "http", "https").contains(protocol)) {
      throw new UnsupportedOperationException(
          "Protocol ["
              + protocol
              + "] is an SNS protocol that Cloudless does not fake yet; subscribe an SQS queue, a"
              + " Lambda function or an HTTP/S endpoint.");
    }
    if (endpoint == null || endpoint.isEmpty()) {
      throw SnsErrors.invalidParameter("Invalid parameter: Endpoint");
    }
    switch (protocol) {
      case "http", "https" -> {
        if (!endpoint.startsWith(protocol + "://")) {
          throw SnsErrors.invalidParameter(
              "Invalid parameter: Endpoint must match the specified protocol");
        }
      }
      case "sqs" -> {
        if (!Arn.isArn(endpoint) || !Arn.parse(endpoint).service().equals("sqs")) {
          throw SnsErrors.invalidParameter("Invalid parameter: SQS endpoint ARN");
        }
      }
      default -> {
        if (!Arn.isArn(endpoint) || !Arn.parse(endpoint).service().equals("lambda")) {
          throw SnsErrors.invalidParameter("Invalid parameter: Lambda endpoint ARN");
        }
      }
    }
    boolean fifoQueue = protocol.equals("sqs") && endpoint.endsWith(".fifo");
    if (fifoQueue && !topic.isFifo()) {
      throw SnsErrors.invalidParameter(
          "Invalid parameter: Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be"
              + " subscribed to standard SNS topics");
    }
    if (topic.isFifo() && !fifoQueue) {
      throw SnsErrors.invalidParameter(
          "Invalid parameter: Invalid parameter: Endpoint Reason: Please use FIFO SQS queue");
    }
  }

  /**
   * Checks one subscription attribute as AWS does; {@code Subscribe} words errors {@code Invalid
   * parameter: Attributes Reason: …}, {@code SetSubscriptionAttributes} {@code Invalid parameter:
   * …}.
   */
  private void checkSubscriptionAttribute(
      TopicImpl topic,
      String protocol,
      String endpoint,
      String name,
      String value,
      boolean subscribeCall) {
    String prefix =
        subscribeCall ? "Invalid parameter: Attributes Reason: " : "Invalid parameter: ";
    if (!SUBSCRIPTION_ATTRIBUTES.contains(name)) {
      throw SnsErrors.invalidParameter(prefix + "AttributeName");
    }
    boolean http = protocol.equals("http") || protocol.equals("https");
    switch (name) {
      case "RawMessageDelivery" -> {
        if (value == null || !(value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
          throw SnsErrors.invalidParameter(
              prefix + "RawMessageDelivery: Invalid value [" + value + "]. Must be true or false.");
        }
        if (protocol.equals("lambda")) {
          throw SnsErrors.invalidParameter(
              prefix
                  + "RawMessageDelivery: Raw message delivery can only be set for sqs, http,"
                  + " https and firehose subscriptions");
        }
      }
      case "FilterPolicyScope" -> {
        if (!FilterPolicy.SCOPE_ATTRIBUTES.equals(value)
            && !FilterPolicy.SCOPE_BODY.equals(value)) {
          throw SnsErrors.invalidParameter(
              prefix
                  + "FilterPolicyScope: Invalid value ["
                  + value
                  + "]. Please use either MessageBody or MessageAttributes");
        }
      }
      case "RedrivePolicy" -> checkRedrivePolicy(topic, endpoint, value, prefix);
      case "DeliveryPolicy" -> {
        if (!http) {
          throw SnsErrors.invalidParameter(
              prefix + "DeliveryPolicy: Delivery policy can only be set for HTTP/S subscriptions");
        }
        if (value != null && !value.isBlank()) {
          RetryPolicy.validate(value, false, prefix, cloud.json());
        }
      }
      case "ReplayPolicy", "SubscriptionRoleArn" ->
          throw new UnsupportedOperationException(
              "Subscription attribute ["
                  + name
                  + "] is for message replay and Firehose, which Cloudless does not fake yet.");
      default -> {
        // FilterPolicy is parsed by the caller, with the scope it will have.
      }
    }
  }

  private void checkRedrivePolicy(TopicImpl topic, String endpoint, String value, String prefix) {
    if (value == null || value.isBlank()) {
      return;
    }
    JsonNode root;
    try {
      root = cloud.json().readTree(value);
    } catch (JsonProcessingException e) {
      throw SnsErrors.invalidParameter(prefix + "RedrivePolicy: failed to parse JSON.");
    }
    String target = root == null ? "" : root.path("deadLetterTargetArn").asText("");
    if (!Arn.isArn(target)) {
      throw SnsErrors.invalidParameter(
          prefix + "RedrivePolicy: deadLetterTargetArn is an invalid arn");
    }
    Arn arn = Arn.parse(target);
    if (!arn.service().equals("sqs")) {
      throw SnsErrors.invalidParameter(
          prefix + "RedrivePolicy: deadLetterTargetArn must be an SQS queue ARN");
    }
    if (!arn.region().equals(cloud.region()) || !arn.accountId().equals(cloud.accountId())) {
      throw SnsErrors.invalidParameter(
          prefix
              + "RedrivePolicy: the dead-letter queue must be in the same account and region as"
              + " the subscription");
    }
    if (topic.isFifo() && endpoint.endsWith(".fifo") && !arn.resource().endsWith(".fifo")) {
      throw SnsErrors.invalidParameter(
          prefix
              + "RedrivePolicy: must use a FIFO queue as DLQ for a FIFO Subscription to a FIFO"
              + " Topic.");
    }
  }

  void setSubscriptionAttribute(SubscriptionImpl sub, String name, String value) {
    if (sub.isDeleted()) {
      throw SnsErrors.subscriptionDoesNotExist();
    }
    checkSubscriptionAttribute(sub.topic(), sub.protocol(), sub.endpoint(), name, value, false);
    FilterPolicy filter = sub.filter();
    if (name.equals("FilterPolicy")) {
      filter = FilterPolicy.parse(value, sub.filterPolicyScope(), false, cloud.json());
    } else if (name.equals("FilterPolicyScope")) {
      filter = FilterPolicy.parse(sub.attribute("FilterPolicy"), value, false, cloud.json());
    }
    if (name.equals("FilterPolicy") && (value == null || value.isBlank())) {
      sub.store(name, null, null);
    } else {
      sub.store(name, value, filter);
    }
  }

  /** The subscription's dead-letter queue ARN, or null. */
  String deadLetterTarget(SubscriptionImpl sub) {
    String policy = sub.attribute("RedrivePolicy");
    if (policy == null || policy.isBlank()) {
      return null;
    }
    try {
      String target = cloud.json().readTree(policy).path("deadLetterTargetArn").asText("");
      return target.isEmpty() ? null : target;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  @Override
  public Subscription confirmSubscription(String topicArn, String token) {
    SubscriptionImpl found = null;
    synchronized (subscriptions) {
      for (SubscriptionImpl sub : subscriptions.values()) {
        if (token != null && token.equals(sub.token()) && sub.topicArn().equals(topicArn)) {
          found = sub;
        }
      }
    }
    if (found == null) {
      throw SnsErrors.invalidParameter("Invalid parameter: Token");
    }
    if (found.isPendingConfirmation()) {
      found.confirmed();
      SubscriptionImpl confirmed = found;
      Instant now = cloud.now();
      cloud
          .journal()
          .append(seq -> new SnsEvent.SubscriptionConfirmed(seq, now, confirmed.arn(), topicArn));
    }
    return found;
  }

  @Override
  public Subscription visitSubscribeUrl(String subscribeUrl) {
    Map<String, String> query = SnsUrls.query(subscribeUrl);
    if (!"ConfirmSubscription".equals(query.get("Action"))) {
      throw SnsErrors.invalidParameter("Invalid parameter: Action");
    }
    return confirmSubscription(query.get("TopicArn"), query.get("Token"));
  }

  @Override
  public Subscription subscription(String subscriptionArn) {
    synchronized (subscriptions) {
      SubscriptionImpl sub = subscriptions.get(subscriptionArn);
      if (sub == null) {
        throw SnsErrors.subscriptionDoesNotExist();
      }
      return sub;
    }
  }

  @Override
  public List<Subscription> subscriptions() {
    synchronized (subscriptions) {
      return new ArrayList<>(subscriptions.values());
    }
  }

  @Override
  public void unsubscribe(String subscriptionArn) {
    if (subscriptionArn == null) {
      throw SnsErrors.invalidParameter(
          "Invalid parameter: SubscriptionArn Reason: no value for required parameter");
    }
    int parts = subscriptionArn.split(":", -1).length;
    if (parts < 6) {
      throw SnsErrors.invalidParameter(
          "Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not "
              + parts);
    }
    if (parts == 6) {
      throw SnsErrors.invalidParameter("Invalid parameter: SubscriptionId");
    }
    SubscriptionImpl sub;
    synchronized (subscriptions) {
      sub = subscriptions.remove(subscriptionArn);
    }
    if (sub == null) {
      return;
    }
    sub.deleted();
    TopicImpl topic = sub.topic();
    topic.remove(sub);
    Instant now = cloud.now();
    cloud.journal().append(seq -> new SnsEvent.Unsubscribed(seq, now, sub.arn(), topic.arn()));
    if (sub.isHttp()) {
      cloud
          .scheduler()
          .schedule(
              Duration.ZERO,
              "sns " + topic.name() + " -> " + sub.protocol() + " UnsubscribeConfirmation",
              () ->
                  deliveries.sendConfirmation(
                      topic,
                      sub,
                      "UnsubscribeConfirmation",
                      "You have chosen to deactivate subscription "
                          + sub.arn()
                          + ".\nTo cancel this operation and restore the subscription, visit the"
                          + " SubscribeURL included in this message.",
                      cloud.now()));
    }
  }
}
