package dev.cloudless.fakes.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Starting, describing, stopping and naming executions, on the virtual clock. */
class ExecutionsTest {

  private static final Instant START = FakeCloud.DEFAULT_START;

  private final FakeCloud cloud = FakeCloud.builder().accountId("123456789012").build();
  private final FakeStepFunctions sfn = cloud.stepFunctions();

  @AfterEach
  void close() {
    cloud.close();
  }

  private StateMachine machine(String name, StateMachineType type, String asl) {
    return sfn.createStateMachine(StateMachineSpec.named(name).definition(asl).type(type));
  }

  private static final String WAIT_A_YEAR_LESS_A_DAY =
      """
      {"StartAt": "Wait", "States": {
        "Wait": {"Type": "Wait", "Seconds": 31449600, "Next": "Done"},
        "Done": {"Type": "Pass", "Result": {"done": true}, "End": true}}}
      """;

  @Test
  void aWaitOfAlmostAYearFinishesAtOnceOnTheVirtualClock() {
    machine("slow", StateMachineType.STANDARD, WAIT_A_YEAR_LESS_A_DAY);

    Execution run = sfn.startExecution("slow", "nightly", "{}").awaitCompletion();

    assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(run.output()).contains("{\"done\":true}");
    assertThat(run.executionArn())
        .isEqualTo("arn:aws:states:us-east-1:123456789012:execution:slow:nightly");
    assertThat(run.stopDate()).contains(START.plus(Duration.ofDays(364)));
    assertThat(cloud.clock().now()).isEqualTo(START.plus(Duration.ofDays(364)));
  }

  @Test
  void anExpressExecutionTimesOutAfterFiveMinutes() {
    machine(
        "quick",
        StateMachineType.EXPRESS,
        """
        {"StartAt": "Wait", "States": {"Wait": {"Type": "Wait", "Seconds": 600, "End": true}}}
        """);

    Execution run = sfn.startSyncExecution("quick", "{}");

    assertThat(run.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
    assertThat(run.error()).contains("States.Timeout");
    assertThat(run.stopDate()).contains(START.plus(Duration.ofMinutes(5)));
    assertThat(run.executionArn())
        .startsWith("arn:aws:states:us-east-1:123456789012:express:quick:")
        .matches(".*:express:quick:[0-9a-f-]{36}:[0-9a-f-]{36}");
  }

  @Test
  void theDefinitionsTimeoutSecondsIsTheLimitWhenShorter() {
    machine(
        "bounded",
        StateMachineType.STANDARD,
        """
        {"TimeoutSeconds": 30, "StartAt": "Wait",
         "States": {"Wait": {"Type": "Wait", "Seconds": 60, "End": true}}}
        """);

    Execution run = sfn.startExecution("bounded", "{}").awaitCompletion();

    assertThat(run.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
    assertThat(run.stopDate()).contains(START.plusSeconds(30));
    assertThat(run.history().get(run.history().size() - 1).type()).isEqualTo("ExecutionTimedOut");
  }

  @Test
  void startSyncExecutionIsForExpressOnly() {
    machine("std", StateMachineType.STANDARD, WAIT_A_YEAR_LESS_A_DAY);

    assertThatThrownBy(() -> sfn.startSyncExecution("std", "{}"))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("StateMachineTypeNotSupported"));
  }

  @Test
  void aStandardNameIsIdempotentWhileRunningWithTheSameInput() {
    machine("slow", StateMachineType.STANDARD, WAIT_A_YEAR_LESS_A_DAY);

    Execution first = sfn.startExecution("slow", "order-1", "{\"a\":1}");
    Execution again = sfn.startExecution("slow", "order-1", "{\"a\":1}");

    assertThat(again).isSameAs(first);
    assertThatThrownBy(() -> sfn.startExecution("slow", "order-1", "{\"a\":2}"))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("ExecutionAlreadyExists");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Execution Already Exists:"
                          + " 'arn:aws:states:us-east-1:123456789012:execution:slow:order-1'");
            });
  }

  @Test
  void aClosedStandardNameIsTakenFor90Days() {
    machine(
        "fast",
        StateMachineType.STANDARD,
        "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}");
    sfn.startExecution("fast", "once", "{}").awaitCompletion();

    assertThatThrownBy(() -> sfn.startExecution("fast", "once", "{}"))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageContaining("Execution Already Exists");

    cloud.advance(Duration.ofDays(90));
    Execution reused = sfn.startExecution("fast", "once", "{}").awaitCompletion();
    assertThat(reused.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void expressNamesAreNeverDeduplicated() {
    machine(
        "fast",
        StateMachineType.EXPRESS,
        "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}");

    Execution a = sfn.startExecution("fast", "same", "{}");
    Execution b = sfn.startExecution("fast", "same", "{}");

    assertThat(a.executionArn()).isNotEqualTo(b.executionArn());
  }

  @Test
  void describeStopAndHistoryRefuseExpressExecutionsAsAwsDoes() {
    machine(
        "fast",
        StateMachineType.EXPRESS,
        "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}");
    Execution run = sfn.startSyncExecution("fast", "{}");

    for (org.assertj.core.api.ThrowableAssert.ThrowingCallable call :
        java.util.List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
            () -> sfn.describeExecution(run.executionArn()),
            () -> sfn.getExecutionHistory(run.executionArn()),
            () -> sfn.stopExecution(run.executionArn(), null, null))) {
      assertThatThrownBy(call)
          .isInstanceOf(dev.cloudless.fakes.aws.AwsServiceException.class)
          .hasMessageContaining("Resource type not valid in this context: express");
    }
    assertThat(run.history()).isNotEmpty();
  }

  @Test
  void stopExecutionAbortsAWaitingExecution() {
    machine("slow", StateMachineType.STANDARD, WAIT_A_YEAR_LESS_A_DAY);
    Execution run = sfn.startExecution("slow", "{}");
    cloud.advance(Duration.ofHours(1));

    sfn.stopExecution(run.executionArn(), "Cancelled", "by the test");
    cloud.runUntilIdle();

    assertThat(run.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(run.error()).contains("Cancelled");
    assertThat(run.stopDate()).contains(START.plus(Duration.ofHours(1)));
    assertThat(sfn.describeExecution(run.executionArn())).isSameAs(run);
  }

  @Test
  void historyIsNumberedAsAwsNumbersIt() {
    machine(
        "steps",
        StateMachineType.STANDARD,
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Next": "B"},
          "B": {"Type": "Pass", "End": true}}}
        """);

    List<HistoryEvent> history =
        sfn.startExecution("steps", "{\"x\":1}").awaitCompletion().history();

    assertThat(history)
        .extracting(HistoryEvent::type)
        .containsExactly(
            "ExecutionStarted",
            "PassStateEntered",
            "PassStateExited",
            "PassStateEntered",
            "PassStateExited",
            "ExecutionSucceeded");
    assertThat(history).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    // Recorded: the first StateEntered points at 0, not at ExecutionStarted.
    assertThat(history)
        .extracting(HistoryEvent::previousEventId)
        .containsExactly(0L, 0L, 2L, 3L, 4L, 5L);
    assertThat(history.get(1).detail("input")).isEqualTo("{\"x\":1}");
    assertThat(history.get(1).details().get("inputDetails").get("truncated").asBoolean()).isFalse();
  }

  @Test
  void anInlineMapIsNumberedAsRecorded() {
    machine(
        "map",
        StateMachineType.STANDARD,
        """
        {"StartAt": "Prepare", "States": {
          "Prepare": {"Type": "Pass", "Result": [1, 2, 3], "Next": "Each"},
          "Each": {"Type": "Map", "End": true,
                   "ItemProcessor": {"StartAt": "Item", "States": {
                     "Item": {"Type": "Pass", "End": true}}}}}}
        """);

    List<HistoryEvent> h = sfn.startExecution("map", "{}").awaitCompletion().history();

    // AWS-SEMANTICS 4.4: MapStateEntered(4,3) -> MapStateStarted(5,4) -> MapIterationStarted(6,5)
    // ... MapIterationSucceeded(9,8) -> MapIterationStarted(10,8) ... -> MapStateSucceeded(18,17)
    // -> MapStateExited(19,17).
    assertThat(h.get(3))
        .extracting(HistoryEvent::type, HistoryEvent::id, HistoryEvent::previousEventId)
        .containsExactly("MapStateEntered", 4L, 3L);
    assertThat(h.get(4))
        .extracting(HistoryEvent::type, HistoryEvent::previousEventId)
        .containsExactly("MapStateStarted", 4L);
    assertThat(h.get(5))
        .extracting(HistoryEvent::type, HistoryEvent::previousEventId)
        .containsExactly("MapIterationStarted", 5L);
    assertThat(h.get(8))
        .extracting(HistoryEvent::type, HistoryEvent::previousEventId)
        .containsExactly("MapIterationSucceeded", 8L);
    assertThat(h.get(9))
        .extracting(HistoryEvent::type, HistoryEvent::previousEventId)
        .containsExactly("MapIterationStarted", 8L);
    assertThat(h.get(17))
        .extracting(HistoryEvent::type, HistoryEvent::previousEventId)
        .containsExactly("MapStateSucceeded", 17L);
    assertThat(h.get(18))
        .extracting(HistoryEvent::type, HistoryEvent::previousEventId)
        .containsExactly("MapStateExited", 17L);
    assertThat(h.get(5).detail("index")).isEqualTo("0");
    assertThat(h.get(5).detail("name")).isEqualTo("Each");
  }

  @Test
  void everyTransitionIsJournaled() {
    machine(
        "steps",
        StateMachineType.STANDARD,
        "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}");

    Execution run = sfn.startExecution("steps", "{}").awaitCompletion();

    assertThat(cloud.journal().forResource(run.executionArn()))
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("ExecutionStarted", "StateEntered", "StateExited", "ExecutionEnded");
  }

  @Test
  void badInputAndNamesAreRefusedAsAwsRefusesThem() {
    machine("slow", StateMachineType.STANDARD, WAIT_A_YEAR_LESS_A_DAY);

    assertThatThrownBy(() -> sfn.startExecution("slow", "{not json"))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("InvalidExecutionInput"));
    assertThatThrownBy(() -> sfn.startExecution("slow", "a b", "{}"))
        .isInstanceOfSatisfying(
            AwsServiceException.class, e -> assertThat(e.errorCode()).isEqualTo("InvalidName"));
    assertThatThrownBy(() -> sfn.startExecution("missing", "{}"))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("StateMachineDoesNotExist"));
  }

  @Test
  void aParallelIsNumberedAsRecorded() {
    // LocalStack's AWS recording of test_parallel_state (parallel_state.json5): twelve branch
    // events (6 to 17), then ParallelStateExited #19 pointing at #17: ParallelStateSucceeded is
    // #18 and points at the branches' last event too.
    machine(
        "parallel",
        StateMachineType.STANDARD,
        """
        {"StartAt": "LoadInput", "States": {
          "LoadInput": {"Type": "Pass", "Result": [1, 2, 3, 4], "Next": "ParallelState"},
          "ParallelState": {"Type": "Parallel", "End": true, "Branches": [
            {"StartAt": "Branch1", "States": {"Branch1": {"Type": "Pass", "End": true}}},
            {"StartAt": "Branch21", "States": {
              "Branch21": {"Type": "Pass", "Next": "Branch22"},
              "Branch22": {"Type": "Pass", "End": true}}},
            {"StartAt": "Branch31", "States": {
              "Branch31": {"Type": "Pass", "Next": "Branch32"},
              "Branch32": {"Type": "Pass", "Next": "Branch33"},
              "Branch33": {"Type": "Pass", "End": true}}}]}}}
        """);

    Execution run = sfn.startExecution("parallel", "{}").awaitCompletion();

    assertThat(run.output()).contains("[[1,2,3,4],[1,2,3,4],[1,2,3,4]]");
    List<HistoryEvent> history = run.history();
    assertThat(history).hasSize(20);
    assertThat(history.get(17))
        .extracting(HistoryEvent::id, HistoryEvent::previousEventId, HistoryEvent::type)
        .containsExactly(18L, 17L, "ParallelStateSucceeded");
    assertThat(history.get(18))
        .extracting(HistoryEvent::id, HistoryEvent::previousEventId, HistoryEvent::type)
        .containsExactly(19L, 17L, "ParallelStateExited");
    assertThat(history.get(19))
        .extracting(HistoryEvent::id, HistoryEvent::previousEventId, HistoryEvent::type)
        .containsExactly(20L, 19L, "ExecutionSucceeded");
  }
}
