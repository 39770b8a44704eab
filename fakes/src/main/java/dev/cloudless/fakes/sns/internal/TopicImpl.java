package dev.cloudless.fakes.sns.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudless.fakes.aws.AwsResource;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.aws.MessageAttributeValue;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.MessageSink;
import dev.cloudless.fakes.journal.Journal;
import dev.cloudless.fakes.sns.PublishBatchEntry;
import dev.cloudless.fakes.sns.PublishBatchResult;
import dev.cloudless.fakes.sns.PublishRequest;
import dev.cloudless.fakes.sns.PublishResult;
import dev.cloudless.fakes.sns.SnsEvent;
import dev.cloudless.fakes.sns.SubscribeRequest;
import dev.cloudless.fakes.sns.Subscription;
import dev.cloudless.fakes.sns.Topic;
import dev.cloudless.trace.Segment;
import dev.cloudless.trace.TraceHeader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * One topic: publishing (validation, FIFO deduplication and sequence numbers, filtering, fan-out)
 * and, as a {@link MessageSink}, the target of Lambda dead-letter queues and destinations.
 */
@API(status = INTERNAL, since = "0.1")
public final class TopicImpl implements Topic, MessageSink {

  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Duration DEDUPLICATION_WINDOW = Duration.ofMinutes(5);
  private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
  private static final int MAX_BATCH = 10;

  private final SnsService sns;
  private final CloudContext cloud;
  private final String name;
  private final String arn;
  private final boolean fifo;
  private final Map<String, String> attributes;
  private final List<SubscriptionImpl> subscriptions = new ArrayList<>();
  private final Map<String, Deduplicated> deduplication = new LinkedHashMap<>();
  private long sequence;
  private volatile boolean deleted;

  private record Deduplicated(String messageId, String sequenceNumber, Instant until) {}

  TopicImpl(
      SnsService sns,
      CloudContext cloud,
      String name,
      boolean fifo,
      Map<String, String> attributes) {
    this.sns = sns;
    this.cloud = cloud;
    this.name = name;
    this.arn = cloud.arn("sns", name);
    this.fifo = fifo;
    this.attributes = new LinkedHashMap<>(attributes);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String arn() {
    return arn;
  }

  @Override
  public boolean isFifo() {
    return fifo;
  }

  synchronized String attribute(String attributeName) {
    return attributes.get(attributeName);
  }

  synchronized Map<String, String> givenAttributes() {
    return new LinkedHashMap<>(attributes);
  }

  synchronized void storeAttribute(String attributeName, String value) {
    attributes.put(attributeName, value);
  }

  @Override
  public synchronized Map<String, String> attributes() {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("TopicArn", arn);
    all.put("Owner", cloud.accountId());
    all.put("DisplayName", attributes.getOrDefault("DisplayName", ""));
    all.put(
        "Policy",
        attributes.getOrDefault(
            "Policy",
            "{\"Version\":\"2008-10-17\",\"Id\":\"__default_policy_ID\",\"Statement\":[{\"Sid\":"
                + "\"__default_statement_ID\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
                + "\"Action\":[\"SNS:Publish\",\"SNS:Subscribe\",\"SNS:Receive\"],\"Resource\":\""
                + arn
                + "\",\"Condition\":{\"StringEquals\":{\"AWS:SourceOwner\":\""
                + cloud.accountId()
                + "\"}}}]}"));
    long pending = subscriptions.stream().filter(SubscriptionImpl::isPendingConfirmation).count();
    all.put("SubscriptionsConfirmed", Long.toString(subscriptions.size() - pending));
    all.put("SubscriptionsPending", Long.toString(pending));
    all.put("SubscriptionsDeleted", "0");
    all.put(
        "EffectiveDeliveryPolicy",
        "{\"http\":{\"defaultHealthyRetryPolicy\":{\"minDelayTarget\":20,\"maxDelayTarget\":20,"
            + "\"numRetries\":3,\"numMaxDelayRetries\":0,\"numNoDelayRetries\":0,"
            + "\"numMinDelayRetries\":0,\"backoffFunction\":\"linear\"},"
            + "\"disableSubscriptionOverrides\":false,\"defaultRequestPolicy\":{\"headerContentType\":"
            + "\"text/plain; charset=UTF-8\"}}}");
    attributes.forEach(
        (k, v) -> {
          if (!k.equals("FifoTopic") || fifo) {
            all.putIfAbsent(k, v);
          }
        });
    if (fifo) {
      all.put("FifoTopic", "true");
      all.putIfAbsent("ContentBasedDeduplication", "false");
    }
    return all;
  }

  @Override
  public void setAttribute(String attributeName, String value) {
    sns.setTopicAttribute(this, attributeName, value);
  }

  boolean isDeleted() {
    return deleted;
  }

  void deleted() {
    deleted = true;
  }

  // ---- subscriptions ---------------------------------------------------------------------------

  synchronized void add(SubscriptionImpl subscription) {
    subscriptions.add(subscription);
  }

  synchronized void remove(SubscriptionImpl subscription) {
    subscriptions.remove(subscription);
  }

  synchronized List<SubscriptionImpl> subscriptionImpls() {
    return new ArrayList<>(subscriptions);
  }

  @Override
  public List<Subscription> subscriptions() {
    return new ArrayList<>(subscriptionImpls());
  }

  @Override
  public Subscription subscribe(AwsResource endpoint) {
    return subscribe(SubscribeRequest.to(endpoint));
  }

  @Override
  public Subscription subscribe(SubscribeRequest request) {
    return sns.subscribe(arn, request);
  }

  @Override
  public Journal journal() {
    return cloud.journal();
  }

  // ---- publish ---------------------------------------------------------------------------------

  @Override
  public PublishResult publish(String message) {
    return publish(PublishRequest.message(message));
  }

  @Override
  public PublishResult publish(PublishRequest request) {
    if (deleted) {
      throw SnsErrors.topicDoesNotExist();
    }
    MessageRules.validateSubject(request.subject());
    if (request.message() == null || request.message().isEmpty()) {
      throw SnsErrors.invalidParameter("Invalid parameter: Empty message");
    }
    MessageRules.validateAttributes(request.messageAttributes(), cloud.json());
    if (MessageRules.size(request.message(), request.messageAttributes())
        > MessageRules.MAX_PUBLISH_BYTES) {
      throw SnsErrors.invalidParameter("Invalid parameter: Message too long");
    }
    String dedupId = request.messageDeduplicationId();
    if (fifo) {
      if (request.messageGroupId() == null || request.messageGroupId().isEmpty()) {
        throw SnsErrors.invalidParameter(
            "Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
      }
      if (dedupId == null) {
        if (!"true".equalsIgnoreCase(attribute("ContentBasedDeduplication"))) {
          throw SnsErrors.invalidParameter(
              "Invalid parameter: The topic should either have ContentBasedDeduplication enabled"
                  + " or MessageDeduplicationId provided explicitly");
        }
        dedupId = sha256(request.message());
      }
    } else if (dedupId != null) {
      throw SnsErrors.invalidParameter(
          "Invalid parameter: MessageDeduplicationId Reason: The request includes"
              + " MessageDeduplicationId parameter that is not valid for this topic type");
    }
    Map<String, String> messages = messages(request);

    Instant now = cloud.now();
    TraceHeader given =
        request.traceHeader() != null ? request.traceHeader() : cloud.currentTrace();
    TraceHeader trace = given != null ? given : TraceHeader.root(cloud.newTraceId());
    String traceId = trace.root().value();

    String messageId;
    String sequenceNumber = null;
    synchronized (this) {
      if (fifo) {
        expireDeduplication(now);
        Deduplicated seen = deduplication.get(dedupId);
        if (seen != null) {
          String duplicateOf = seen.messageId();
          String id = dedupId;
          cloud
              .journal()
              .append(
                  seq -> new SnsEvent.DuplicateSuppressed(seq, now, arn, traceId, duplicateOf, id));
          return new PublishResult(seen.messageId(), seen.sequenceNumber());
        }
      }
      messageId = cloud.randomness().uuid().toString();
      if (fifo) {
        sequenceNumber = String.format("%020d", 10_000_000_000_000_000L + ++sequence);
        deduplication.put(
            dedupId, new Deduplicated(messageId, sequenceNumber, now.plus(DEDUPLICATION_WINDOW)));
      }
    }

    String segmentId = cloud.traces().newSegmentId();
    cloud
        .traces()
        .record(
            Segment.builder(trace.root(), segmentId, name)
                .origin("AWS::SNS::Topic")
                .parentId(trace.parent())
                .start(now)
                .end(now)
                .httpStatus(200)
                .annotation("operation", "Publish")
                .aws("operation", "Publish")
                .aws("topic_arn", arn)
                .aws("message_id", messageId)
                .build());
    Map<String, MessageAttributeValue> delivered =
        "json".equals(request.messageStructure()) ? Map.of() : request.messageAttributes();
    Published published =
        new Published(
            messageId,
            sequenceNumber,
            request.subject(),
            messages,
            delivered,
            fifo ? request.messageGroupId() : request.messageGroupId(),
            fifo ? dedupId : null,
            TIMESTAMP.format(now),
            trace.withParent(segmentId));
    String id = messageId;
    cloud
        .journal()
        .append(
            seq ->
                new SnsEvent.MessagePublished(
                    seq,
                    now,
                    arn,
                    traceId,
                    id,
                    request.message(),
                    request.subject(),
                    request.messageAttributes(),
                    request.messageGroupId()));
    fanOut(published, request.messageAttributes());
    return new PublishResult(messageId, sequenceNumber);
  }

  /** Decides, subscription by subscription, what the filter lets through, and delivers it. */
  private void fanOut(Published published, Map<String, MessageAttributeValue> attributes) {
    Instant now = cloud.now();
    for (SubscriptionImpl subscription : subscriptionImpls()) {
      if (subscription.isPendingConfirmation()) {
        continue;
      }
      FilterPolicy filter = subscription.filter();
      if (filter != null) {
        boolean passes =
            filter.scope().equals(FilterPolicy.SCOPE_BODY)
                ? filter.matchesBody(published.messageFor(subscription.protocol()), cloud.json())
                : filter.matchesAttributes(attributes, cloud.json());
        if (!passes) {
          String scope = subscription.filterPolicyScope();
          String policy = subscription.attribute("FilterPolicy");
          cloud
              .journal()
              .append(
                  seq ->
                      new SnsEvent.MessageFilteredOut(
                          seq,
                          now,
                          subscription.arn(),
                          published.traceId(),
                          arn,
                          published.messageId(),
                          scope,
                          policy));
          continue;
        }
      }
      sns.deliveries().start(this, subscription, published);
    }
  }

  /** The message for each protocol: {@code MessageStructure=json} needs a {@code default}. */
  private Map<String, String> messages(PublishRequest request) {
    if (request.messageStructure() == null) {
      return Map.of("default", request.message());
    }
    if (!request.messageStructure().equals("json")) {
      throw SnsErrors.invalidParameter("Invalid parameter: MessageStructure");
    }
    JsonNode root;
    try {
      root = cloud.json().readTree(request.message());
    } catch (JsonProcessingException e) {
      root = null;
    }
    if (root == null || !root.isObject()) {
      throw SnsErrors.invalidParameter(
          "Invalid parameter: Message Structure - JSON message body failed to parse");
    }
    Map<String, String> messages = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      if (f.getValue().isTextual()) {
        messages.put(f.getKey(), f.getValue().asText());
      }
    }
    if (!messages.containsKey("default")) {
      throw SnsErrors.invalidParameter(
          "Invalid parameter: Message Structure - No default entry in JSON message body");
    }
    return messages;
  }

  private void expireDeduplication(Instant now) {
    deduplication.values().removeIf(d -> !d.until().isAfter(now));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  @Override
  public PublishBatchResult publishBatch(List<PublishBatchEntry> entries) {
    if (deleted) {
      throw SnsErrors.topicDoesNotExist();
    }
    if (entries.isEmpty()) {
      throw SnsErrors.emptyBatch();
    }
    if (entries.size() > MAX_BATCH) {
      throw SnsErrors.tooManyEntries();
    }
    Set<String> ids = new HashSet<>();
    long total = 0;
    for (PublishBatchEntry entry : entries) {
      if (entry.id() == null || !BATCH_ID.matcher(entry.id()).matches()) {
        throw SnsErrors.invalidBatchEntryId();
      }
      if (!ids.add(entry.id())) {
        throw SnsErrors.batchIdsNotDistinct();
      }
      total += MessageRules.size(entry.request().message(), entry.request().messageAttributes());
    }
    if (total > MessageRules.MAX_PUBLISH_BYTES) {
      throw SnsErrors.batchTooLong();
    }
    List<PublishBatchResult.Successful> successful = new ArrayList<>();
    List<PublishBatchResult.Failed> failed = new ArrayList<>();
    for (PublishBatchEntry entry : entries) {
      try {
        PublishResult result = publish(entry.request());
        successful.add(
            new PublishBatchResult.Successful(
                entry.id(), result.messageId(), result.sequenceNumber()));
      } catch (AwsServiceException e) {
        failed.add(
            new PublishBatchResult.Failed(
                entry.id(), e.errorCode(), e.getMessage(), e.statusCode() < 500));
      }
    }
    return new PublishBatchResult(successful, failed);
  }

  // ---- as a delivery target of other services -------------------------------------------------

  /**
   * A message from another service (a Lambda dead-letter queue or destination): published with its
   * attributes, subject and FIFO fields; a refusal goes back to the sender as the exception.
   */
  @Override
  public void deliver(InboundMessage message) {
    PublishRequest request =
        PublishRequest.message(message.body())
            .subject(message.subject())
            .messageGroupId(message.messageGroupId())
            .messageDeduplicationId(message.messageDeduplicationId())
            .traceHeader(message.traceHeader());
    for (Map.Entry<String, MessageAttributeValue> a : message.messageAttributes().entrySet()) {
      request = request.messageAttribute(a.getKey(), a.getValue());
    }
    publish(request);
  }

  @Override
  public String toString() {
    return "Topic[" + name + "]";
  }
}
