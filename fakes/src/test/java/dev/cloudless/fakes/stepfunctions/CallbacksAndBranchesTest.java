package dev.cloudless.fakes.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Task tokens, Parallel branches and nested executions. */
class CallbacksAndBranchesTest {

  private static final String APPROVAL = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";

  private final FakeCloud cloud = FakeCloud.create();
  private final FakeStepFunctions sfn = cloud.stepFunctions();
  private final AtomicReference<String> token = new AtomicReference<>();

  @AfterEach
  void close() {
    cloud.close();
  }

  private Execution start(String states, String input) {
    sfn.createStateMachine(StateMachineSpec.named("sm").definition(states));
    return sfn.startExecution("sm", input);
  }

  private String approval(String extra) {
    sfn.taskHandler(
        APPROVAL,
        request -> {
          token.set(request.taskToken());
          return null;
        });
    return "{\"StartAt\": \"Approve\", \"States\": {\"Approve\": {\"Type\": \"Task\","
        + " \"Resource\": \""
        + APPROVAL
        + "\", \"Parameters\": {\"token.$\": \"$$.Task.Token\"}"
        + extra
        + ", \"End\": true}}}";
  }

  @Test
  void aTaskTokenWaitsForSendTaskSuccess() {
    Execution run = start(approval(""), "{}");
    cloud.runUntilIdle();

    assertThat(run.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(token.get()).isNotBlank();
    cloud.advance(Duration.ofDays(3));
    sfn.sendTaskSuccess(token.get(), "{\"approved\":true}");

    assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(run.output()).contains("{\"approved\":true}");
    assertThat(run.stopDate()).contains(FakeCloud.DEFAULT_START.plus(Duration.ofDays(3)));
    assertThatThrownBy(() -> sfn.sendTaskSuccess(token.get(), "{}"))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("TaskDoesNotExist"));
  }

  @Test
  void sendTaskFailureFailsTheTask() {
    Execution run = start(approval(""), "{}");
    cloud.runUntilIdle();

    sfn.sendTaskFailure(token.get(), "Rejected", "too expensive");

    assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(run.error()).contains("Rejected");
    assertThat(run.cause()).contains("too expensive");
  }

  @Test
  void aMissedHeartbeatIsStatesTimeoutAndHeartbeatsKeepTheTaskAlive() {
    Execution run = start(approval(", \"HeartbeatSeconds\": 60"), "{}");
    cloud.advance(Duration.ofSeconds(50));
    sfn.sendTaskHeartbeat(token.get());
    cloud.advance(Duration.ofSeconds(50));

    assertThat(run.status()).isEqualTo(ExecutionStatus.RUNNING);
    cloud.advance(Duration.ofSeconds(20));

    assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(run.error()).contains("States.Timeout");
    assertThat(run.stopDate()).contains(FakeCloud.DEFAULT_START.plusSeconds(110));
    assertThat(run.history()).extracting(HistoryEvent::type).contains("TaskTimedOut");
  }

  @Test
  void parallelBranchesGiveTheirOutputsInOrder() {
    Execution run =
        start(
            """
            {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true,
              "Branches": [
                {"StartAt": "Slow", "States": {"Slow": {"Type": "Wait", "Seconds": 10, "Next": "A"},
                  "A": {"Type": "Pass", "Result": "a", "End": true}}},
                {"StartAt": "B", "States": {"B": {"Type": "Pass", "Result": "b", "End": true}}}]}}}
            """,
            "{}");

    run.awaitCompletion();

    assertThat(run.output()).contains("[\"a\",\"b\"]");
    assertThat(run.stopDate()).contains(FakeCloud.DEFAULT_START.plusSeconds(10));
    assertThat(run.history())
        .extracting(HistoryEvent::type)
        .contains("ParallelStateStarted", "ParallelStateSucceeded", "ParallelStateExited");
  }

  @Test
  void aFailingBranchFailsTheParallelWithItsErrorForCatchToHandle() {
    Execution run =
        start(
            """
            {"StartAt": "Both", "States": {
              "Both": {"Type": "Parallel", "End": true,
                "Catch": [{"ErrorEquals": ["Broken"], "ResultPath": "$.failure", "Next": "Handled"}],
                "Branches": [
                  {"StartAt": "Slow", "States": {"Slow": {"Type": "Wait", "Seconds": 10, "End": true}}},
                  {"StartAt": "Bad", "States": {"Bad": {"Type": "Fail", "Error": "Broken", "Cause": "b"}}}]},
              "Handled": {"Type": "Pass", "End": true}}}
            """,
            "{\"id\":1}");

    run.awaitCompletion();

    assertThat(run.output())
        .contains("{\"id\":1,\"failure\":{\"Error\":\"Broken\",\"Cause\":\"b\"}}");
    assertThat(run.stopDate()).contains(FakeCloud.DEFAULT_START);
  }

  @Test
  void aMapOverItemsThatWaitRunsThemConcurrentlyUpToMaxConcurrency() {
    Execution run =
        start(
            """
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", "MaxConcurrency": 2, "End": true,
              "ItemProcessor": {"StartAt": "W", "States": {
                "W": {"Type": "Wait", "Seconds": 60, "End": true}}}}}}
            """,
            "[1, 2, 3, 4, 5]");

    run.awaitCompletion();

    // Two at a time: five items of a minute each take three minutes.
    assertThat(run.stopDate()).contains(FakeCloud.DEFAULT_START.plusSeconds(180));
    assertThat(run.output()).contains("[1,2,3,4,5]");
  }

  @Test
  void startExecutionSyncRunsAChildStateMachine() {
    sfn.createStateMachine(
        StateMachineSpec.named("child")
            .definition(
                "{\"StartAt\": \"Double\", \"States\": {\"Double\": {\"Type\": \"Pass\","
                    + " \"Parameters\": {\"n.$\": \"States.MathAdd($.n, $.n)\"}, \"End\": true}}}"));

    Execution run =
        start(
            """
            {"StartAt": "Call", "States": {"Call": {"Type": "Task", "End": true,
              "Resource": "arn:aws:states:::states:startExecution.sync:2",
              "Parameters": {"StateMachineArn": "arn:aws:states:us-east-1:000000000000:stateMachine:child",
                             "Input.$": "$"},
              "OutputPath": "$.Output"}}}
            """,
            "{\"n\": 21}");

    run.awaitCompletion();

    assertThat(run.output()).contains("{\"n\":42}");
  }

  private static final String CHILD_ARN =
      "arn:aws:states:us-east-1:000000000000:stateMachine:child";

  private void child(String definition) {
    sfn.createStateMachine(StateMachineSpec.named("child").definition(definition));
  }

  @Test
  void startExecutionRequestResponseAnswersAtOnceWithTheChildsArn() throws Exception {
    child(
        "{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 60, \"End\": true}}}");

    Execution run =
        start(
            """
            {"StartAt": "Call", "States": {"Call": {"Type": "Task", "End": true,
              "Resource": "arn:aws:states:::states:startExecution",
              "Parameters": {"StateMachineArn": "%s", "Name": "kid", "Input": null}}}}
            """
                .formatted(CHILD_ARN),
            "{}");
    run.awaitCompletion();

    JsonNode out = new ObjectMapper().readTree(run.output().orElseThrow());
    assertThat(out.fieldNames())
        .toIterable()
        .containsExactly("ExecutionArn", "SdkHttpMetadata", "SdkResponseMetadata", "StartDate");
    assertThat(out.get("ExecutionArn").asText())
        .isEqualTo("arn:aws:states:us-east-1:000000000000:execution:child:kid");
    assertThat(run.stopDate()).contains(run.startDate());
    Execution kid = sfn.describeExecution(out.get("ExecutionArn").asText());
    assertThat(kid.input()).isEqualTo("{}");
    assertThat(kid.awaitCompletion().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void startExecutionSyncGivesTheChildsOutputAsTextAndWaitsForIt() throws Exception {
    child(
        "{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 60, \"End\": true}}}");

    Execution run =
        start(
            """
            {"StartAt": "Call", "States": {"Call": {"Type": "Task", "End": true,
              "Resource": "arn:aws:states:::states:startExecution.sync",
              "Parameters": {"StateMachineArn": "%s", "Input": {"a": 1}}}}}
            """
                .formatted(CHILD_ARN),
            "{}");
    run.awaitCompletion();

    JsonNode out = new ObjectMapper().readTree(run.output().orElseThrow());
    assertThat(out.get("Output").isTextual()).isTrue();
    assertThat(out.get("Output").asText()).isEqualTo("{\"a\":1}");
    assertThat(out.get("Status").asText()).isEqualTo("SUCCEEDED");
    assertThat(run.stopDate()).contains(run.startDate().plusSeconds(60));
    assertThat(run.history()).extracting(HistoryEvent::type).contains("TaskSubmitted");
  }

  @Test
  void aFailedChildFailsTheSyncTaskWithStatesTaskFailed() {
    child(
        "{\"StartAt\": \"F\", \"States\": {\"F\": {\"Type\": \"Fail\", \"Error\": \"Nope\", \"Cause\": \"bad\"}}}");

    Execution run =
        start(
            """
            {"StartAt": "Call", "States": {"Call": {"Type": "Task", "End": true,
              "Resource": "arn:aws:states:::states:startExecution.sync:2",
              "Parameters": {"StateMachineArn": "%s"}}}}
            """
                .formatted(CHILD_ARN),
            "{}");
    run.awaitCompletion();

    assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(run.error()).contains("States.TaskFailed");
    assertThat(run.cause()).hasValueSatisfying(c -> assertThat(c).contains("\"Error\":\"Nope\""));
  }

  @Test
  void startingAMissingStateMachineFailsWithTheSdksExceptionName() {
    Execution run =
        start(
            """
            {"StartAt": "Call", "States": {"Call": {"Type": "Task", "End": true,
              "Resource": "arn:aws:states:::states:startExecution",
              "Parameters": {"StateMachineArn": "%s"}}}}
            """
                .formatted(CHILD_ARN),
            "{}");
    run.awaitCompletion();

    assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(run.error()).contains("StepFunctions.StateMachineDoesNotExistException");
  }
}
