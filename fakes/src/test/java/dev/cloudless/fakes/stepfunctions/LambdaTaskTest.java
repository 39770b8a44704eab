package dev.cloudless.fakes.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.lambda.LambdaEvent;
import dev.cloudless.trace.Segment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lambda tasks invoke the fake Lambda, in both resource forms, on the virtual clock. */
class LambdaTaskTest {

  private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:price";

  private final FakeCloud cloud = FakeCloud.create();
  private final FakeStepFunctions sfn = cloud.stepFunctions();
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void close() {
    cloud.close();
  }

  private Execution run(String task, String input) {
    sfn.createStateMachine(
        StateMachineSpec.named("sm")
            .definition("{\"StartAt\": \"Price\", \"States\": {\"Price\": " + task + "}}"));
    return sfn.startExecution("sm", input).awaitCompletion();
  }

  private void priceFunction(Duration runsFor) {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("price")
                .handler(
                    Map.class,
                    (in, ctx) -> Map.of("total", ((Number) in.get("qty")).intValue() * 3))
                .runsFor(runsFor));
  }

  @Test
  void theLegacyResourceReturnsTheFunctionsPayloadWhenTheInvocationEnds() throws Exception {
    priceFunction(Duration.ofSeconds(2));

    Execution run =
        run(
            "{\"Type\": \"Task\", \"Resource\": \"" + FUNCTION_ARN + "\", \"End\": true}",
            "{\"qty\": 4}");

    assertThat(json.readTree(run.output().orElseThrow()))
        .isEqualTo(json.readTree("{\"total\":12}"));
    assertThat(run.stopDate()).contains(FakeCloud.DEFAULT_START.plusSeconds(2));
    assertThat(run.history())
        .extracting(HistoryEvent::type)
        .containsExactly(
            "ExecutionStarted",
            "TaskStateEntered",
            "LambdaFunctionScheduled",
            "LambdaFunctionStarted",
            "LambdaFunctionSucceeded",
            "TaskStateExited",
            "ExecutionSucceeded");
  }

  @Test
  void lambdaInvokeReturnsTheIntegrationResponse() throws Exception {
    priceFunction(Duration.ofMillis(100));

    Execution run =
        run(
            "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\","
                + " \"Parameters\": {\"FunctionName\": \"price\", \"Payload.$\": \"$\"},"
                + " \"End\": true}",
            "{\"qty\": 2}");

    JsonNode out = json.readTree(run.output().orElseThrow());
    assertThat(out.get("Payload")).isEqualTo(json.readTree("{\"total\":6}"));
    assertThat(out.get("StatusCode").asInt()).isEqualTo(200);
    assertThat(out.get("ExecutedVersion").asText()).isEqualTo("$LATEST");
    assertThat(out.get("SdkHttpMetadata").get("HttpStatusCode").asInt()).isEqualTo(200);
    assertThat(out.get("SdkResponseMetadata").get("RequestId").asText()).isNotBlank();
    assertThat(run.history())
        .extracting(HistoryEvent::type)
        .contains("TaskScheduled", "TaskStarted", "TaskSucceeded");
    assertThat(run.history().get(2).detail("resourceType")).isEqualTo("lambda");
    assertThat(run.history().get(2).detail("resource")).isEqualTo("invoke");
  }

  @Test
  void aFunctionErrorNamesTheErrorTypeWithTheCauseSpacedOrCompactByResource() {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("price")
                .handler(
                    Map.class,
                    (in, ctx) -> {
                      throw new IllegalStateException("no stock");
                    }));

    Execution legacy =
        run("{\"Type\": \"Task\", \"Resource\": \"" + FUNCTION_ARN + "\", \"End\": true}", "{}");

    assertThat(legacy.error()).contains("java.lang.IllegalStateException");
    assertThat(legacy.cause().orElseThrow())
        .startsWith(
            "{\"errorMessage\": \"no stock\", \"errorType\": \"java.lang.IllegalStateException\"");

    sfn.deleteStateMachine("sm");
    Execution invoke =
        run(
            "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\","
                + " \"Parameters\": {\"FunctionName\": \"price\"}, \"End\": true}",
            "{}");
    assertThat(invoke.error()).contains("java.lang.IllegalStateException");
    assertThat(invoke.cause().orElseThrow()).startsWith("{\"errorMessage\":\"no stock\",");
  }

  @Test
  void lambdasOwnRefusalsAreLambdaServiceErrors() {
    Execution run =
        run(
            "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\","
                + " \"Parameters\": {\"FunctionName\": \"missing\"}, \"End\": true}",
            "{}");

    assertThat(run.error()).contains("Lambda.ResourceNotFoundException");
    assertThat(run.cause().orElseThrow())
        .contains("Function not found")
        .contains("(Service: Lambda, Status Code: 404, Request ID: ");
  }

  @Test
  void theExecutionsTraceContinuesIntoItsLambdaTasks() {
    priceFunction(Duration.ofMillis(100));

    Execution run =
        run(
            "{\"Type\": \"Task\", \"Resource\": \"" + FUNCTION_ARN + "\", \"End\": true}",
            "{\"qty\": 1}");

    String traceId =
        cloud.journal().events(StepFunctionsEvent.ExecutionStarted.class).get(0).traceId();
    assertThat(cloud.journal().events(LambdaEvent.InvocationStarted.class))
        .singleElement()
        .satisfies(e -> assertThat(e.traceId()).isEqualTo(traceId));
    assertThat(cloud.journal().forTrace(traceId))
        .extracting(e -> e.getClass().getSimpleName())
        .contains("ExecutionStarted", "InvocationStarted", "ExecutionEnded");
    assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void theExecutionIsASegmentWithItsStatesAndTheFunctionsSegmentHangsBelowIt() {
    priceFunction(Duration.ofSeconds(3));

    run(
        "{\"Type\": \"Task\", \"Resource\": \"" + FUNCTION_ARN + "\", \"End\": true}",
        "{\"qty\": 1}");

    List<Segment> segments = cloud.traces().segments();
    Segment execution =
        segments.stream()
            .filter(s -> "AWS::StepFunctions::StateMachine".equals(s.origin()))
            .findFirst()
            .orElseThrow();
    assertThat(execution.name()).isEqualTo("sm");
    assertThat(execution.duration()).isEqualTo(Duration.ofSeconds(3));
    assertThat(execution.subsegments())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.name()).isEqualTo("Price");
              assertThat(s.annotations()).containsEntry("state_type", "Task");
            });
    assertThat(segments)
        .filteredOn(s -> s != execution && execution.id().equals(s.parentId()))
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.traceId()).isEqualTo(execution.traceId()));
  }

  @Test
  void lambdaInvokeWaitForTaskTokenSubmitsTheInvocationThenWaitsForTheToken() throws Exception {
    java.util.concurrent.atomic.AtomicReference<String> token =
        new java.util.concurrent.atomic.AtomicReference<>();
    cloud
        .lambda()
        .create(
            FunctionSpec.named("approve")
                .handler(
                    Map.class,
                    (in, ctx) -> {
                      token.set((String) in.get("token"));
                      return Map.of("queued", true);
                    }));

    sfn.createStateMachine(
        StateMachineSpec.named("sm")
            .definition(
                "{\"StartAt\": \"Approve\", \"States\": {\"Approve\": {\"Type\": \"Task\","
                    + " \"Resource\": \"arn:aws:states:::lambda:invoke.waitForTaskToken\","
                    + " \"Parameters\": {\"FunctionName\": \"approve\","
                    + " \"Payload\": {\"token.$\": \"$$.Task.Token\"}}, \"End\": true}}}"));
    Execution run = sfn.startExecution("sm", "{}");
    cloud.runUntilIdle();

    assertThat(run.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(token.get()).isNotBlank();
    cloud.stepFunctions().sendTaskSuccess(token.get(), "{\"approved\":true}");
    run.awaitCompletion();

    assertThat(json.readTree(run.output().orElseThrow()))
        .isEqualTo(json.readTree("{\"approved\":true}"));
    HistoryEvent submitted =
        run.history().stream()
            .filter(e -> e.type().equals("TaskSubmitted"))
            .findFirst()
            .orElseThrow();
    assertThat(json.readTree(submitted.detail("output")).at("/Payload/queued").asBoolean())
        .isTrue();
    assertThat(submitted.detail("resource")).isEqualTo("invoke.waitForTaskToken");
  }
}
