package dev.cloudless.fakes.sns;

import static dev.cloudless.fakes.faults.Faults.onFunction;
import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.MessageAttributeValue;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.lambda.LambdaEvent;
import dev.cloudless.fakes.sqs.Message;
import dev.cloudless.fakes.sqs.Queue;
import dev.cloudless.trace.TraceHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LambdaDeliveryTest {

  private final FakeCloud cloud = FakeCloud.create();
  private final Topic orders = cloud.sns().createTopic("orders");

  @AfterEach
  void close() {
    cloud.close();
  }

  @Test
  void aFunctionReceivesTheSnsEventAsTheJavaEventsTypeReadsIt() {
    List<SNSEvent> received = new ArrayList<>();
    cloud
        .lambda()
        .create(FunctionSpec.named("audit").handler(SNSEvent.class, (e, ctx) -> received.add(e)));
    Subscription sub = orders.subscribe(cloud.lambda().function("audit"));

    String messageId =
        orders
            .publish(
                PublishRequest.message("hello")
                    .subject("greeting")
                    .messageAttribute("type", "order")
                    .messageAttribute("blob", MessageAttributeValue.binary(new byte[] {1, 2})))
            .messageId();
    cloud.runUntilIdle();

    SNSEvent.SNSRecord record = received.get(0).getRecords().get(0);
    assertThat(record.getEventSource()).isEqualTo("aws:sns");
    assertThat(record.getEventVersion()).isEqualTo("1.0");
    assertThat(record.getEventSubscriptionArn()).isEqualTo(sub.arn());
    SNSEvent.SNS sns = record.getSNS();
    assertThat(sns.getMessage()).isEqualTo("hello");
    assertThat(sns.getMessageId()).isEqualTo(messageId);
    assertThat(sns.getSubject()).isEqualTo("greeting");
    assertThat(sns.getTopicArn()).isEqualTo(orders.arn());
    assertThat(sns.getType()).isEqualTo("Notification");
    assertThat(sns.getSigningCertUrl()).startsWith("https://sns.us-east-1.amazonaws.com/");
    assertThat(sns.getUnsubscribeUrl()).endsWith("SubscriptionArn=" + sub.arn());
    assertThat(sns.getMessageAttributes().get("type").getValue()).isEqualTo("order");
    assertThat(sns.getMessageAttributes().get("blob").getType()).isEqualTo("Binary");
    assertThat(sns.getMessageAttributes().get("blob").getValue()).isEqualTo("AQI=");
  }

  @Test
  void theLambdaEventSpellsUrlAsLambdaSpellsIt() {
    orders.subscribe(
        SubscribeRequest.lambda(
            cloud
                .lambda()
                .create(FunctionSpec.named("audit").handler(Map.class, (e, ctx) -> "ok"))
                .arn()));

    orders.publish("hello");
    cloud.runUntilIdle();

    String event = cloud.journal().events(SnsEvent.MessageDelivered.class).get(0).payload();
    assertThatJson(event)
        .inPath("Records[0].Sns")
        .isObject()
        .containsKeys("SigningCertUrl", "UnsubscribeUrl", "MessageAttributes")
        .doesNotContainKeys("SigningCertURL", "UnsubscribeURL")
        .containsEntry("Subject", null);
    assertThatJson(event).inPath("Records[0].EventSource").isEqualTo("aws:sns");
  }

  @Test
  void theInvocationIsAsynchronousSoLambdaRetriesAFailingHandler() {
    cloud.lambda().create(FunctionSpec.named("audit").handler(Map.class, (e, ctx) -> "ok"));
    cloud.faults().inject(onFunction("audit").throwing(new IllegalStateException("boom")).always());
    orders.subscribe(cloud.lambda().function("audit"));

    orders.publish("hello");
    cloud.runUntilIdle();

    assertThat(cloud.journal().events(LambdaEvent.InvocationStarted.class)).hasSize(3);
    assertThat(cloud.journal().events(SnsEvent.MessageDelivered.class)).hasSize(1);
  }

  @Test
  void theTraceContinuesIntoTheInvocation() {
    cloud.lambda().create(FunctionSpec.named("audit").handler(Map.class, (e, ctx) -> "ok"));
    orders.subscribe(cloud.lambda().function("audit"));
    TraceHeader caller = TraceHeader.parse("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");

    orders.publish(PublishRequest.message("x").traceHeader(caller));
    cloud.runUntilIdle();

    assertThat(cloud.journal().events(LambdaEvent.InvocationStarted.class))
        .singleElement()
        .extracting(LambdaEvent.InvocationStarted::traceId)
        .isEqualTo(caller.root().value());
  }

  @Test
  void aDeletedFunctionIsAClientErrorAndNotRetried() {
    cloud.lambda().create(FunctionSpec.named("audit").handler(Map.class, (e, ctx) -> "ok"));
    Subscription sub = orders.subscribe(cloud.lambda().function("audit"));
    cloud.lambda().deleteFunction("audit");

    orders.publish("x");
    cloud.runUntilIdle();

    assertThat(cloud.journal().events(SnsEvent.DeliveryFailed.class))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.retryable()).isFalse();
              assertThat(f.error()).startsWith("ResourceNotFoundException");
            });
    assertThat(cloud.journal().events(SnsEvent.MessageDiscarded.class))
        .singleElement()
        .extracting(SnsEvent.MessageDiscarded::resourceArn)
        .isEqualTo(sub.arn());
  }

  @Test
  void aLambdaDeadLetterQueueThatIsATopicNowDelivers() {
    Queue inbox = cloud.sqs().createQueue("inbox");
    Topic failures = cloud.sns().createTopic("failures");
    failures.subscribe(SubscribeRequest.to(inbox).rawMessageDelivery(true));
    cloud
        .lambda()
        .create(
            FunctionSpec.named("charge")
                .handler(Map.class, (e, ctx) -> "ok")
                .deadLetterQueue(failures));
    cloud
        .faults()
        .inject(onFunction("charge").throwing(new IllegalStateException("boom")).always());

    cloud.lambda().invokeAsync("charge", "{\"amount\":42}");
    cloud.runUntilIdle();

    Message message = inbox.peek().get(0);
    assertThat(message.body()).isEqualTo("{\"amount\":42}");
    assertThat(message.messageAttributes())
        .containsEntry("ErrorCode", MessageAttributeValue.number("200"))
        .containsEntry("ErrorMessage", MessageAttributeValue.string("boom"))
        .containsKey("RequestID");
    assertThat(cloud.journal().events(LambdaEvent.AsyncEventDropped.class))
        .singleElement()
        .extracting(LambdaEvent.AsyncEventDropped::deadLetterError)
        .isNull();
  }

  @Test
  void anOnFailureDestinationThatIsATopicReceivesTheInvocationRecord() {
    Queue inbox = cloud.sqs().createQueue("inbox");
    Topic failures = cloud.sns().createTopic("failures");
    failures.subscribe(inbox);
    cloud
        .lambda()
        .create(
            FunctionSpec.named("charge").handler(Map.class, (e, ctx) -> "ok").onFailure(failures));
    cloud
        .faults()
        .inject(onFunction("charge").throwing(new IllegalStateException("boom")).always());

    cloud.lambda().invokeAsync("charge", "{\"amount\":42}");
    cloud.runUntilIdle();

    String envelope = inbox.peek().get(0).body();
    assertThatJson(envelope).inPath("TopicArn").isEqualTo(failures.arn());
    assertThatJson(envelope).inPath("Message").isString().contains("RetriesExhausted");
    assertThat(cloud.journal().events(LambdaEvent.DestinationInvoked.class))
        .singleElement()
        .extracting(LambdaEvent.DestinationInvoked::error)
        .isNull();
  }
}
