package dev.cloudless.fakes.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.aws.MessageAttributeValue;
import dev.cloudless.fakes.sqs.Queue;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FilterPolicyTest {

  private final FakeCloud cloud = FakeCloud.create();
  private final Topic topic = cloud.sns().createTopic("events");
  private final Queue queue = cloud.sqs().createQueue("filtered");

  @AfterEach
  void close() {
    cloud.close();
  }

  /** Subscribes with the policy, publishes each message, and answers which got through. */
  private List<Boolean> passes(String policy, PublishRequest... messages) {
    Subscription sub = topic.subscribe(SubscribeRequest.to(queue).filterPolicy(policy));
    return run(sub, messages);
  }

  private List<Boolean> passesOnBody(String policy, String... bodies) {
    Subscription sub =
        topic.subscribe(SubscribeRequest.to(queue).filterPolicyOnMessageBody(policy));
    PublishRequest[] messages = new PublishRequest[bodies.length];
    for (int i = 0; i < bodies.length; i++) {
      messages[i] = PublishRequest.message(bodies[i]);
    }
    return run(sub, messages);
  }

  private List<Boolean> run(Subscription sub, PublishRequest... messages) {
    Boolean[] result = new Boolean[messages.length];
    for (int i = 0; i < messages.length; i++) {
      int before = sub.deliveries().size();
      topic.publish(messages[i]);
      cloud.runUntilIdle();
      result[i] = sub.deliveries().size() > before;
    }
    return List.of(result);
  }

  private static PublishRequest with(String name, String value) {
    return PublishRequest.message("m").messageAttribute(name, value);
  }

  private static PublishRequest number(String name, String value) {
    return PublishRequest.message("m").messageAttribute(name, MessageAttributeValue.number(value));
  }

  @Test
  void exactStringMatchingIsCaseSensitiveAndOrWithinAKey() {
    assertThat(
            passes(
                "{\"sport\":[\"rugby\",\"tennis\"]}",
                with("sport", "rugby"),
                with("sport", "tennis"),
                with("sport", "Rugby"),
                with("other", "rugby")))
        .containsExactly(true, true, false, false);
  }

  @Test
  void keysAreAndedTogether() {
    assertThat(
            passes(
                "{\"sport\":[\"rugby\"],\"price\":[{\"numeric\":[\">\",100]}]}",
                with("sport", "rugby")
                    .messageAttribute("price", MessageAttributeValue.number("150")),
                with("sport", "rugby")
                    .messageAttribute("price", MessageAttributeValue.number("50")),
                with("sport", "rugby")))
        .containsExactly(true, false, false);
  }

  @Test
  void prefixSuffixAndEqualsIgnoreCase() {
    assertThat(passes("{\"s\":[{\"prefix\":\"bas\"}]}", with("s", "baseball"), with("s", "rugby")))
        .containsExactly(true, false);
    topic.subscriptions().forEach(s -> cloud.sns().unsubscribe(s.arn()));
    assertThat(passes("{\"s\":[{\"suffix\":\"ball\"}]}", with("s", "baseball"), with("s", "rugby")))
        .containsExactly(true, false);
    topic.subscriptions().forEach(s -> cloud.sns().unsubscribe(s.arn()));
    assertThat(
            passes(
                "{\"s\":[{\"equals-ignore-case\":\"TeNnis\"}]}",
                with("s", "tennis"),
                with("s", "tenni")))
        .containsExactly(true, false);
  }

  @Test
  void anythingButAListASingleValueAndAPrefix() {
    assertThat(
            passes(
                "{\"s\":[{\"anything-but\":[\"rugby\",\"tennis\"]}]}",
                with("s", "baseball"),
                with("s", "rugby"),
                PublishRequest.message("m").stringArrayAttribute("s", List.of("rugby", "golf")),
                PublishRequest.message("m")))
        .containsExactly(true, false, true, false);
    topic.subscriptions().forEach(s -> cloud.sns().unsubscribe(s.arn()));
    assertThat(
            passes("{\"s\":[{\"anything-but\":\"rugby\"}]}", with("s", "golf"), with("s", "rugby")))
        .containsExactly(true, false);
    topic.subscriptions().forEach(s -> cloud.sns().unsubscribe(s.arn()));
    assertThat(
            passes(
                "{\"e\":[{\"anything-but\":{\"prefix\":\"order-\"}}]}",
                with("e", "data-entry"),
                with("e", "order-cancelled")))
        .containsExactly(true, false);
  }

  @Test
  void numericEqualityAndRangesWithFiveDecimals() {
    assertThat(
            passes(
                "{\"p\":[{\"numeric\":[\"=\",301.5]}]}",
                number("p", "301.5"),
                number("p", "3.015e2"),
                number("p", "301.500001"),
                number("p", "301.6"),
                with("p", "301.5")))
        .containsExactly(true, true, true, false, false);
    topic.subscriptions().forEach(s -> cloud.sns().unsubscribe(s.arn()));
    assertThat(
            passes(
                "{\"p\":[{\"numeric\":[\">\",0,\"<=\",150]}]}",
                number("p", "0"),
                number("p", "0.00001"),
                number("p", "150"),
                number("p", "150.01")))
        .containsExactly(false, true, true, false);
    topic.subscriptions().forEach(s -> cloud.sns().unsubscribe(s.arn()));
    assertThat(passes("{\"p\":[{\"numeric\":[\"<\",0]}]}", number("p", "-1"), number("p", "1")))
        .containsExactly(true, false);
    topic.subscriptions().forEach(s -> cloud.sns().unsubscribe(s.arn()));
    assertThat(
            passes(
                "{\"p\":[{\"anything-but\":[100,500]}]}", number("p", "101"), number("p", "100")))
        .containsExactly(true, false);
    topic.subscriptions().forEach(s -> cloud.sns().unsubscribe(s.arn()));
    assertThat(passes("{\"p\":[100]}", number("p", "100.0"), number("p", "101")))
        .containsExactly(true, false);
  }

  @Test
  void existsTrueAndFalse() {
    assertThat(passes("{\"store\":[{\"exists\":true}]}", with("store", "fans"), with("other", "x")))
        .containsExactly(true, false);
    topic.subscriptions().forEach(s -> cloud.sns().unsubscribe(s.arn()));
    assertThat(
            passes(
                "{\"store\":[{\"exists\":false}]}",
                with("store", "fans"),
                with("other", "x"),
                PublishRequest.message("no attributes at all")))
        .containsExactly(false, true, false);
  }

  @Test
  void cidrMatchesIpv4AndIpv6() {
    assertThat(
            passes(
                "{\"ip\":[{\"cidr\":\"10.0.0.0/24\"}]}",
                with("ip", "10.0.0.0"),
                with("ip", "10.0.0.255"),
                with("ip", "10.1.1.0"),
                with("ip", "not-an-ip")))
        .containsExactly(true, true, false, false);
    topic.subscriptions().forEach(s -> cloud.sns().unsubscribe(s.arn()));
    assertThat(
            passes(
                "{\"ip\":[{\"cidr\":\"2001:db8::/32\"}]}",
                with("ip", "2001:db8::1"),
                with("ip", "2001:db9::1")))
        .containsExactly(true, false);
  }

  @Test
  void orAcrossKeys() {
    assertThat(
            passes(
                "{\"source\":[\"aws.cloudwatch\"],\"$or\":[{\"metricName\":[\"CPUUtilization\"]},"
                    + "{\"namespace\":[\"AWS/EC2\"]}]}",
                with("source", "aws.cloudwatch").messageAttribute("metricName", "CPUUtilization"),
                with("source", "aws.cloudwatch").messageAttribute("namespace", "AWS/EC2"),
                with("source", "aws.cloudwatch").messageAttribute("namespace", "AWS/S3"),
                with("metricName", "CPUUtilization")))
        .containsExactly(true, true, false, false);
  }

  @Test
  void stringArraysMatchElementByElementAndBinaryIsIgnored() {
    assertThat(
            passes(
                "{\"tags\":[\"rugby\"]}",
                PublishRequest.message("m").stringArrayAttribute("tags", List.of("golf", "rugby")),
                PublishRequest.message("m").stringArrayAttribute("tags", List.of("golf")),
                PublishRequest.message("m")
                    .messageAttribute("tags", MessageAttributeValue.binary("rugby".getBytes()))))
        .containsExactly(true, false, false);
  }

  @Test
  void bodyScopeMatchesNestedPropertiesAndArrays() {
    assertThat(
            passesOnBody(
                "{\"object\":{\"key\":[{\"prefix\":\"auto-\"}]}}",
                "{\"object\":{\"key\":\"auto-test\"}}",
                "{\"object\":{\"key\":\"home-test\"}}",
                "{\"object.key\":\"auto-dotted\"}",
                "not json"))
        .containsExactly(true, false, true, false);
    topic.subscriptions().forEach(s -> cloud.sns().unsubscribe(s.arn()));
    assertThat(
            passesOnBody(
                "{\"headers\":{\"route-to\":[\"queue1\"]}}",
                "{\"headers\":{\"route-to\":[\"queue1\",\"queue2\"]}}",
                "{\"headers\":{\"route-to\":[\"queue2\"]}}",
                "{\"Records\":[{\"headers\":{\"route-to\":\"queue1\"}}]}"))
        .containsExactly(true, false, false);
  }

  @Test
  void whatAFilterDropsIsJournaled() {
    Subscription sub = topic.subscribe(SubscribeRequest.to(queue).filterPolicy("{\"s\":[\"a\"]}"));

    String dropped = topic.publish(with("s", "b")).messageId();
    cloud.runUntilIdle();

    assertThat(sub.filteredOut())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.messageId()).isEqualTo(dropped);
              assertThat(e.filterPolicy()).isEqualTo("{\"s\":[\"a\"]}");
              assertThat(e.filterPolicyScope()).isEqualTo("MessageAttributes");
            });
    assertThat(queue.peek()).isEmpty();
  }

  @Test
  void aFilterDropsOnlyForItsOwnSubscription() {
    Queue all = cloud.sqs().createQueue("all");
    topic.subscribe(SubscribeRequest.to(queue).filterPolicy("{\"s\":[\"a\"]}"));
    topic.subscribe(all);

    topic.publish(with("s", "b"));
    cloud.runUntilIdle();

    assertThat(queue.peek()).isEmpty();
    assertThat(all.peek()).hasSize(1);
  }

  @Test
  void policyLimitsAndErrorsUseAwsTexts() {
    String prefix = "Invalid parameter: Attributes Reason: FilterPolicy: ";
    assertThat(subscribeError("{\"a\":[1],\"b\":[1],\"c\":[1],\"d\":[1],\"e\":[1],\"f\":[1]}"))
        .isEqualTo(prefix + "Filter policy can not have more than 5 keys");
    assertThat(
            subscribeError(
                "{\"a\":[1,2,3,4,5,6,7,8,9,10],\"b\":[1,2,3,4,5,6,7,8,9,10],\"c\":[1,2]}"))
        .isEqualTo(prefix + "Filter policy is too complex");
    assertThat(subscribeError("{\"key\":[[\"value\"]]}"))
        .isEqualTo(prefix + "Match value must be String, number, true, false, or null");
    assertThat(subscribeError("{\"key\":[{\"wrong-operator\":true}]}"))
        .isEqualTo(prefix + "Unrecognized match type wrong-operator");
    assertThat(subscribeError("{\"key\":[{\"suffix\":\"value\",\"prefix\":\"value2\"}]}"))
        .isEqualTo(prefix + "Only one key allowed in match expression");
    assertThat(subscribeError("{\"key\":[{\"suffix\":100}]}"))
        .isEqualTo(prefix + "suffix match pattern must be a string");
    assertThat(subscribeError("{\"key\":\"value\"}"))
        .isEqualTo(prefix + "\"key\" must be an object or an array");
    assertThat(subscribeError("{\"key\":[{\"numeric\":[]}]}"))
        .isEqualTo(prefix + "Invalid member in numeric match: ]");
    assertThat(subscribeError("{\"key\":[{\"numeric\":[\"operator\"]}]}"))
        .isEqualTo(prefix + "Unrecognized numeric range operator: operator");
    assertThat(subscribeError("{\"key\":[{\"numeric\":[\"=\",\"000\"]}]}"))
        .isEqualTo(prefix + "Value of equals must be numeric");
    assertThat(subscribeError("{\"key\":[{\"numeric\":[\"<\",100,\">\",10]}]}"))
        .isEqualTo(prefix + "Too many elements in numeric expression");
    assertThat(subscribeError("{\"key\":[{\"numeric\":[\">=\",1,\">\",2]}]}"))
        .isEqualTo(prefix + "Bad numeric range operator: >");
    assertThat(subscribeError("{\"key\":[{\"numeric\":[\">\",3,\"<\",1]}]}"))
        .isEqualTo(prefix + "Bottom must be less than top");
    assertThat(subscribeError("{\"key\":[{\"numeric\":[\">\",20,30]}]}"))
        .isEqualTo(prefix + "Bad value in numeric range: 30");
    assertThat(subscribeError("{\"key\":[{\"numeric\":[\">\",20,\"<\",30,\"<\",50]}]}"))
        .isEqualTo(prefix + "Too many terms in numeric range expression");
    assertThat(subscribeError("{\"key\":[{\"numeric\":[\">\",1000000001]}]}"))
        .isEqualTo(prefix + "Value must be between -1.0E9 and 1.0E9, inclusive");
    assertThat(subscribeError("{\"key\":[{\"exists\":\"no\"}]}"))
        .isEqualTo(prefix + "exists match pattern must be either true or false.");
    assertThat(subscribeError("{\"key\":[{\"anything-but\":{\"wrong-operator\":null}}]}"))
        .isEqualTo(prefix + "Unsupported anything-but pattern: wrong-operator");
    assertThat(subscribeError("{\"key\":[{\"anything-but\":{\"suffix\":\".tmp\"}}]}"))
        .isEqualTo(prefix + "Unsupported anything-but pattern: suffix");
    assertThat(subscribeError("{\"key\":[{\"cidr\":\"10.0.0.0\"}]}"))
        .isEqualTo(prefix + "Malformed CIDR, one '/' required");
    assertThat(subscribeError("{\"key\":[]}")).isEqualTo(prefix + "Empty arrays are not allowed");
    assertThat(subscribeError("{\"a\":{\"b\":[\"c\"]}}"))
        .isEqualTo(
            "Invalid parameter: Attributes Reason: Filter policy scope MessageAttributes does not"
                + " support nested filter policy");
  }

  @Test
  void setSubscriptionAttributesWordsItsErrorsWithoutAttributesReason() {
    Subscription sub = topic.subscribe(queue);

    assertThatThrownBy(() -> sub.setAttribute("FilterPolicy", "{\"key\":[{\"suffix\":100}]}"))
        .hasMessage("Invalid parameter: FilterPolicy: suffix match pattern must be a string");
    sub.setAttribute("FilterPolicyScope", "MessageBody");
    sub.setAttribute("FilterPolicy", "{\"a\":{\"b\":[\"c\"]}}");
    assertThat(sub.attributes())
        .containsEntry("FilterPolicyScope", "MessageBody")
        .containsEntry("FilterPolicy", "{\"a\":{\"b\":[\"c\"]}}");
    assertThatThrownBy(() -> sub.setAttribute("FilterPolicyScope", "MessageAttributes"))
        .hasMessage(
            "Invalid parameter: Filter policy scope MessageAttributes does not support nested"
                + " filter policy");
  }

  @Test
  void anEmptyPolicyLetsEverythingThrough() {
    Subscription sub = topic.subscribe(SubscribeRequest.to(queue).filterPolicy("{\"s\":[\"a\"]}"));
    sub.setAttribute("FilterPolicy", "");

    topic.publish("m");
    cloud.runUntilIdle();

    assertThat(queue.peek()).hasSize(1);
    assertThat(sub.attributes()).doesNotContainKey("FilterPolicy");
  }

  private String subscribeError(String policy) {
    Queue q = cloud.sqs().createQueue("q" + Integer.toHexString(policy.hashCode()));
    try {
      topic.subscribe(SubscribeRequest.to(q).filterPolicy(policy));
    } catch (AwsServiceException e) {
      assertThat(e.errorCode()).isEqualTo("InvalidParameter");
      return e.getMessage();
    }
    return "no error";
  }
}
