package dev.cloudless.fakes.sns.internal;

import dev.cloudless.fakes.journal.Journal;
import dev.cloudless.fakes.sns.SnsEvent;
import dev.cloudless.fakes.sns.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One subscription: its endpoint, attributes, parsed filter policy and confirmation state. */
final class SubscriptionImpl implements Subscription {

  private final SnsService sns;
  private final TopicImpl topic;
  private final String arn;
  private final String protocol;
  private final String endpoint;
  private final String token;
  private final Map<String, String> attributes = new TreeMap<>();
  private volatile boolean pendingConfirmation;
  private volatile boolean deleted;
  private FilterPolicy filter;
  private Instant nextSlot;

  SubscriptionImpl(
      SnsService sns,
      TopicImpl topic,
      String arn,
      String protocol,
      String endpoint,
      String token,
      boolean pendingConfirmation) {
    this.sns = sns;
    this.topic = topic;
    this.arn = arn;
    this.protocol = protocol;
    this.endpoint = endpoint;
    this.token = token;
    this.pendingConfirmation = pendingConfirmation;
    attributes.put("RawMessageDelivery", "false");
  }

  @Override
  public String arn() {
    return arn;
  }

  @Override
  public String topicArn() {
    return topic.arn();
  }

  TopicImpl topic() {
    return topic;
  }

  @Override
  public String protocol() {
    return protocol;
  }

  @Override
  public String endpoint() {
    return endpoint;
  }

  String token() {
    return token;
  }

  @Override
  public boolean isPendingConfirmation() {
    return pendingConfirmation;
  }

  void confirmed() {
    pendingConfirmation = false;
  }

  boolean isDeleted() {
    return deleted;
  }

  void deleted() {
    deleted = true;
  }

  boolean isHttp() {
    return protocol.equals("http") || protocol.equals("https");
  }

  @Override
  public synchronized Map<String, String> attributes() {
    Map<String, String> all = new TreeMap<>(attributes);
    all.put("SubscriptionArn", arn);
    all.put("TopicArn", topic.arn());
    all.put("Protocol", protocol);
    all.put("Endpoint", endpoint);
    all.put("Owner", sns.accountId());
    all.put("PendingConfirmation", Boolean.toString(pendingConfirmation));
    all.put("ConfirmationWasAuthenticated", Boolean.toString(!pendingConfirmation));
    if (!attributes.containsKey("FilterPolicy")) {
      // AWS shows the scope only beside a policy.
      all.remove("FilterPolicyScope");
    } else {
      all.putIfAbsent("FilterPolicyScope", FilterPolicy.SCOPE_ATTRIBUTES);
    }
    return all;
  }

  synchronized String attribute(String name) {
    return attributes.get(name);
  }

  /** Stores a checked attribute (see {@link SnsService#checkSubscriptionAttribute}). */
  synchronized void store(String name, String value, FilterPolicy parsedFilter) {
    if (value == null) {
      attributes.remove(name);
    } else {
      attributes.put(name, name.equals("RawMessageDelivery") ? value.toLowerCase() : value);
    }
    if (name.equals("FilterPolicy") || name.equals("FilterPolicyScope")) {
      filter = parsedFilter;
    }
  }

  synchronized FilterPolicy filter() {
    return filter;
  }

  synchronized String filterPolicyScope() {
    return attributes.getOrDefault("FilterPolicyScope", FilterPolicy.SCOPE_ATTRIBUTES);
  }

  boolean raw() {
    return "true".equals(attribute("RawMessageDelivery"));
  }

  /**
   * The instant the next HTTP request may start under {@code maxReceivesPerSecond}, and takes the
   * slot after it.
   */
  synchronized Instant takeSlot(Instant now, int maxReceivesPerSecond) {
    Instant at = nextSlot == null || nextSlot.isBefore(now) ? now : nextSlot;
    nextSlot = at.plusNanos(1_000_000_000L / maxReceivesPerSecond);
    return at;
  }

  @Override
  public void setAttribute(String name, String value) {
    sns.setSubscriptionAttribute(this, name, value);
  }

  @Override
  public void confirm() {
    if (!pendingConfirmation) {
      return;
    }
    sns.confirmSubscription(topic.arn(), token);
  }

  @Override
  public List<SnsEvent.MessageDelivered> deliveries() {
    return sns.journal().events(SnsEvent.MessageDelivered.class).stream()
        .filter(e -> e.resourceArn().equals(arn) && e.messageType().equals("Notification"))
        .toList();
  }

  @Override
  public List<SnsEvent.MessageFilteredOut> filteredOut() {
    return sns.journal().events(SnsEvent.MessageFilteredOut.class).stream()
        .filter(e -> e.resourceArn().equals(arn))
        .toList();
  }

  @Override
  public Journal journal() {
    return sns.journal();
  }

  @Override
  public String toString() {
    return "Subscription[" + protocol + " " + endpoint + " of " + topic.name() + "]";
  }
}
