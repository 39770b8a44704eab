package dev.cloudless.assertions;

import static dev.cloudless.assertions.CloudlessAssertions.assertThat;
import static dev.cloudless.fakes.faults.Faults.onState;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.stepfunctions.Execution;
import dev.cloudless.fakes.stepfunctions.StateMachineSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExecutionAssertTest {

  private static final String CHARGE = "arn:aws:states:::custom:charge";
  private static final String DEFINITION =
      """
      {"StartAt": "Reserve", "States": {
        "Reserve": {"Type": "Pass", "Result": "reserved", "ResultPath": "$.stock", "Next": "Charge"},
        "Charge": {"Type": "Task", "Resource": "%s", "ResultPath": "$.payment",
          "Retry": [{"ErrorEquals": ["PaymentTimeout"], "IntervalSeconds": 2, "MaxAttempts": 3}],
          "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Refund"}],
          "Next": "Ship"},
        "Ship": {"Type": "Pass", "Result": "shipped", "ResultPath": "$.status", "End": true},
        "Refund": {"Type": "Fail", "Error": "OrderFailed", "Cause": "payment failed"}}}
      """
          .formatted(CHARGE);

  private final FakeCloud cloud = FakeCloud.create();

  @BeforeEach
  void machine() {
    cloud
        .stepFunctions()
        .createStateMachine(StateMachineSpec.named("order").definition(DEFINITION));
    cloud.stepFunctions().taskHandler(CHARGE, request -> "\"paid\"");
  }

  @AfterEach
  void close() {
    cloud.close();
  }

  private Execution run() {
    return cloud
        .stepFunctions()
        .startExecution("order", "{\"orderId\":\"o-42\"}")
        .awaitCompletion();
  }

  @Test
  void aSuccessfulRunPassesStatusOutputStatesAndTasks() {
    Execution run = run();

    assertThat(run)
        .hasSucceeded()
        .hasOutputJson(
            "{\"orderId\":\"o-42\",\"stock\":\"reserved\",\"payment\":\"paid\",\"status\":\"shipped\"}")
        .hasVisitedStates("Reserve", "Charge", "Ship")
        .hasVisited("Ship")
        .hasNotVisited("Refund")
        .hasInvokedTasks(CHARGE)
        .hasHistoryEvent("TaskSucceeded");
    assertThat(run).outputJson().inPath("payment").isEqualTo("paid");
    assertThat(run)
        .state("Charge")
        .hasInputJson("{\"orderId\":\"o-42\",\"stock\":\"reserved\"}")
        .hasOutputJson("{\"orderId\":\"o-42\",\"stock\":\"reserved\",\"payment\":\"paid\"}")
        .hasRetries(0)
        .hasRetryDelays();
  }

  @Test
  void retriesAndTheirDelaysAreReadOffTheHistory() {
    cloud
        .faults()
        .inject(onState("order", "Charge").failWith("PaymentTimeout", "psp slow").times(2));

    Execution run = run();

    assertThat(run).hasSucceeded().hasInvokedTasks(CHARGE, CHARGE, CHARGE);
    assertThat(run)
        .state("Charge")
        .hasRetries(2)
        .hasRetryDelays(ofSeconds(2), ofSeconds(4))
        .hasAttemptErrors("PaymentTimeout", "PaymentTimeout");
    assertThatThrownBy(() -> assertThat(run).state("Charge").hasRetries(1))
        .hasMessageContaining(
            "Expecting state [Charge] of execution ["
                + run.name()
                + "] to have been retried 1 time"
                + " but it was retried 2 times.")
        .hasMessageContaining("TaskFailed PaymentTimeout: psp slow");
    assertThatThrownBy(() -> assertThat(run).state("Charge").hasRetryDelays(ofSeconds(1)))
        .hasMessageContaining("to have retry delays [PT1S] but they were [PT2S, PT4S]");
  }

  @Test
  void aFailedRunExplainsItselfWithItsHistory() {
    cloud.faults().inject(onState("order", "Charge").failWith("CardDeclined", "no funds").always());

    Execution run = run();

    assertThat(run)
        .hasFailed()
        .hasError("OrderFailed")
        .hasCause("payment failed")
        .hasCauseContaining("payment")
        .hasVisitedStates("Reserve", "Charge", "Refund");
    assertThatThrownBy(() -> assertThat(run).hasSucceeded())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Expecting execution ["
                + run.name()
                + "] to have status SUCCEEDED but it was FAILED OrderFailed payment failed.")
        .hasMessageContaining("History of execution")
        .hasMessageContaining("TaskFailed CardDeclined: no funds")
        .hasMessageContaining("FailStateEntered [Refund]");
    assertThatThrownBy(() -> assertThat(run).hasOutputJson("{}"))
        .hasMessageContaining("to have output {} but it had none");
    assertThatThrownBy(() -> assertThat(run).hasError("Other"))
        .hasMessageContaining("to have error Other but it had OrderFailed.");
  }

  @Test
  void mismatchesAreReported() {
    Execution run = run();

    assertThatThrownBy(() -> assertThat(run).hasOutputJson("{\"orderId\":\"o-1\"}"))
        .hasMessageContaining("to have output {\"orderId\":\"o-1\"} but");
    assertThatThrownBy(() -> assertThat(run).hasVisitedStates("Reserve", "Ship"))
        .hasMessageContaining(
            "to have visited states [Reserve, Ship] in this order but it visited [Reserve, Charge,"
                + " Ship].");
    assertThatThrownBy(() -> assertThat(run).hasVisited("Refund"))
        .hasMessageContaining("to have visited state [Refund]");
    assertThatThrownBy(() -> assertThat(run).hasNotVisited("Charge"))
        .hasMessageContaining("not to have visited state [Charge]");
    assertThatThrownBy(() -> assertThat(run).hasInvokedTasks())
        .hasMessageContaining("to have invoked tasks [] in this order but it invoked [" + CHARGE);
    assertThatThrownBy(() -> assertThat(run).hasHistoryEventTypes("ExecutionStarted"))
        .hasMessageContaining(
            "to have history events [ExecutionStarted] but it had [ExecutionStarted,"
                + " PassStateEntered");
    assertThatThrownBy(() -> assertThat(run).hasHistoryEvent("MapStateStarted"))
        .hasMessageContaining("to have a history event MapStateStarted but it had none.");
    assertThatThrownBy(() -> assertThat(run).state("Refund"))
        .hasMessageContaining("to have visited state [Refund] 1 time but it visited it 0 times.");
    assertThatThrownBy(() -> assertThat(run).state("Charge").hasInputJson("{}"))
        .hasMessageContaining("Expecting state [Charge] of execution")
        .hasMessageContaining("to have input {} but");
    assertThatThrownBy(
            () ->
                assertThat(run)
                    .hasStatus(dev.cloudless.fakes.stepfunctions.ExecutionStatus.RUNNING))
        .hasMessageContaining("to have status RUNNING but it was SUCCEEDED.");
    assertThatThrownBy(() -> assertThat((Execution) null).hasSucceeded())
        .hasMessageContaining("Expecting an execution but it was null.");
  }

  @Test
  void softAssertionsCollectExecutionFailuresAndSkipWhatNavigationCouldNotReach() {
    Execution run = run();
    CloudlessSoftAssertions softly = new CloudlessSoftAssertions();

    softly.assertThat(run).hasFailed();
    softly.assertThat(run).state("Nowhere").hasRetries(3).hasInputJson("{}");
    softly.assertThat(run).state("Charge").hasRetries(5);
    softly.assertThat(run).hasVisitedStates("Reserve", "Charge", "Ship");

    assertThat(softly.errorsCollected()).hasSize(3);
    assertThat(softly.errorsCollected().get(1))
        .hasMessageContaining("to have visited state [Nowhere] 1 time but it visited it 0 times");
  }
}
