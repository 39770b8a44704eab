package dev.cloudless.fakes.sns;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.aws.MessageAttributeValue;
import dev.cloudless.fakes.sqs.Message;
import dev.cloudless.fakes.sqs.Queue;
import dev.cloudless.trace.TraceHeader;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SqsDeliveryTest {

  private final FakeCloud cloud = FakeCloud.create();
  private final Topic orders = cloud.sns().createTopic("orders");
  private final Queue billing = cloud.sqs().createQueue("billing");
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void close() {
    cloud.close();
  }

  @Test
  void aQueueReceivesAwsEnvelopeInAwsKeyOrder() throws Exception {
    Subscription sub = orders.subscribe(billing);

    String messageId =
        orders
            .publish(
                PublishRequest.message("{\"orderId\":\"o-42\"}")
                    .subject("order placed")
                    .messageAttribute("type", "order")
                    .messageAttribute("total", MessageAttributeValue.number("42.5")))
            .messageId();
    cloud.runUntilIdle();

    Message message = billing.peek().get(0);
    JsonNode envelope = json.readTree(message.body());
    List<String> keys = new ArrayList<>();
    envelope.fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactly(
            "Type",
            "MessageId",
            "TopicArn",
            "Subject",
            "Message",
            "Timestamp",
            "SignatureVersion",
            "Signature",
            "SigningCertURL",
            "UnsubscribeURL",
            "MessageAttributes");
    assertThatJson(message.body())
        .whenIgnoringPaths("Signature", "SigningCertURL")
        .isEqualTo(
            "{\"Type\":\"Notification\",\"MessageId\":\""
                + messageId
                + "\",\"TopicArn\":\"arn:aws:sns:us-east-1:000000000000:orders\","
                + "\"Subject\":\"order placed\",\"Message\":\"{\\\"orderId\\\":\\\"o-42\\\"}\","
                + "\"Timestamp\":\"2025-01-01T00:00:00.000Z\",\"SignatureVersion\":\"1\","
                + "\"UnsubscribeURL\":\"https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&"
                + "SubscriptionArn="
                + sub.arn()
                + "\",\"MessageAttributes\":{\"type\":{\"Type\":\"String\",\"Value\":\"order\"},"
                + "\"total\":{\"Type\":\"Number\",\"Value\":\"42.5\"}}}");
    assertThat(envelope.get("SigningCertURL").asText())
        .matches(
            "https://sns\\.us-east-1\\.amazonaws\\.com/SimpleNotificationService-[0-9a-f]{32}\\.pem");
    assertThat(message.attributes()).containsEntry("SenderId", "AIDAIT2UOQQY3AUEKVGXU");
    assertThat(message.messageAttributes()).isEmpty();
    assertThat(sub.deliveries())
        .singleElement()
        .extracting(SnsEvent.MessageDelivered::payload)
        .isEqualTo(message.body());
  }

  @Test
  void subjectAndAttributesAreLeftOutWhenAbsent() throws Exception {
    orders.subscribe(billing);

    orders.publish("hello");
    cloud.runUntilIdle();

    JsonNode envelope = json.readTree(billing.peek().get(0).body());
    assertThat(envelope.has("Subject")).isFalse();
    assertThat(envelope.has("MessageAttributes")).isFalse();
    assertThat(envelope.get("Message").asText()).isEqualTo("hello");
  }

  @Test
  void theSignatureVerifiesWithTheCloudKeyOverAwsCanonicalString() throws Exception {
    orders.subscribe(billing);
    orders.publish(PublishRequest.message("hello").subject("greeting"));
    cloud.runUntilIdle();

    JsonNode e = json.readTree(billing.peek().get(0).body());
    String canonical =
        "Message\nhello\nMessageId\n"
            + e.get("MessageId").asText()
            + "\nSubject\ngreeting\nTimestamp\n"
            + e.get("Timestamp").asText()
            + "\nTopicArn\n"
            + orders.arn()
            + "\nType\nNotification\n";
    Signature verifier = Signature.getInstance("SHA1withRSA");
    verifier.initVerify(cloud.sns().signingPublicKey());
    verifier.update(canonical.getBytes(StandardCharsets.UTF_8));
    assertThat(verifier.verify(Base64.getDecoder().decode(e.get("Signature").asText()))).isTrue();
  }

  @Test
  void signatureVersionTwoSignsWithSha256() throws Exception {
    orders.setAttribute("SignatureVersion", "2");
    orders.subscribe(billing);
    orders.publish("hello");
    cloud.runUntilIdle();

    JsonNode e = json.readTree(billing.peek().get(0).body());
    assertThat(e.get("SignatureVersion").asText()).isEqualTo("2");
    String canonical =
        "Message\nhello\nMessageId\n"
            + e.get("MessageId").asText()
            + "\nTimestamp\n"
            + e.get("Timestamp").asText()
            + "\nTopicArn\n"
            + orders.arn()
            + "\nType\nNotification\n";
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(cloud.sns().signingPublicKey());
    verifier.update(canonical.getBytes(StandardCharsets.UTF_8));
    assertThat(verifier.verify(Base64.getDecoder().decode(e.get("Signature").asText()))).isTrue();
  }

  @Test
  void rawDeliveryGivesTheMessageTextAndTurnsAttributesIntoQueueAttributes() {
    orders.subscribe(SubscribeRequest.to(billing).rawMessageDelivery(true));

    orders.publish(
        PublishRequest.message("{\"orderId\":\"o-42\"}")
            .messageAttribute("type", "order")
            .stringArrayAttribute("tags", List.of("a", "b")));
    cloud.runUntilIdle();

    Message message = billing.peek().get(0);
    assertThat(message.body()).isEqualTo("{\"orderId\":\"o-42\"}");
    assertThat(message.messageAttributes())
        .containsEntry("type", MessageAttributeValue.string("order"))
        .containsEntry("tags", new MessageAttributeValue("String.Array", "[\"a\",\"b\"]", null));
  }

  @Test
  void oneMessageFansOutToEveryQueue() {
    Queue audit = cloud.sqs().createQueue("audit");
    orders.subscribe(billing);
    orders.subscribe(audit);

    orders.publish("hello");
    cloud.runUntilIdle();

    assertThat(billing.peek()).hasSize(1);
    assertThat(audit.peek()).hasSize(1);
  }

  @Test
  void messageStructureJsonSendsEachProtocolItsMessageAndNoAttributes() throws Exception {
    orders.subscribe(billing);

    orders.publish(
        PublishRequest.message("{\"default\":\"for everyone\",\"sqs\":\"for queues\"}")
            .messageStructure("json")
            .messageAttribute("type", "order"));
    cloud.runUntilIdle();

    JsonNode e = json.readTree(billing.peek().get(0).body());
    assertThat(e.get("Message").asText()).isEqualTo("for queues");
    assertThat(e.has("MessageAttributes")).isFalse();
  }

  @Test
  void messageStructureJsonNeedsADefault() {
    assertThatThrownBy(
            () ->
                orders.publish(PublishRequest.message("{\"sqs\":\"x\"}").messageStructure("json")))
        .hasMessage("Invalid parameter: Message Structure - No default entry in JSON message body");
    assertThatThrownBy(
            () -> orders.publish(PublishRequest.message("not json").messageStructure("json")))
        .hasMessage("Invalid parameter: Message Structure - JSON message body failed to parse");
  }

  @Test
  void aMessageOver256KbIsRefused() {
    String justFits = "x".repeat(262_144 - 9); // plus "a", "String" and "bc": 262,144

    orders.publish(PublishRequest.message(justFits).messageAttribute("a", "bc"));
    assertThatThrownBy(
            () -> orders.publish(PublishRequest.message(justFits).messageAttribute("a", "bcd")))
        .isInstanceOf(AwsServiceException.class)
        .hasMessage("Invalid parameter: Message too long");
  }

  @Test
  void emptyMessagesAndSubjectsAreRefused() {
    assertThatThrownBy(() -> orders.publish("")).hasMessage("Invalid parameter: Empty message");
    assertThatThrownBy(() -> orders.publish(PublishRequest.message("x").subject("")))
        .hasMessage("Invalid parameter: Subject");
    assertThatThrownBy(() -> orders.publish(PublishRequest.message("x").subject("a\nb")))
        .hasMessage("Invalid parameter: Subject");
  }

  @Test
  void attributeNamesAndTypesFollowAwsRules() {
    assertThatThrownBy(
            () -> orders.publish(PublishRequest.message("x").messageAttribute(".a", "v")))
        .hasMessage("Invalid message attribute name starting with character '.' was found.")
        .extracting(e -> ((AwsServiceException) e).errorCode())
        .isEqualTo("ParameterValueInvalid");
    assertThatThrownBy(
            () -> orders.publish(PublishRequest.message("x").messageAttribute("a.", "v")))
        .hasMessage("Invalid message attribute name ending with character '.' was found.");
    assertThatThrownBy(
            () -> orders.publish(PublishRequest.message("x").messageAttribute("a..b", "v")))
        .hasMessage("Message attribute name can not have successive '.' character.");
    assertThatThrownBy(
            () -> orders.publish(PublishRequest.message("x").messageAttribute("a b", "v")))
        .hasMessageStartingWith("Invalid non-alphanumeric character '#x20'");
    assertThatThrownBy(
            () ->
                orders.publish(
                    PublishRequest.message("x")
                        .messageAttribute("a", new MessageAttributeValue("Text", "v", null))))
        .hasMessageContaining("the set of supported type prefixes is Binary, Number, and String.");
    assertThatThrownBy(
            () ->
                orders.publish(
                    PublishRequest.message("x")
                        .messageAttribute("n", MessageAttributeValue.number("ten"))))
        .hasMessage("Could not cast message attribute 'n' value to number.");
    assertThatThrownBy(() -> orders.publish(PublishRequest.message("x").messageAttribute("a", "")))
        .hasMessage(
            "The message attribute 'a' must contain non-empty message attribute value for message"
                + " attribute type 'String'.");
  }

  @Test
  void publishBatchAnswersEachEntryById() {
    orders.subscribe(billing);

    PublishBatchResult result =
        orders.publishBatch(
            List.of(
                PublishBatchEntry.of("1", "first"),
                PublishBatchEntry.of("2", PublishRequest.message("")),
                PublishBatchEntry.of("3", "third")));
    cloud.runUntilIdle();

    assertThat(result.successful())
        .extracting(PublishBatchResult.Successful::id)
        .containsExactly("1", "3");
    assertThat(result.failed())
        .singleElement()
        .isEqualTo(
            new PublishBatchResult.Failed(
                "2", "InvalidParameter", "Invalid parameter: Empty message", true));
    assertThat(billing.peek()).hasSize(2);
  }

  @Test
  void publishBatchChecksTheBatchAsAwsDoes() {
    List<PublishBatchEntry> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add(PublishBatchEntry.of("e" + i, "m"));
    }
    assertThatThrownBy(() -> orders.publishBatch(eleven))
        .hasMessage("The batch request contains more entries than permissible.")
        .extracting(e -> ((AwsServiceException) e).errorCode())
        .isEqualTo("TooManyEntriesInBatchRequest");
    assertThatThrownBy(() -> orders.publishBatch(List.of()))
        .extracting(e -> ((AwsServiceException) e).errorCode())
        .isEqualTo("EmptyBatchRequest");
    assertThatThrownBy(
            () ->
                orders.publishBatch(
                    List.of(PublishBatchEntry.of("a", "1"), PublishBatchEntry.of("a", "2"))))
        .hasMessage("Two or more batch entries in the request have the same Id.");
    assertThatThrownBy(() -> orders.publishBatch(List.of(PublishBatchEntry.of("a b", "1"))))
        .extracting(e -> ((AwsServiceException) e).errorCode())
        .isEqualTo("InvalidBatchEntryId");
    String half = "x".repeat(140_000);
    assertThatThrownBy(
            () ->
                orders.publishBatch(
                    List.of(PublishBatchEntry.of("a", half), PublishBatchEntry.of("b", half))))
        .extracting(e -> ((AwsServiceException) e).errorCode())
        .isEqualTo("BatchRequestTooLong");
  }

  @Test
  void messageIdsComeFromTheSeed() {
    try (FakeCloud a = FakeCloud.builder().seed(7).build();
        FakeCloud b = FakeCloud.builder().seed(7).build()) {
      String first = a.sns().createTopic("t").publish("x").messageId();
      String second = b.sns().createTopic("t").publish("x").messageId();
      assertThat(first).isEqualTo(second).matches("[0-9a-f-]{36}");
    }
  }

  @Test
  void theTraceContinuesIntoTheQueueAsAwsTraceHeader() {
    orders.subscribe(billing);
    TraceHeader caller =
        TraceHeader.parse(
            "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");

    orders.publish(PublishRequest.message("x").traceHeader(caller));
    cloud.runUntilIdle();

    String header = billing.peek().get(0).attributes().get("AWSTraceHeader");
    assertThat(TraceHeader.parse(header).root()).isEqualTo(caller.root());
    assertThat(TraceHeader.parse(header).parent()).isNotEqualTo(caller.parent());
    assertThat(cloud.traces().segments())
        .anySatisfy(s -> assertThat(s.origin()).isEqualTo("AWS::SNS::Topic"));
  }

  @Test
  void deliveryHappensAsAnEventAfterPublishAnswers() {
    orders.subscribe(billing);

    orders.publish("x");

    assertThat(billing.peek()).isEmpty();
    cloud.runUntilIdle();
    assertThat(billing.peek()).hasSize(1);
  }

  @Test
  void theJournalTellsThePublishAndEachDelivery() {
    Subscription sub = orders.subscribe(billing);

    String id = orders.publish("x").messageId();
    cloud.runUntilIdle();

    assertThat(cloud.journal().events(SnsEvent.MessagePublished.class))
        .singleElement()
        .satisfies(e -> assertThat(e.messageId()).isEqualTo(id));
    assertThat(cloud.journal().forResource(sub.arn()))
        .hasAtLeastOneElementOfType(SnsEvent.MessageDelivered.class);
    Iterator<SnsEvent.MessageDelivered> it = sub.deliveries().iterator();
    assertThat(it.next().attempt()).isEqualTo(1);
  }
}
