package dev.cloudless.fakes.stepfunctions.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.stepfunctions.HistoryEvent;
import dev.cloudless.fakes.stepfunctions.MockConfig;
import dev.cloudless.fakes.stepfunctions.TestStateRequest;
import dev.cloudless.fakes.stepfunctions.TestStateResult;
import dev.cloudless.fakes.stepfunctions.internal.asl.Definition;
import dev.cloudless.fakes.stepfunctions.internal.asl.DefinitionException;
import dev.cloudless.fakes.stepfunctions.internal.eval.Json;
import dev.cloudless.fakes.stepfunctions.internal.run.Engine;
import dev.cloudless.fakes.stepfunctions.internal.run.ExecutionRun;
import dev.cloudless.fakes.stepfunctions.internal.run.RunListener;
import dev.cloudless.fakes.stepfunctions.internal.run.TaskInvoker;
import dev.cloudless.fakes.stepfunctions.internal.run.TestStateProbe;
import dev.cloudless.trace.TraceHeader;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * AWS's TestState: the tested state runs alone in a small state machine of its own, whose
 * transitions lead to placeholder Succeed states named as the real targets (so the state's {@code
 * Next} shows which state would run next), optionally after a Pass state that assigns the given
 * variables. A {@link TestStateProbe} stops the run at the first error a retrier would retry, as
 * TestState reports {@code RETRIABLE} instead of retrying. Limited to five minutes, as in AWS.
 */
final class TestStateRunner {

  private static final Duration LIMIT = Duration.ofMinutes(5);
  private static final String VARIABLES_STATE = "Cloudless.TestState.Variables";
  private static final String SELF_SUFFIX = " (Cloudless.TestState.Self)";

  private final CloudContext cloud;
  private final Engine engine;
  private final Json json;
  private final TaskInvoker tasks;
  private final RunListener listener;
  private final Map<String, MockConfig.MockedResult> mocks;

  TestStateRunner(
      CloudContext cloud,
      Engine engine,
      TaskInvoker tasks,
      RunListener listener,
      Map<String, MockConfig.MockedResult> mocks) {
    this.cloud = cloud;
    this.engine = engine;
    this.json = engine.json();
    this.tasks = tasks;
    this.listener = listener;
    this.mocks = mocks;
  }

  TestStateResult run(TestStateRequest request) {
    JsonNode root = parse(request.definition(), "definition");
    if (!root.isObject()) {
      throw validation("The definition must be a JSON object: a state, or a state machine.");
    }
    String name;
    ObjectNode state;
    String queryLanguage = null;
    if (root.has("States")) {
      if (request.stateName() == null) {
        throw validation(
            "The definition is a state machine; give the state to test with stateName.");
      }
      name = request.stateName();
      JsonNode s = root.path("States").get(name);
      if (s == null || !s.isObject()) {
        throw validation(
            "The state machine has no state named '"
                + name
                + "'; it has "
                + iterable(root.path("States").fieldNames())
                + ".");
      }
      state = ((ObjectNode) s).deepCopy();
      if (root.hasNonNull("QueryLanguage")) {
        queryLanguage = root.get("QueryLanguage").asText();
      }
    } else {
      name = request.stateName() != null ? request.stateName() : "TestState";
      state = ((ObjectNode) root).deepCopy();
    }
    String type = state.path("Type").asText();
    String resource = state.path("Resource").asText("");
    boolean mocked = request.mockResult() != null || request.mockError() != null;
    boolean branching = type.equals("Map") || type.equals("Parallel");
    if (branching && !mocked) {
      throw validation(
          "TestState supports "
              + type
              + " states only with a mock; give mockResult or mockError for '"
              + name
              + "'.");
    }
    if (mocked && !type.equals("Task") && !branching) {
      throw validation(
          "A mock applies to Task, Map and Parallel states; '" + name + "' is a " + type + ".");
    }
    if (!mocked
        && type.equals("Task")
        && (resource.contains(".sync")
            || resource.endsWith(".waitForTaskToken")
            || resource.contains(":activity:"))) {
      throw validation(
          "TestState supports activities, .sync and .waitForTaskToken only with a mock; '"
              + resource
              + "' needs mockResult or mockError.");
    }
    if (request.mockResult() != null) {
      parse(request.mockResult(), "mock.result");
    }

    // The state's own QueryLanguage wins; else the machine's.
    String effectiveLanguage =
        state.hasNonNull("QueryLanguage") ? state.get("QueryLanguage").asText() : queryLanguage;
    Map<String, String> renamed = new HashMap<>();
    ObjectNode states = json.object();
    ObjectNode machine = json.object();
    if (queryLanguage != null) {
      machine.put("QueryLanguage", queryLanguage);
    }
    String start = name;
    if (request.variables() != null) {
      JsonNode vars = parse(request.variables(), "variables");
      if (!vars.isObject()) {
        throw validation("variables must be a JSON object; got " + request.variables());
      }
      ObjectNode assign = states.putObject(VARIABLES_STATE);
      assign.put("Type", "Pass");
      if (effectiveLanguage != null) {
        assign.put("QueryLanguage", effectiveLanguage);
      }
      assign.set("Assign", vars);
      assign.put("Next", name);
      start = VARIABLES_STATE;
    }
    retarget(state, name, renamed);
    states.set(name, state);
    for (Map.Entry<String, String> e : renamed.entrySet()) {
      states.putObject(e.getValue()).put("Type", "Succeed");
    }
    machine.put("StartAt", start);
    machine.set("States", states);

    Definition definition;
    try {
      definition = engine.parse(json.write(machine));
    } catch (DefinitionException e) {
      throw StepFunctionsErrors.invalidDefinition(e.getMessage());
    }
    JsonNode input = parse(request.input() == null ? "{}" : request.input(), "input");
    String id = cloud.randomness().uuid().toString();
    String executionArn = cloud.arn("states", "execution:TestState:" + id);
    String role =
        request.roleArn() != null
            ? request.roleArn()
            : "arn:aws:iam::" + cloud.accountId() + ":role/TestState";
    ExecutionRun run =
        new ExecutionRun(
            engine,
            definition,
            new ExecutionRun.Identity(
                executionArn, id, cloud.arn("states", "stateMachine:TestState"), "TestState", role),
            input,
            tasks,
            listener,
            TraceHeader.root(cloud.newTraceId()).withParent(cloud.traces().newSegmentId()),
            LIMIT);
    TestStateProbe probe =
        new TestStateProbe(
            name, request.retrierRetryCount() == null ? 0 : request.retrierRetryCount());
    run.probe = probe;
    if (branching) {
      if (request.mockResult() != null) {
        probe.mockResult = parse(request.mockResult(), "mock.result");
      } else {
        probe.mockError = request.mockError();
        probe.mockCause = request.mockCause();
      }
    }
    // A Map or Parallel state is answered in the engine from the probe; a Task through the router.
    if (!branching && request.mockResult() != null) {
      mocks.put(executionArn, new MockConfig.MockedResult.Return(request.mockResult()));
    } else if (!branching && request.mockError() != null) {
      mocks.put(
          executionArn,
          new MockConfig.MockedResult.Throw(request.mockError(), request.mockCause()));
    }
    ExecutionImpl execution = new ExecutionImpl(run, json.write(input), cloud.scheduler());
    try {
      cloud
          .scheduler()
          .schedule(
              Duration.ZERO,
              "test state " + name,
              () -> {
                execution.markStarted();
                run.start();
              });
      execution.awaitCompletion();
    } finally {
      mocks.remove(executionArn);
    }
    return result(request, name, renamed, run, probe, execution.history());
  }

  private TestStateResult result(
      TestStateRequest request,
      String name,
      Map<String, String> renamed,
      ExecutionRun run,
      TestStateProbe probe,
      List<HistoryEvent> history) {
    String entered = null;
    String exited = null;
    String next = null;
    String parameters = null;
    String result = null;
    boolean after = false;
    for (HistoryEvent e : history) {
      JsonNode d = e.details();
      if (e.type().endsWith("StateEntered") && d != null) {
        String n = d.path("name").asText();
        if (after) {
          next = n;
          break;
        }
        if (n.equals(name)) {
          entered = text(d.get("input"));
        }
      } else if (e.type().endsWith("StateExited")
          && d != null
          && d.path("name").asText().equals(name)) {
        exited = text(d.get("output"));
        after = true;
      } else if (e.type().equals("TaskScheduled") && d != null) {
        parameters = text(d.get("parameters"));
      } else if (e.type().equals("LambdaFunctionScheduled") && d != null) {
        parameters = text(d.get("input"));
      } else if ((e.type().equals("TaskSucceeded") || e.type().equals("LambdaFunctionSucceeded"))
          && d != null) {
        result = text(d.get("output"));
      }
    }
    if (next != null) {
      for (Map.Entry<String, String> r : renamed.entrySet()) {
        if (r.getValue().equals(next)) {
          next = r.getKey();
        }
      }
    }
    TestStateResult.Status status;
    String output = null;
    String error = null;
    String cause = null;
    if (probe.retryIndex() != null) {
      status = TestStateResult.Status.RETRIABLE;
      error = probe.error();
      cause = probe.cause();
      next = null;
    } else if (probe.catchIndex() != null) {
      status = TestStateResult.Status.CAUGHT_ERROR;
      error = probe.error();
      cause = probe.cause();
      output = exited;
    } else if (run.status() == ExecutionRun.Status.SUCCEEDED) {
      status = TestStateResult.Status.SUCCEEDED;
      output = exited;
    } else {
      status = TestStateResult.Status.FAILED;
      error = run.error();
      cause = run.cause();
      next = null;
    }
    TestStateResult.InspectionData inspection = null;
    if (request.inspectionLevel() != TestStateRequest.InspectionLevel.INFO) {
      boolean jsonata = run.definitionUsesJsonata(name);
      TestStateResult.ErrorDetails details =
          probe.retryIndex() != null || probe.catchIndex() != null
              ? new TestStateResult.ErrorDetails(
                  probe.retryIndex(),
                  probe.retryBackoff() == null ? null : (int) probe.retryBackoff().toSeconds(),
                  probe.catchIndex())
              : null;
      inspection =
          new TestStateResult.InspectionData(
              entered, jsonata ? null : parameters, jsonata ? parameters : null, result, details);
    }
    return new TestStateResult(status, output, error, cause, next, inspection);
  }

  /** Points every transition of the state at a placeholder named as its target. */
  private static void retarget(ObjectNode state, String self, Map<String, String> renamed) {
    retargetField(state, "Next", self, renamed);
    retargetField(state, "Default", self, renamed);
    for (String list : new String[] {"Choices", "Catch"}) {
      JsonNode entries = state.get(list);
      if (entries instanceof ArrayNode a) {
        for (JsonNode entry : a) {
          if (entry instanceof ObjectNode o) {
            retargetField(o, "Next", self, renamed);
          }
        }
      }
    }
  }

  private static void retargetField(
      ObjectNode node, String field, String self, Map<String, String> renamed) {
    JsonNode target = node.get(field);
    if (target == null || !target.isTextual()) {
      return;
    }
    String t = target.textValue();
    String placeholder = t.equals(self) || t.equals(VARIABLES_STATE) ? t + SELF_SUFFIX : t;
    renamed.put(t, placeholder);
    node.put(field, placeholder);
  }

  private JsonNode parse(String text, String field) {
    try {
      return json.parse(text);
    } catch (JsonProcessingException e) {
      throw new AwsServiceException(
          400,
          field.equals("input") ? "InvalidExecutionInput" : "ValidationException",
          "Invalid " + field + ": " + e.getOriginalMessage());
    }
  }

  private static String text(JsonNode value) {
    return value == null || value.isNull()
        ? null
        : value.isTextual() ? value.textValue() : value.toString();
  }

  private static String iterable(Iterator<String> names) {
    StringBuilder sb = new StringBuilder("[");
    names.forEachRemaining(n -> sb.append(sb.length() > 1 ? ", " : "").append(n));
    return sb.append(']').toString();
  }

  private static AwsServiceException validation(String message) {
    return new AwsServiceException(400, "ValidationException", message);
  }
}
