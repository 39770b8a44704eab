package dev.cloudless.fakes.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.stepfunctions.TestStateResult.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TestState: one state on its own, as AWS's TestState API runs it. */
class TestStateTest {

  private static final String CHARGE =
      """
      {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
       "Parameters": {"FunctionName": "charge", "Payload.$": "$.order"},
       "ResultSelector": {"paid.$": "$.Payload.paid"},
       "ResultPath": "$.charge",
       "Retry": [{"ErrorEquals": ["PaymentTimeout"], "IntervalSeconds": 2, "MaxAttempts": 2,
                  "BackoffRate": 3}],
       "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Refund"}],
       "Next": "Ship"}
      """;

  private final FakeCloud cloud = FakeCloud.create();
  private final FakeStepFunctions sfn = cloud.stepFunctions();
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void close() {
    cloud.close();
  }

  @Test
  void aMockedResultFlowsThroughTheStateAndNamesTheNextState() throws Exception {
    TestStateResult r =
        sfn.testState(
            TestStateRequest.definition(CHARGE)
                .input("{\"order\": {\"id\": \"o-1\"}}")
                .mockResult("{\"Payload\": {\"paid\": true}, \"StatusCode\": 200}")
                .inspectionLevel(TestStateRequest.InspectionLevel.DEBUG));

    assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(r.nextState()).isEqualTo("Ship");
    assertThat(json.readTree(r.output()))
        .isEqualTo(json.readTree("{\"order\": {\"id\": \"o-1\"}, \"charge\": {\"paid\": true}}"));
    assertThat(json.readTree(r.inspectionData().input()))
        .isEqualTo(json.readTree("{\"order\": {\"id\": \"o-1\"}}"));
    assertThat(json.readTree(r.inspectionData().afterParameters()))
        .isEqualTo(json.readTree("{\"FunctionName\": \"charge\", \"Payload\": {\"id\": \"o-1\"}}"));
    assertThat(r.inspectionData().result()).contains("\"paid\":true");
  }

  @Test
  void anErrorARetrierMatchesIsRetriableWithItsBackOff() {
    TestStateResult r =
        sfn.testState(
            TestStateRequest.definition(CHARGE)
                .input("{\"order\": {}}")
                .mockError("PaymentTimeout", "psp slow")
                .retrierRetryCount(1)
                .inspectionLevel(TestStateRequest.InspectionLevel.DEBUG));

    assertThat(r.status()).isEqualTo(Status.RETRIABLE);
    assertThat(r.error()).isEqualTo("PaymentTimeout");
    assertThat(r.cause()).isEqualTo("psp slow");
    assertThat(r.nextState()).isNull();
    // Second retry: 2 s × 3^1.
    assertThat(r.inspectionData().errorDetails())
        .isEqualTo(new TestStateResult.ErrorDetails(0, 6, null));
  }

  @Test
  void anErrorWhoseRetrierIsExhaustedIsCaught() throws Exception {
    TestStateResult r =
        sfn.testState(
            TestStateRequest.definition(CHARGE)
                .input("{\"order\": {}}")
                .mockError("PaymentTimeout", "psp slow")
                .retrierRetryCount(2)
                .inspectionLevel(TestStateRequest.InspectionLevel.DEBUG));

    assertThat(r.status()).isEqualTo(Status.CAUGHT_ERROR);
    assertThat(r.nextState()).isEqualTo("Refund");
    assertThat(json.readTree(r.output()))
        .isEqualTo(
            json.readTree(
                "{\"order\": {}, \"error\": {\"Error\": \"PaymentTimeout\", \"Cause\": \"psp slow\"}}"));
    assertThat(r.inspectionData().errorDetails().catchIndex()).isZero();
  }

  @Test
  void anErrorNoRetrierOrCatcherHandlesFails() {
    TestStateResult r =
        sfn.testState(
            TestStateRequest.definition(
                    "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\","
                        + " \"Parameters\": {\"FunctionName\": \"f\"}, \"End\": true}")
                .mockError("Boom", "bad"));

    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.error()).isEqualTo("Boom");
    assertThat(r.cause()).isEqualTo("bad");
    assertThat(r.inspectionData()).isNull();
  }

  @Test
  void aChoiceStateInAStateMachineNamesTheChoiceThatMatchedAndSeesVariables() {
    String machine =
        """
        {"StartAt": "Route", "States": {
          "Route": {"Type": "Choice", "Choices": [
              {"Variable": "$total", "NumericGreaterThan": 100, "Next": "Review"}],
            "Default": "Accept"},
          "Review": {"Type": "Succeed"}, "Accept": {"Type": "Succeed"}}}
        """;

    TestStateResult big =
        sfn.testState(
            TestStateRequest.definition(machine).stateName("Route").variables("{\"total\": 250}"));
    TestStateResult small =
        sfn.testState(
            TestStateRequest.definition(machine).stateName("Route").variables("{\"total\": 5}"));

    assertThat(big.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(big.nextState()).isEqualTo("Review");
    assertThat(small.nextState()).isEqualTo("Accept");
  }

  @Test
  void aPassStateThatLoopsToItselfNamesItself() {
    TestStateResult r =
        sfn.testState(
            TestStateRequest.definition(
                    "{\"Type\": \"Pass\", \"Result\": {\"n\": 1}, \"Next\": \"Loop\"}")
                .stateName("Loop"));

    assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(r.nextState()).isEqualTo("Loop");
    assertThat(r.output()).isEqualTo("{\"n\":1}");
  }

  @Test
  void aWaitLongerThanFiveMinutesTimesOutAsInAws() {
    TestStateResult r =
        sfn.testState(
            TestStateRequest.definition("{\"Type\": \"Wait\", \"Seconds\": 600, \"End\": true}"));

    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.error()).isEqualTo("States.Timeout");
  }

  @Test
  void withoutAMockATaskCallsItsResource() {
    sfn.taskHandler("arn:aws:states:::custom:price", request -> "{\"price\": 7}");

    TestStateResult r =
        sfn.testState(
            TestStateRequest.definition(
                "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::custom:price\","
                    + " \"End\": true}"));

    assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(r.output()).isEqualTo("{\"price\":7}");
    assertThat(r.nextState()).isNull();
  }

  @Test
  void requestsAwsRefusesAreRefused() {
    assertThatThrownBy(
            () ->
                sfn.testState(
                    TestStateRequest.definition(
                        "{\"Type\": \"Task\", \"Resource\":"
                            + " \"arn:aws:states:::lambda:invoke.waitForTaskToken\","
                            + " \"Parameters\": {\"FunctionName\": \"f\"}, \"End\": true}")))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageContaining("only with a mock");
    assertThatThrownBy(
            () ->
                sfn.testState(
                    TestStateRequest.definition("{\"Type\": \"Pass\", \"End\": true}")
                        .mockResult("{}")))
        .hasMessageContaining("is a Pass");
    assertThatThrownBy(
            () ->
                sfn.testState(
                    TestStateRequest.definition(
                            "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}")
                        .stateName("B")))
        .hasMessageContaining("no state named 'B'");
    assertThatThrownBy(
            () -> sfn.testState(TestStateRequest.definition("{\"Type\": \"Pass\", \"Nxt\": 1}")))
        .isInstanceOf(AwsServiceException.class)
        .extracting(e -> ((AwsServiceException) e).errorCode())
        .isEqualTo("InvalidDefinition");
  }

  private static final String MAP =
      """
      {"Type": "Map", "ItemsPath": "$.items", "ResultPath": "$.priced",
       "ItemProcessor": {"StartAt": "Price", "States": {
         "Price": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                   "Parameters": {"FunctionName": "price", "Payload.$": "$"}, "End": true}}},
       "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Manual"}],
       "Next": "Total"}
      """;

  @Test
  void aMapStateIsAnsweredByItsMockWithoutRunningItsIterations() throws Exception {
    TestStateResult r =
        sfn.testState(
            TestStateRequest.definition(MAP).input("{\"items\": [1, 2]}").mockResult("[10, 20]"));

    assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(r.nextState()).isEqualTo("Total");
    assertThat(json.readTree(r.output()))
        .isEqualTo(json.readTree("{\"items\": [1, 2], \"priced\": [10, 20]}"));
  }

  @Test
  void aMockedMapErrorGoesToItsCatcher() {
    TestStateResult r =
        sfn.testState(
            TestStateRequest.definition(MAP)
                .input("{\"items\": [1]}")
                .mockError("States.ExceedToleratedFailureThreshold", "too many"));

    assertThat(r.status()).isEqualTo(Status.CAUGHT_ERROR);
    assertThat(r.nextState()).isEqualTo("Manual");
    assertThat(r.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
  }

  @Test
  void mapAndParallelNeedAMockAsInAws() {
    assertThatThrownBy(() -> sfn.testState(TestStateRequest.definition(MAP).input("{}")))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageContaining("supports Map states only with a mock");
  }
}
