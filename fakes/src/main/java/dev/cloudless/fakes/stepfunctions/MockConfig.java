package dev.cloudless.fakes.stepfunctions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Mocked task responses in the format of Step Functions Local's mock configuration file ({@code
 * MockConfigFile.json}), so that a team brings the files it already has.
 *
 * <pre>{@code
 * cloud.stepFunctions().mockConfig(MockConfig.load(Path.of("src/test/resources/MockConfigFile.json")));
 * Execution run = cloud.stepFunctions().startExecution("LambdaSQSIntegration#RetryPath", "{}");
 * }</pre>
 *
 * <p>As in Step Functions Local: {@code StateMachines} names, per state machine, its {@code
 * TestCases}; a test case maps a state name to the name of a mocked response; {@code
 * MockedResponses} holds each response per 0-based invocation number of the state, a single number
 * ({@code "0"}) or an inclusive range ({@code "1-2"}), each with exactly one of {@code Return} (the
 * task's result) or {@code Throw} ({@code Error} and {@code Cause}). A mocked state never calls its
 * resource; an invocation without an entry fails the execution. States the test case does not name
 * call their resources as usual. An execution selects its test case by starting {@code
 * <stateMachineNameOrArn>#<TestCaseName>}, as with Step Functions Local.
 *
 * <p>Source: AWS Step Functions developer guide, "Mock configuration file" ({@code
 * sfn-local-mock-cfg-file}) and "Using mocked service integrations" ({@code
 * sfn-local-test-sm-exec}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MockConfig {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern KEY = Pattern.compile("(0|[1-9][0-9]*)(?:-(0|[1-9][0-9]*))?");

  /** One answer of a mocked response: a result or an error. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public sealed interface MockedResult {

    /** {@code Return}: the task's result, as JSON text. */
    @API(status = EXPERIMENTAL, since = "0.1")
    record Return(String json) implements MockedResult {}

    /** {@code Throw}: the task fails with this error and cause. */
    @API(status = EXPERIMENTAL, since = "0.1")
    record Throw(String error, String cause) implements MockedResult {}
  }

  private record Range(int from, int to, MockedResult result) {}

  private final Map<String, Map<String, Map<String, String>>> testCases;
  private final Map<String, List<Range>> responses;

  private MockConfig(
      Map<String, Map<String, Map<String, String>>> testCases, Map<String, List<Range>> responses) {
    this.testCases = testCases;
    this.responses = responses;
  }

  /**
   * Reads a mock configuration from JSON text.
   *
   * @throws IllegalArgumentException naming the field and what is wrong with it, when the text is
   *     not a mock configuration Step Functions Local would accept
   */
  public static MockConfig parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(Objects.requireNonNull(json, "json"));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "The mock configuration is not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("The mock configuration must be a JSON object.");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!field.equals("StateMachines") && !field.equals("MockedResponses")) {
        throw new IllegalArgumentException(
            "The mock configuration has an unknown field ["
                + field
                + "]; it may have only StateMachines and MockedResponses.");
      }
    }
    Map<String, List<Range>> responses = new LinkedHashMap<>();
    JsonNode mocked = root.path("MockedResponses");
    if (!mocked.isMissingNode() && !mocked.isObject()) {
      throw new IllegalArgumentException("MockedResponses must be an object.");
    }
    mocked
        .fields()
        .forEachRemaining(e -> responses.put(e.getKey(), ranges(e.getKey(), e.getValue())));
    Map<String, Map<String, Map<String, String>>> testCases = new LinkedHashMap<>();
    JsonNode machines = root.path("StateMachines");
    if (!machines.isMissingNode() && !machines.isObject()) {
      throw new IllegalArgumentException("StateMachines must be an object.");
    }
    machines
        .fields()
        .forEachRemaining(
            m -> {
              String where = "StateMachines." + m.getKey();
              JsonNode cases = m.getValue().path("TestCases");
              if (!cases.isObject()) {
                throw new IllegalArgumentException(where + ".TestCases must be an object.");
              }
              Map<String, Map<String, String>> byCase = new LinkedHashMap<>();
              cases
                  .fields()
                  .forEachRemaining(
                      c -> {
                        Map<String, String> states = new LinkedHashMap<>();
                        if (!c.getValue().isObject()) {
                          throw new IllegalArgumentException(
                              where + ".TestCases." + c.getKey() + " must be an object.");
                        }
                        c.getValue()
                            .fields()
                            .forEachRemaining(
                                s -> {
                                  String at = where + ".TestCases." + c.getKey() + "." + s.getKey();
                                  if (!s.getValue().isTextual()) {
                                    throw new IllegalArgumentException(
                                        at + " must name a mocked response.");
                                  }
                                  String response = s.getValue().textValue();
                                  if (!responses.containsKey(response)) {
                                    throw new IllegalArgumentException(
                                        at
                                            + " names the mocked response ["
                                            + response
                                            + "], which MockedResponses does not define.");
                                  }
                                  states.put(s.getKey(), response);
                                });
                        byCase.put(c.getKey(), Collections.unmodifiableMap(states));
                      });
              testCases.put(m.getKey(), Collections.unmodifiableMap(byCase));
            });
    return new MockConfig(Collections.unmodifiableMap(testCases), Map.copyOf(responses));
  }

  /** Reads a mock configuration file, such as {@code MockConfigFile.json}. */
  public static MockConfig load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the mock configuration " + file, e);
    }
  }

  private static List<Range> ranges(String name, JsonNode response) {
    String where = "MockedResponses." + name;
    if (!response.isObject() || response.isEmpty()) {
      throw new IllegalArgumentException(
          where + " must be an object of invocation numbers, such as {\"0\": {\"Return\": ...}}.");
    }
    List<Range> out = new ArrayList<>();
    response
        .fields()
        .forEachRemaining(
            e -> {
              String at = where + "." + e.getKey();
              Matcher m = KEY.matcher(e.getKey());
              if (!m.matches()) {
                throw new IllegalArgumentException(
                    at
                        + ": ["
                        + e.getKey()
                        + "] is not an invocation number (\"0\") or an inclusive range (\"1-2\").");
              }
              int from = Integer.parseInt(m.group(1));
              int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
              if (to < from) {
                throw new IllegalArgumentException(
                    at + ": the range ends before it starts (" + from + " > " + to + ").");
              }
              for (Range r : out) {
                if (from <= r.to() && r.from() <= to) {
                  throw new IllegalArgumentException(
                      at + " overlaps invocations already mocked in " + where + ".");
                }
              }
              out.add(new Range(from, to, result(at, e.getValue())));
            });
    return List.copyOf(out);
  }

  private static MockedResult result(String at, JsonNode entry) {
    boolean ret = entry.has("Return");
    boolean thr = entry.has("Throw");
    if (!entry.isObject() || ret == thr || entry.size() != 1) {
      throw new IllegalArgumentException(at + " must have exactly one of Return or Throw.");
    }
    if (ret) {
      try {
        return new MockedResult.Return(JSON.writeValueAsString(entry.get("Return")));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    JsonNode t = entry.get("Throw");
    if (!t.isObject() || !t.path("Error").isTextual() || !t.path("Cause").isTextual()) {
      throw new IllegalArgumentException(
          at + ".Throw must have Error and Cause, both strings; got " + t);
    }
    return new MockedResult.Throw(t.get("Error").textValue(), t.get("Cause").textValue());
  }

  /** The test cases of a state machine, by name, in file order. */
  public List<String> testCases(String stateMachineName) {
    return List.copyOf(testCases.getOrDefault(stateMachineName, Map.of()).keySet());
  }

  /**
   * The mocked states of a test case: state name to mocked response name.
   *
   * @throws IllegalArgumentException when the state machine has no such test case
   */
  public Map<String, String> testCase(String stateMachineName, String testCaseName) {
    Map<String, String> states =
        testCases.getOrDefault(stateMachineName, Map.of()).get(testCaseName);
    if (states == null) {
      throw new IllegalArgumentException(
          "The mock configuration has no test case ["
              + testCaseName
              + "] for state machine ["
              + stateMachineName
              + "]; it has "
              + testCases(stateMachineName)
              + ".");
    }
    return states;
  }

  /** What the mocked response answers at this 0-based invocation, if it has an entry for it. */
  public Optional<MockedResult> response(String responseName, int invocation) {
    for (Range r : responses.getOrDefault(responseName, List.of())) {
      if (invocation >= r.from() && invocation <= r.to()) {
        return Optional.of(r.result());
      }
    }
    return Optional.empty();
  }
}
