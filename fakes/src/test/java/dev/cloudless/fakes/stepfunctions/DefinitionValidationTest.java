package dev.cloudless.fakes.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CreateStateMachine refuses a bad definition before anything runs, with AWS's diagnostics. */
class DefinitionValidationTest {

  private final FakeCloud cloud = FakeCloud.create();

  @AfterEach
  void close() {
    cloud.close();
  }

  private AwsServiceException refusal(String definition) {
    Throwable t =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                cloud
                    .stepFunctions()
                    .createStateMachine(StateMachineSpec.named("sm").definition(definition)));
    assertThat(t).isInstanceOf(AwsServiceException.class);
    AwsServiceException e = (AwsServiceException) t;
    assertThat(e.errorCode()).isEqualTo("InvalidDefinition");
    assertThat(e.statusCode()).isEqualTo(400);
    return e;
  }

  @Test
  void aMissingNextTargetIsNamedWithItsLocation() {
    AwsServiceException e =
        refusal(
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Nowhere"}}}
            """);

    assertThat(e.getMessage())
        .isEqualTo(
            "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target:"
                + " Nowhere at /States/A/Next'");
  }

  @Test
  void anUnknownStateTypeIsRefused() {
    AwsServiceException e =
        refusal("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Sleep\", \"End\": true}}}");

    assertThat(e.getMessage())
        .contains(
            "SCHEMA_VALIDATION_FAILED: The field 'Type' should have one of these values: [Task,"
                + " Wait, Pass, Succeed, Fail, Choice, Parallel, Map] at /States/A/Type");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    AwsServiceException e =
        refusal(
            """
            {"StartAt": "A", "States": {
              "A": {"Type": "Pass", "Colour": "red", "Next": "B"},
              "B": {"Type": "Task", "End": true},
              "C": {"Type": "Succeed"}}}
            """);

    assertThat(e.getMessage())
        .contains("The field \"Colour\" is not supported by Step Functions at /States/A")
        .contains("These fields are required: [Resource] at /States/B")
        .contains("UNREACHABLE_STATE: State \"C\" is not reachable. at /States/C");
  }

  @Test
  void jsonPathFieldsAreRefusedInJsonataStatesAndTheOtherWayRound() {
    assertThat(
            refusal(
                    """
                    {"QueryLanguage": "JSONata", "StartAt": "A",
                     "States": {"A": {"Type": "Pass", "InputPath": "$.x", "End": true}}}
                    """)
                .getMessage())
        .contains(
            "\"InputPath\" is not supported by Step Functions for JSONata states at /States/A");
    assertThat(
            refusal(
                    """
                    {"StartAt": "A",
                     "States": {"A": {"Type": "Pass", "Output": "{% 1 %}", "End": true}}}
                    """)
                .getMessage())
        .contains("\"Output\" is not supported by Step Functions for JSONPath states at /States/A");
  }

  @Test
  void pathsTemplatesAndExpressionsAreCheckedBeforeAnythingRuns() {
    assertThat(
            refusal(
                    """
                    {"StartAt": "A", "States": {"A": {"Type": "Pass",
                      "Parameters": {"x.$": "States.Nope($.a)"}, "End": true}}}
                    """)
                .getMessage())
        .contains("The value for the field 'x.$' must be a valid JSONPath or a valid intrinsic")
        .contains("at /States/A/Parameters");
    assertThat(
            refusal(
                    """
                    {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass",
                      "Output": "{% $states.input. %}", "End": true}}}
                    """)
                .getMessage())
        .contains("at /States/A/Output");
  }

  @Test
  void statesAllMustStandAloneAndLast() {
    assertThat(
            refusal(
                    """
                    {"StartAt": "A", "States": {"A": {"Type": "Task",
                      "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                      "Retry": [{"ErrorEquals": ["States.ALL"]}, {"ErrorEquals": ["X"]}]}}}
                    """)
                .getMessage())
        .contains("must be last at /States/A/Retry/0/ErrorEquals");
  }

  @Test
  void aValidDefinitionIsAcceptedAndIdempotent() {
    String asl = "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}";

    StateMachine first =
        cloud.stepFunctions().createStateMachine(StateMachineSpec.named("sm").definition(asl));
    StateMachine again =
        cloud.stepFunctions().createStateMachine(StateMachineSpec.named("sm").definition(asl));

    assertThat(first.arn()).isEqualTo("arn:aws:states:us-east-1:000000000000:stateMachine:sm");
    assertThat(again).isSameAs(first);
    assertThatThrownBy(
            () ->
                cloud
                    .stepFunctions()
                    .createStateMachine(
                        StateMachineSpec.named("sm")
                            .definition(asl)
                            .type(StateMachineType.EXPRESS)))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("StateMachineAlreadyExists"));
  }
}
