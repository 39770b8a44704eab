package dev.cloudless.fakes.lambda;

import static dev.cloudless.fakes.faults.Faults.onFunction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.aws.MessageAttributeValue;
import dev.cloudless.fakes.lambda.Invocation.Outcome;
import dev.cloudless.fakes.sqs.Message;
import dev.cloudless.fakes.sqs.Queue;
import dev.cloudless.trace.TraceHeader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsyncInvokeTest {

  private final FakeCloud cloud = FakeCloud.create();
  private final Queue dlq = cloud.sqs().createQueue("charge-dlq");

  @AfterEach
  void close() {
    cloud.close();
  }

  public static final class AlwaysFails implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
      throw new IllegalStateException("psp unavailable");
    }
  }

  public static final class Succeeds implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
      return "charged";
    }
  }

  @Test
  void answers202AtOnceAndRunsOnlyWhenTheClockRuns() {
    cloud.lambda().create(FunctionSpec.named("charge").handler(new Succeeds()));

    InvocationResult result = cloud.lambda().invokeAsync("charge", "{\"orderId\":\"o-1\"}");

    assertThat(result.statusCode()).isEqualTo(202);
    assertThat(result.payload()).isEmpty();
    assertThat(result.executedVersion()).isNull();
    assertThat(result.functionError()).isNull();
    assertThat(cloud.lambda().function("charge").invocations()).isEmpty();

    cloud.runUntilIdle();

    assertThat(cloud.lambda().function("charge").invocations())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.outcome()).isEqualTo(Outcome.SUCCEEDED);
              assertThat(i.invocationType()).isEqualTo(InvocationType.EVENT);
              assertThat(i.requestId()).isEqualTo(result.requestId());
            });
  }

  @Test
  void aFailingEventIsRetriedTwiceOneThenTwoMinutesLaterThenDeadLettered() {
    cloud
        .lambda()
        .create(FunctionSpec.named("charge").handler(new AlwaysFails()).deadLetterQueue(dlq));

    String requestId = cloud.lambda().invokeAsync("charge", "{\"orderId\":\"o-42\"}").requestId();
    cloud.runUntilIdle();

    List<Invocation> attempts = cloud.lambda().function("charge").invocations();
    assertThat(attempts)
        .extracting(Invocation::attempt, Invocation::outcome, Invocation::requestId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, Outcome.FAILED, requestId),
            org.assertj.core.groups.Tuple.tuple(2, Outcome.FAILED, requestId),
            org.assertj.core.groups.Tuple.tuple(3, Outcome.FAILED, requestId));
    assertThat(Duration.between(attempts.get(0).endedAt(), attempts.get(1).startedAt()))
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(Duration.between(attempts.get(1).endedAt(), attempts.get(2).startedAt()))
        .isEqualTo(Duration.ofMinutes(2));

    Message dead = dlq.peek().get(0);
    assertThat(dlq.peek()).hasSize(1);
    assertThat(dead.body()).isEqualTo("{\"orderId\":\"o-42\"}");
    assertThat(dead.messageAttributes())
        .containsExactly(
            Map.entry("RequestID", MessageAttributeValue.string(requestId)),
            Map.entry("ErrorCode", MessageAttributeValue.number("200")),
            Map.entry("ErrorMessage", MessageAttributeValue.string("psp unavailable")));
    assertThat(cloud.journal().events(LambdaEvent.AsyncEventDropped.class))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.condition()).isEqualTo("RetriesExhausted");
              assertThat(d.approximateInvokeCount()).isEqualTo(3);
              assertThat(d.deadLetterTargetArn()).isEqualTo(dlq.arn());
              assertThat(d.deadLetterError()).isNull();
            });
  }

  @Test
  void theDeadLetterMessageContinuesTheInvocationsTrace() {
    cloud
        .lambda()
        .create(FunctionSpec.named("charge").handler(new AlwaysFails()).deadLetterQueue(dlq));
    TraceHeader incoming =
        TraceHeader.parse(
            "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");

    cloud
        .lambda()
        .invoke(
            InvokeRequest.function("charge")
                .invocationType(InvocationType.EVENT)
                .payload("{}")
                .traceHeader(incoming));
    cloud.runUntilIdle();

    TraceHeader onMessage = TraceHeader.parse(dlq.peek().get(0).attributes().get("AWSTraceHeader"));
    assertThat(onMessage.root()).isEqualTo(incoming.root());
    assertThat(cloud.lambda().function("charge").invocations())
        .extracting(Invocation::traceId)
        .containsOnly(incoming.root().value());
    assertThat(cloud.traces().trace(incoming.root()).orElseThrow().segments())
        .extracting(s -> s.origin())
        .contains("AWS::Lambda", "AWS::Lambda::Function", "AWS::SQS::Queue");
  }

  @Test
  void maximumRetryAttemptsZeroDeadLettersAfterTheFirstFailure() {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("charge")
                .handler(new AlwaysFails())
                .maximumRetryAttempts(0)
                .deadLetterQueue(dlq));

    cloud.lambda().invokeAsync("charge", "{}");
    cloud.runUntilIdle();

    assertThat(cloud.lambda().function("charge").invocations()).hasSize(1);
    assertThat(dlq.peek()).hasSize(1);
    assertThat(cloud.clock().elapsed()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void anEventOlderThanMaximumEventAgeIsDroppedWhenItsRetryComesDue() {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("charge")
                .handler(new AlwaysFails())
                .maximumEventAge(Duration.ofSeconds(60))
                .deadLetterQueue(dlq));

    cloud.lambda().invokeAsync("charge", "{}");
    cloud.runUntilIdle();

    assertThat(cloud.lambda().function("charge").invocations()).hasSize(1);
    assertThat(cloud.journal().events(LambdaEvent.AsyncEventDropped.class))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.condition()).isEqualTo("EventAgeExceeded");
              assertThat(d.approximateInvokeCount()).isEqualTo(1);
              assertThat(d.time())
                  .isEqualTo(FakeCloud.DEFAULT_START.plusMillis(100).plus(Duration.ofMinutes(1)));
            });
    assertThat(dlq.peek()).hasSize(1);
  }

  @Test
  void aRetryThatSucceedsEndsTheEventWithoutDeadLettering() {
    cloud
        .lambda()
        .create(FunctionSpec.named("charge").handler(new Succeeds()).deadLetterQueue(dlq));
    cloud.faults().inject(onFunction("charge").throwing(new IllegalStateException("flaky")).once());

    cloud.lambda().invokeAsync("charge", "{}");
    cloud.runUntilIdle();

    assertThat(cloud.lambda().function("charge").invocations())
        .extracting(Invocation::outcome)
        .containsExactly(Outcome.FAILED, Outcome.SUCCEEDED);
    assertThat(dlq.peek()).isEmpty();
  }

  @Test
  void throttlesAreRetriedWithBackoffWithoutUsingRetryAttempts() {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("charge")
                .handler(new Succeeds())
                .maximumRetryAttempts(0)
                .deadLetterQueue(dlq));
    cloud.faults().inject(onFunction("charge").throttle().times(4));

    cloud.lambda().invokeAsync("charge", "{}");
    cloud.runUntilIdle();

    List<Invocation> attempts = cloud.lambda().function("charge").invocations();
    assertThat(attempts)
        .extracting(Invocation::outcome)
        .containsExactly(
            Outcome.THROTTLED,
            Outcome.THROTTLED,
            Outcome.THROTTLED,
            Outcome.THROTTLED,
            Outcome.SUCCEEDED);
    assertThat(attempts)
        .extracting(i -> Duration.between(FakeCloud.DEFAULT_START, i.startedAt()))
        .containsExactly(
            Duration.ZERO,
            Duration.ofSeconds(1),
            Duration.ofSeconds(3),
            Duration.ofSeconds(7),
            Duration.ofSeconds(15));
    assertThat(dlq.peek()).isEmpty();
  }

  @Test
  void throttlesUntilTheEventIsTooOldEndInTheDeadLetterQueueWith429() {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("charge")
                .handler(new Succeeds())
                .maximumEventAge(Duration.ofMinutes(30))
                .deadLetterQueue(dlq));
    cloud.faults().inject(onFunction("charge").throttle().always());

    cloud.lambda().invokeAsync("charge", "{}");
    cloud.runUntilIdle();

    Instant dropped = cloud.journal().events(LambdaEvent.AsyncEventDropped.class).get(0).time();
    assertThat(Duration.between(FakeCloud.DEFAULT_START, dropped))
        .isGreaterThan(Duration.ofMinutes(30))
        .isLessThanOrEqualTo(Duration.ofMinutes(35));
    assertThat(dlq.peek().get(0).messageAttribute("ErrorCode"))
        .contains(MessageAttributeValue.number("429"));
  }

  @Test
  void withoutADeadLetterQueueAnExhaustedEventIsLostAndTheJournalSaysSo() {
    cloud.lambda().create(FunctionSpec.named("charge").handler(new AlwaysFails()));

    cloud.lambda().invokeAsync("charge", "{}");
    cloud.runUntilIdle();

    assertThat(cloud.journal().events(LambdaEvent.AsyncEventDropped.class).get(0).summary())
        .contains("dropped (no dead-letter queue)");
  }

  @Test
  void aDeadLetterQueueThatNoLongerExistsLosesTheEventAsAwsDoes() {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("charge")
                .handler(new AlwaysFails())
                .maximumRetryAttempts(0)
                .deadLetterQueue(dlq));
    cloud.sqs().deleteQueue("charge-dlq");

    cloud.lambda().invokeAsync("charge", "{}");
    cloud.runUntilIdle();

    assertThat(cloud.journal().events(LambdaEvent.AsyncEventDropped.class).get(0).deadLetterError())
        .contains("does not exist");
  }

  @Test
  void anAsyncPayloadOverOneMegabyteIsRefused() {
    cloud.lambda().create(FunctionSpec.named("charge").handler(new Succeeds()));
    String big = "\"" + "x".repeat(1_048_576) + "\"";

    assertThatThrownBy(() -> cloud.lambda().invokeAsync("charge", big))
        .isInstanceOfSatisfying(
            AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(413))
        .hasMessageContaining("1048576 bytes");
  }

  @Test
  void anAsyncInvokeFromAHandlerRunsLaterAndContinuesItsTrace() {
    cloud.lambda().create(FunctionSpec.named("notify").handler(new Succeeds()));
    cloud
        .lambda()
        .create(
            FunctionSpec.named("order")
                .handler(
                    Map.class,
                    (input, ctx) -> {
                      cloud.lambda().invokeAsync("notify", "{}");
                      return "accepted";
                    }));

    InvocationResult result = cloud.lambda().invoke("order", "{}");
    cloud.runUntilIdle();

    assertThat(result.payload()).isEqualTo("\"accepted\"");
    String orderTrace = cloud.lambda().function("order").invocations().get(0).traceId();
    assertThat(cloud.lambda().function("notify").invocations())
        .singleElement()
        .extracting(Invocation::traceId)
        .isEqualTo(orderTrace);
  }
}
