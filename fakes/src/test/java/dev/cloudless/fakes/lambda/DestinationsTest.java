package dev.cloudless.fakes.lambda;

import static dev.cloudless.fakes.faults.Faults.onFunction;
import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.sqs.Queue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DestinationsTest {

  private final FakeCloud cloud = FakeCloud.create();
  private final FakeLambda lambda = cloud.lambda();
  private final Queue successes = cloud.sqs().createQueue("successes");
  private final Queue failures = cloud.sqs().createQueue("failures");

  @AfterEach
  void close() {
    cloud.close();
  }

  @Test
  void aSuccessSendsAwsInvocationRecordToTheOnSuccessQueue() {
    lambda.create(
        FunctionSpec.named("charge")
            .handler(Map.class, (in, ctx) -> Map.of("charged", in.get("amount")))
            .onSuccess(successes));

    String requestId = lambda.invokeAsync("charge", "{\"amount\":42}").requestId();
    cloud.runUntilIdle();

    String arn = lambda.function("charge").arn();
    assertThatJson(successes.peek().get(0).body())
        .isEqualTo(
            "{\"version\":\"1.0\",\"timestamp\":\"2025-01-01T00:00:00.100Z\","
                + "\"requestContext\":{\"requestId\":\""
                + requestId
                + "\",\"functionArn\":\""
                + arn
                + ":$LATEST\",\"condition\":\"Success\",\"approximateInvokeCount\":1},"
                + "\"requestPayload\":{\"amount\":42},"
                + "\"responseContext\":{\"statusCode\":200,\"executedVersion\":\"$LATEST\"},"
                + "\"responsePayload\":{\"charged\":42}}");
    assertThat(failures.peek()).isEmpty();
  }

  @Test
  void anExhaustedEventSendsItsRecordToTheOnFailureDestinationAndTheDeadLetterQueue() {
    Queue dlq = cloud.sqs().createQueue("dlq");
    lambda.create(
        FunctionSpec.named("charge")
            .handler(Map.class, (in, ctx) -> "ok")
            .deadLetterQueue(dlq)
            .onFailure(failures));
    cloud
        .faults()
        .inject(onFunction("charge").throwing(new IllegalStateException("boom")).always());

    lambda.invokeAsync("charge", "{\"amount\":42}");
    cloud.runUntilIdle();

    assertThat(dlq.peek()).singleElement().extracting(m -> m.body()).isEqualTo("{\"amount\":42}");
    String record = failures.peek().get(0).body();
    assertThatJson(record).inPath("requestContext.condition").isEqualTo("RetriesExhausted");
    assertThatJson(record).inPath("requestContext.approximateInvokeCount").isEqualTo(3);
    assertThatJson(record)
        .inPath("responseContext")
        .isEqualTo(
            "{\"statusCode\":200,\"executedVersion\":\"$LATEST\",\"functionError\":\"Unhandled\"}");
    assertThatJson(record).inPath("responsePayload.errorMessage").isEqualTo("boom");
  }

  @Test
  void anEventTooOldGivesAnEventAgeExceededRecord() {
    lambda.create(
        FunctionSpec.named("charge")
            .handler(Map.class, (in, ctx) -> "ok")
            .maximumEventAge(Duration.ofSeconds(60))
            .onFailure(failures));
    cloud
        .faults()
        .inject(onFunction("charge").throwing(new IllegalStateException("boom")).always());

    lambda.invokeAsync("charge", "{}");
    cloud.runUntilIdle();

    assertThatJson(failures.peek().get(0).body())
        .inPath("requestContext")
        .isObject()
        .containsEntry("condition", "EventAgeExceeded")
        .containsEntry("approximateInvokeCount", 1);
  }

  @Test
  void aFunctionDestinationReceivesTheRecordAsItsEvent() {
    List<Object> received = new ArrayList<>();
    lambda.create(
        FunctionSpec.named("audit")
            .handler(
                Map.class,
                (in, ctx) -> {
                  received.add(((Map<?, ?>) in.get("requestContext")).get("condition"));
                  return null;
                }));
    lambda.create(
        FunctionSpec.named("charge")
            .handler(Map.class, (in, ctx) -> "ok")
            .onSuccess(lambda.function("audit")));

    lambda.invokeAsync("charge", "{}");
    cloud.runUntilIdle();

    assertThat(received).containsExactly("Success");
    assertThat(lambda.function("audit").invocations())
        .singleElement()
        .extracting(Invocation::invocationType)
        .isEqualTo(InvocationType.EVENT);
  }

  @Test
  void aliasesHaveTheirOwnAsynchronousSettings() {
    lambda.create(FunctionSpec.named("charge").handler(Map.class, (in, ctx) -> "ok"));
    lambda.publishVersion("charge");
    lambda.createAlias("charge", AliasSpec.named("live").version("1"));
    lambda.putFunctionEventInvokeConfig(
        "charge", "live", EventInvokeConfig.defaults().onSuccess(successes));

    lambda.invokeAsync("charge", "{}");
    lambda.invokeAsync("charge:live", "{}");
    cloud.runUntilIdle();

    assertThat(successes.peek())
        .singleElement()
        .satisfies(
            m ->
                assertThatJson(m.body())
                    .inPath("requestContext.functionArn")
                    .isEqualTo(lambda.function("charge").arn() + ":live"));
    assertThat(lambda.functionEventInvokeConfig("charge", null)).isEmpty();
    assertThat(lambda.functionEventInvokeConfig("charge", "live")).isPresent();
  }

  @Test
  void destinationsCloudlessDoesNotFakeAreRefusedNotIgnored() {
    assertThatThrownBy(
            () ->
                EventInvokeConfig.defaults()
                    .onFailure("arn:aws:events:us-east-1:000000000000:event-bus/default"))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageContaining("Cloudless does not fake yet");
    assertThatThrownBy(
            () -> EventInvokeConfig.defaults().onSuccess("arn:aws:dynamodb:us-east-1:0:table/t"))
        .hasMessageContaining("is invalid");
  }

  @Test
  void aDestinationThatDoesNotExistLosesTheRecordAndTheJournalSaysSo() {
    lambda.create(
        FunctionSpec.named("charge")
            .handler(Map.class, (in, ctx) -> "ok")
            .onSuccess("arn:aws:sqs:us-east-1:000000000000:missing"));

    lambda.invokeAsync("charge", "{}");
    cloud.runUntilIdle();

    assertThat(cloud.journal().events(LambdaEvent.DestinationInvoked.class))
        .singleElement()
        .extracting(LambdaEvent.DestinationInvoked::error)
        .asString()
        .contains("does not exist");
  }
}
