package dev.cloudless.fakes.stepfunctions;

import static dev.cloudless.fakes.faults.Faults.onState;
import static dev.cloudless.fakes.faults.Faults.onStateMachine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.faults.FaultFired;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Faults on Task states through the fault plan: failures, and Express's duplicate runs. */
class StateFaultsTest {

  private static final String RESOURCE = "arn:aws:states:::custom:charge";
  private static final String DEFINITION =
      "{\"StartAt\": \"Charge\", \"States\": {"
          + "\"Charge\": {\"Type\": \"Task\", \"Resource\": \""
          + RESOURCE
          + "\", \"Retry\": [{\"ErrorEquals\": [\"Flaky\"], \"IntervalSeconds\": 2,"
          + " \"MaxAttempts\": 2}], \"Next\": \"Done\"},"
          + "\"Done\": {\"Type\": \"Succeed\"}}}";

  private final FakeCloud cloud = FakeCloud.create();
  private final FakeStepFunctions sfn = cloud.stepFunctions();
  private final AtomicInteger charges = new AtomicInteger();

  @AfterEach
  void close() {
    cloud.close();
  }

  private void machine(StateMachineType type) {
    sfn.createStateMachine(StateMachineSpec.named("checkout").definition(DEFINITION).type(type));
    sfn.taskHandler(RESOURCE, request -> "{\"charge\": " + charges.incrementAndGet() + "}");
  }

  @Test
  void failWithFailsTheAttemptWithoutCallingTheResourceAndRetryApplies() {
    machine(StateMachineType.STANDARD);
    cloud.faults().inject(onState("checkout", "Charge").failWith("Flaky", "psp slow").times(2));

    Execution run = sfn.startExecution("checkout", "{}").awaitCompletion();

    assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(charges).hasValue(1);
    assertThat(run.history())
        .filteredOn(e -> e.type().equals("TaskFailed"))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.details().get("cause").asText()).isEqualTo("psp slow"));
    assertThat(cloud.journal().events(FaultFired.class)).hasSize(2);
  }

  @Test
  void failWithBeyondTheRetriesFailsTheExecution() {
    machine(StateMachineType.STANDARD);
    cloud.faults().inject(onStateMachine("checkout").failWith("Flaky", "down").always());

    Execution run = sfn.startExecution("checkout", "{}").awaitCompletion();

    assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(run.error()).contains("Flaky");
    assertThat(run.cause()).contains("down");
    assertThat(charges).hasValue(0);
  }

  @Test
  void aRuleOnAnotherStateMachineDoesNotFire() {
    machine(StateMachineType.STANDARD);
    cloud.faults().inject(onState("refunds", "Charge").failWith("Flaky", "x").always());

    Execution run = sfn.startExecution("checkout", "{}").awaitCompletion();

    assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(cloud.journal().events(FaultFired.class)).isEmpty();
  }

  @Test
  void aRuleOnAStateTheMachineLacksOrWithoutATaskIsRefused() {
    machine(StateMachineType.STANDARD);
    cloud.faults().inject(onState("checkout", "Other").failWith("Flaky", "x").always());

    assertThatThrownBy(() -> sfn.startExecution("checkout", "{}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("onState(\"checkout\", \"Other\")")
        .hasMessageContaining("does not have");

    cloud.faults().clear();
    cloud.faults().inject(onState("checkout", "Done").failWith("Flaky", "x").always());

    assertThatThrownBy(() -> sfn.startExecution("checkout", "{}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names a Succeed state; state faults apply to Task states");
  }

  @Test
  void duplicateExecutionRunsAnExpressTaskTwiceAndContinuesWithTheSecondResult() {
    machine(StateMachineType.EXPRESS);
    cloud.faults().inject(onState("checkout", "Charge").duplicateExecution().once());

    Execution run = sfn.startSyncExecution("checkout", "{}");

    assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(charges).hasValue(2);
    assertThat(run.output()).contains("{\"charge\":2}");
  }

  @Test
  void duplicateExecutionIsRefusedOnAStandardStateMachine() {
    machine(StateMachineType.STANDARD);
    cloud.faults().inject(onState("checkout", "Charge").duplicateExecution().once());

    Execution run = sfn.startExecution("checkout", "{}");

    assertThatThrownBy(run::awaitCompletion)
        .hasStackTraceContaining("STANDARD state machine")
        .hasStackTraceContaining("exactly once");
    assertThat(charges).hasValue(0);
  }

  @Test
  void duplicateExecutionOfACallbackTaskSubmitsTwiceAndTheFirstAnswerCompletesIt() {
    java.util.List<String> tokens = new java.util.ArrayList<>();
    String resource = "arn:aws:states:::custom:approve.waitForTaskToken";
    sfn.taskHandler(
        resource,
        request -> {
          tokens.add(request.taskToken());
          return null;
        });
    sfn.createStateMachine(
        StateMachineSpec.named("approvals")
            .type(StateMachineType.EXPRESS)
            .definition(
                "{\"StartAt\": \"Approve\", \"States\": {\"Approve\": {\"Type\": \"Task\","
                    + " \"Resource\": \""
                    + resource
                    + "\", \"End\": true}}}"));
    cloud.faults().inject(onState("approvals", "Approve").duplicateExecution().once());

    Execution run = sfn.startExecution("approvals", "{}");
    cloud.runUntilIdle();

    assertThat(tokens).hasSize(2).containsOnly(tokens.get(0));
    sfn.sendTaskSuccess(tokens.get(0), "{\"ok\":true}");
    assertThat(run.awaitCompletion().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }
}
