package dev.cloudless.fakes.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudless.fakes.FakeCloud;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** JSONata states, the functions Step Functions adds, and workflow variables. */
class JsonataAndVariablesTest {

  private final FakeCloud cloud = FakeCloud.create();
  private final FakeStepFunctions sfn = cloud.stepFunctions();

  @AfterEach
  void close() {
    cloud.close();
  }

  private Execution run(String definition, String input) {
    sfn.createStateMachine(StateMachineSpec.named("sm").definition(definition));
    return sfn.startExecution("sm", input).awaitCompletion();
  }

  @Test
  void nowReadsTheVirtualClock() {
    Execution run =
        run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "W", "States": {
              "W": {"Type": "Wait", "Seconds": 3600, "Next": "Now"},
              "Now": {"Type": "Pass", "Output": {"now": "{% $now() %}", "millis": "{% $millis() %}"},
                      "End": true}}}
            """,
            "{}");

    assertThat(run.output())
        .contains(
            "{\"now\":\"2025-01-01T01:00:00Z\",\"millis\":"
                + FakeCloud.DEFAULT_START.plusSeconds(3600).toEpochMilli()
                + "}");
  }

  @Test
  void assignedVariablesOutliveTheNextStatesOutputButNotTheirOwnState() {
    Execution run =
        run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "Keep", "States": {
              "Keep": {"Type": "Pass", "Assign": {"order": "{% $states.input.id %}", "n": 1},
                       "Output": {"seen": "{% $exists($order) %}"}, "Next": "Forget"},
              "Forget": {"Type": "Pass", "Output": {}, "Next": "Use"},
              "Use": {"Type": "Pass", "Output": {"order": "{% $order %}", "n": "{% $n + 1 %}"},
                      "End": true}}}
            """,
            "{\"id\": \"o-42\"}");

    // Assign and Output are evaluated together: Output still sees the variables before Assign.
    assertThat(run.history().get(2).detail("output")).isEqualTo("{\"seen\":false}");
    assertThat(run.history().get(2).details().get("assignedVariables").get("order").asText())
        .isEqualTo("\"o-42\"");
    assertThat(run.output()).contains("{\"order\":\"o-42\",\"n\":2}");
  }

  @Test
  void mapIterationsReadOuterVariablesButKeepTheirOwnAssignments() {
    Execution run =
        run(
            """
            {"StartAt": "Set", "States": {
              "Set": {"Type": "Pass", "Assign": {"rate": 3}, "Result": [1, 2], "Next": "Each"},
              "Each": {"Type": "Map", "Next": "After", "ItemProcessor": {"StartAt": "Times",
                "States": {"Times": {"Type": "Pass", "Assign": {"local": 1},
                  "Parameters": {"v.$": "States.MathAdd($, $rate)"}, "End": true}}}},
              "After": {"Type": "Pass", "Parameters": {"rate.$": "$rate", "all.$": "$"}, "End": true}}}
            """,
            "{}");

    // Parameters' .$ fields come out in AWS's (HashMap) order: "all" before "rate".
    assertThat(run.output()).contains("{\"all\":[{\"v\":4},{\"v\":5}],\"rate\":3}");
  }

  @Test
  void anUndefinedResultIsAQueryEvaluationErrorNamingTheField() {
    Execution run =
        run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "A", "States": {
              "A": {"Type": "Pass", "Output": {"x": "{% $states.input.missing %}"}, "End": true}}}
            """,
            "{}");

    assertThat(run.error()).contains("States.QueryEvaluationError");
    assertThat(run.cause())
        .contains(
            "An error occurred while executing the state 'A' (entered at the event id #2). The"
                + " JSONata expression '$states.input.missing' specified for the field 'Output/x'"
                + " returned nothing (undefined).");
  }
}
