package dev.cloudless.fakes.stepfunctions.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.stepfunctions.Execution;
import dev.cloudless.fakes.stepfunctions.ExecutionStatus;
import dev.cloudless.fakes.stepfunctions.StateMachineSpec;
import dev.cloudless.fakes.stepfunctions.TaskFailedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one case as CHECKER.md describes: account 111111111111 in us-east-1, the virtual clock at
 * the instant AWS ran the case (its {@code provenance.recorded_date}, so that a Wait on a timestamp
 * that was past when AWS ran it is past here too), or 2023-01-01T00:00:00Z for a case without one,
 * every Lambda task answered from the case's mocks per state name and in order, then the status,
 * output, error and cause compared with what AWS recorded.
 */
final class CaseRunner {

  static final Instant START = Instant.parse("2023-01-01T00:00:00Z");
  private static final String EVENT_ID = "event id #\\d+";

  /** How a case went. */
  record Verdict(
      ConformanceCase c,
      boolean passed,
      boolean strictPassed,
      boolean passesWithEventIdRelaxation,
      String reason,
      boolean harnessError) {

    String line() {
      if (passed) {
        return "PASS  " + c.name() + (strictPassed ? "" : "  (strict: " + reason + ")");
      }
      return (harnessError ? "ERROR " : "FAIL  ") + c.name() + "  " + reason;
    }
  }

  Verdict run(ConformanceCase c) {
    try (FakeCloud cloud =
        FakeCloud.builder()
            .accountId("111111111111")
            .region("us-east-1")
            .startAt(c.recordedAt().orElse(START))
            .build()) {
      Mocks mocks = new Mocks(c.mocks());
      for (String resource : resources(c.definition())) {
        if (!(resource.startsWith("arn:aws:lambda:")
            || resource.equals("arn:aws:states:::lambda:invoke"))) {
          return new Verdict(c, false, false, false, "unexpected resource " + resource, true);
        }
        cloud.stepFunctions().taskHandler(resource, request -> mocks.next(request.stateName()));
      }
      String definition = ConformanceCase.MAPPER.writeValueAsString(c.definition());
      try {
        cloud
            .stepFunctions()
            .createStateMachine(StateMachineSpec.named("conformance").definition(definition));
      } catch (AwsServiceException e) {
        return new Verdict(c, false, false, false, "refused: " + e.getMessage(), false);
      }
      Execution execution =
          cloud
              .stepFunctions()
              .startExecution(
                  "conformance", "run", ConformanceCase.MAPPER.writeValueAsString(c.input()));
      execution.awaitCompletion();
      String loose = compare(c, execution, false);
      String strict = loose == null ? compare(c, execution, true) : loose;
      if (loose == null && mocks.unexpected != null) {
        loose = mocks.unexpected;
      }
      if (loose == null && !mocks.allConsumed()) {
        loose = "not every mocked call was made: " + mocks.left();
      }
      boolean relaxed = false;
      if (loose != null && loose.startsWith("cause")) {
        relaxed = compareRelaxed(c, execution) && mocks.unexpected == null && mocks.allConsumed();
      }
      if (loose != null) {
        return new Verdict(c, false, false, relaxed, loose, false);
      }
      return new Verdict(c, true, strict == null, false, strict, false);
    } catch (RuntimeException | JsonProcessingException | Error e) {
      return new Verdict(c, false, false, false, e.toString(), true);
    }
  }

  /** The first difference with AWS's recording, or null. */
  private String compare(ConformanceCase c, Execution execution, boolean strict) {
    JsonNode expected = c.expected();
    JsonComparison json = new JsonComparison(c.wildcards(), strict);
    String status = expected.path("status").asText();
    if (!status.equals(execution.status().name())) {
      return "status: expected "
          + status
          + " but was "
          + execution.status()
          + execution.error().map(e -> " " + e).orElse("")
          + execution.cause().map(e -> ": " + e).orElse("");
    }
    if (execution.status() == ExecutionStatus.SUCCEEDED) {
      JsonNode actual;
      try {
        actual = ConformanceCase.MAPPER.readTree(execution.output().orElse("null"));
      } catch (JsonProcessingException e) {
        return "output is not JSON: " + execution.output();
      }
      String d = json.difference(expected.get("output"), actual, "output");
      return d;
    }
    String error = expected.hasNonNull("error") ? expected.get("error").asText() : null;
    String actualError = execution.error().orElse(null);
    if (error == null ? actualError != null : !json.textMatches(error, actualError)) {
      return "error: expected " + error + " but was " + actualError;
    }
    JsonNode cause = expected.get("cause");
    String actualCause = execution.cause().orElse(null);
    if (expected.path("cause_is_json").asBoolean(false)) {
      JsonNode parsed;
      try {
        parsed = actualCause == null ? null : ConformanceCase.MAPPER.readTree(actualCause);
      } catch (JsonProcessingException e) {
        return "cause: expected JSON but was " + actualCause;
      }
      String d = json.difference(cause, parsed, "cause");
      return d == null ? null : "cause " + d;
    }
    String expectedCause = cause == null || cause.isNull() ? null : cause.asText();
    if (expectedCause == null
        ? actualCause != null
        : !json.textMatches(expectedCause, actualCause)) {
      return "cause: expected <" + expectedCause + "> but was <" + actualCause + ">";
    }
    return null;
  }

  /** The {@code event-id} relaxation of CHECKER.md: event numbers in causes ignored. */
  private boolean compareRelaxed(ConformanceCase c, Execution execution) {
    JsonNode cause = c.expected().get("cause");
    if (cause == null || !cause.isTextual() || execution.cause().isEmpty()) {
      return false;
    }
    JsonComparison json = new JsonComparison(c.wildcards(), false);
    return json.textMatches(
        cause.textValue().replaceAll(EVENT_ID, "event id #N"),
        execution.cause().get().replaceAll(EVENT_ID, "event id #N"));
  }

  private static Set<String> resources(JsonNode node) {
    Set<String> out = new LinkedHashSet<>();
    collect(node, out);
    return out;
  }

  private static void collect(JsonNode node, Set<String> out) {
    if (node.isObject()) {
      JsonNode states = node.get("States");
      if (states != null && states.isObject()) {
        states.forEach(
            s -> {
              if (s.path("Type").asText().equals("Task") && s.path("Resource").isTextual()) {
                out.add(s.get("Resource").asText());
              }
              s.forEach(child -> collect(child, out));
            });
      }
      for (JsonNode child : node) {
        if (child.isArray() || child.isObject()) {
          collect(child, out);
        }
      }
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, out));
    }
  }

  /** The mocked task results: call k of state S answers with {@code mocks[S][k]}. */
  private static final class Mocks {
    private final JsonNode mocks;
    private final Map<String, Integer> calls = new HashMap<>();
    String unexpected;

    Mocks(JsonNode mocks) {
      this.mocks = mocks;
    }

    String next(String state) throws JsonProcessingException {
      int k = calls.merge(state, 1, Integer::sum) - 1;
      JsonNode list = mocks.path(state);
      if (!list.isArray() || k >= list.size()) {
        unexpected = "unexpected task call " + k + " of state " + state;
        throw new TaskFailedException("UnexpectedTaskCall", unexpected);
      }
      JsonNode mock = list.get(k);
      if (mock.has("Return")) {
        return ConformanceCase.MAPPER.writeValueAsString(mock.get("Return"));
      }
      JsonNode t = mock.get("Throw");
      JsonNode cause = t.get("Cause");
      String causeText;
      if (t.path("CauseIsJson").asBoolean(false)) {
        causeText = ConformanceCase.MAPPER.writeValueAsString(cause);
      } else {
        causeText = cause == null || cause.isNull() ? null : cause.asText();
      }
      String error = t.hasNonNull("Error") ? t.get("Error").asText() : null;
      throw new TaskFailedException(error, causeText);
    }

    boolean allConsumed() {
      return left().isEmpty();
    }

    List<String> left() {
      List<String> left = new ArrayList<>();
      mocks
          .fields()
          .forEachRemaining(
              e -> {
                int made = calls.getOrDefault(e.getKey(), 0);
                if (made < e.getValue().size()) {
                  left.add(e.getKey() + " (" + made + " of " + e.getValue().size() + ")");
                }
              });
      return left;
    }
  }
}
