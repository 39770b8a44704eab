package dev.cloudless.assertions;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.stepfunctions.Execution;
import dev.cloudless.fakes.stepfunctions.ExecutionStatus;
import dev.cloudless.fakes.stepfunctions.HistoryEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import net.javacrumbs.jsonunit.assertj.JsonAssert;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a Step Functions execution, read from its history as {@code GetExecutionHistory}
 * returns it: status, output, error and cause, the states it visited in order, each state's input,
 * output and retries, the tasks it invoked and the history itself.
 *
 * <pre>{@code
 * assertThat(run)
 *     .hasSucceeded()
 *     .hasOutputJson("{\"orderId\":\"o-42\",\"status\":\"SHIPPED\"}")
 *     .hasVisitedStates("Reserve", "Charge", "Ship");
 * assertThat(run).state("Charge").hasRetries(2).hasRetryDelays(ofSeconds(2), ofSeconds(4));
 * }</pre>
 *
 * <p>A failure lists the execution's history, one event a line, with times relative to its start.
 *
 * <p>Not final only so that {@link CloudlessSoftAssertions} can proxy it; the package-private
 * constructor keeps it closed to other subclasses.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class ExecutionAssert extends AbstractAssert<ExecutionAssert, Execution> {

  /** How navigation builds children: set by soft assertions, plain otherwise. */
  Navigator navigator = Navigator.HARD;

  ExecutionAssert(Execution actual) {
    super(actual, ExecutionAssert.class);
  }

  /** Verifies the status, as {@code DescribeExecution} reports it. */
  public ExecutionAssert hasStatus(ExecutionStatus expected) {
    Objects.requireNonNull(expected, "expected");
    ExecutionStatus status = execution().status();
    if (status != expected) {
      throw fail("to have status " + expected + " but it was " + describe(actual) + ".");
    }
    return myself;
  }

  /** Verifies that the execution succeeded. */
  public ExecutionAssert hasSucceeded() {
    return hasStatus(ExecutionStatus.SUCCEEDED);
  }

  /** Verifies that the execution failed. */
  public ExecutionAssert hasFailed() {
    return hasStatus(ExecutionStatus.FAILED);
  }

  /** Verifies that the execution timed out. */
  public ExecutionAssert hasTimedOut() {
    return hasStatus(ExecutionStatus.TIMED_OUT);
  }

  /** Verifies that the execution was stopped ({@code ABORTED}). */
  public ExecutionAssert wasAborted() {
    return hasStatus(ExecutionStatus.ABORTED);
  }

  /** Verifies that the execution is still running. */
  public ExecutionAssert isRunning() {
    return hasStatus(ExecutionStatus.RUNNING);
  }

  /**
   * Verifies that the output is the same JSON as {@code expected}: key order and whitespace do not
   * matter; json-unit describes the difference.
   */
  public ExecutionAssert hasOutputJson(String expected) {
    Objects.requireNonNull(expected, "expected");
    String output = execution().output().orElse(null);
    if (output == null) {
      throw fail(
          "to have output " + expected + " but it had none (it is " + describe(actual) + ").");
    }
    JsonComparison.difference(output, expected)
        .ifPresent(
            d -> {
              throw fail("to have output " + expected + " but " + d);
            });
    return myself;
  }

  /**
   * json-unit's assertions on the output, for paths and options: {@code
   * outputJson().inPath("total").isEqualTo(30)}. Not soft: use {@link #hasOutputJson(String)} in
   * soft assertions.
   */
  public JsonAssert.ConfigurableJsonAssert outputJson() {
    String output = execution().output().orElse(null);
    if (output == null) {
      throw fail("to have an output but it had none (it is " + describe(actual) + ").");
    }
    return assertThatJson(output);
  }

  /** Verifies the error name of a failed, timed-out or aborted execution. */
  public ExecutionAssert hasError(String expected) {
    Objects.requireNonNull(expected, "expected");
    String error = execution().error().orElse(null);
    if (!expected.equals(error)) {
      throw fail("to have error " + expected + " but it had " + error + ".");
    }
    return myself;
  }

  /** Verifies the cause exactly. */
  public ExecutionAssert hasCause(String expected) {
    Objects.requireNonNull(expected, "expected");
    String cause = execution().cause().orElse(null);
    if (!expected.equals(cause)) {
      throw fail("to have cause <" + expected + "> but it had <" + cause + ">.");
    }
    return myself;
  }

  /** Verifies that the cause contains {@code expected}. */
  public ExecutionAssert hasCauseContaining(String expected) {
    Objects.requireNonNull(expected, "expected");
    String cause = execution().cause().orElse(null);
    if (cause == null || !cause.contains(expected)) {
      throw fail("to have a cause containing <" + expected + "> but it had <" + cause + ">.");
    }
    return myself;
  }

  /**
   * Verifies the states the execution entered, in order, and no others (states inside Map and
   * Parallel included, as the history lists them).
   */
  public ExecutionAssert hasVisitedStates(String... expected) {
    Objects.requireNonNull(expected, "expected");
    List<String> visited = ExecutionHistory.visitedStates(execution().history());
    if (!visited.equals(Arrays.asList(expected))) {
      throw fail(
          "to have visited states "
              + Arrays.toString(expected)
              + " in this order but it visited "
              + visited
              + ".");
    }
    return myself;
  }

  /** Verifies that the execution entered this state at least once. */
  public ExecutionAssert hasVisited(String state) {
    Objects.requireNonNull(state, "state");
    List<String> visited = ExecutionHistory.visitedStates(execution().history());
    if (!visited.contains(state)) {
      throw fail("to have visited state [" + state + "] but it visited " + visited + ".");
    }
    return myself;
  }

  /** Verifies that the execution never entered this state. */
  public ExecutionAssert hasNotVisited(String state) {
    Objects.requireNonNull(state, "state");
    List<String> visited = ExecutionHistory.visitedStates(execution().history());
    if (visited.contains(state)) {
      throw fail("not to have visited state [" + state + "] but it did: " + visited + ".");
    }
    return myself;
  }

  /**
   * Verifies the resources of the tasks the execution called, in order, one entry per attempt:
   * {@code arn:aws:states:::lambda:invoke}, a function ARN, {@code
   * arn:aws:states:::sqs:sendMessage}.
   */
  public ExecutionAssert hasInvokedTasks(String... expected) {
    Objects.requireNonNull(expected, "expected");
    List<String> invoked = ExecutionHistory.invokedTasks(execution().history());
    if (!invoked.equals(Arrays.asList(expected))) {
      throw fail(
          "to have invoked tasks "
              + Arrays.toString(expected)
              + " in this order but it invoked "
              + invoked
              + ".");
    }
    return myself;
  }

  /** Verifies the types of the history events, in order, and no others. */
  public ExecutionAssert hasHistoryEventTypes(String... expected) {
    Objects.requireNonNull(expected, "expected");
    List<String> types = execution().history().stream().map(HistoryEvent::type).toList();
    if (!types.equals(Arrays.asList(expected))) {
      throw fail(
          "to have history events " + Arrays.toString(expected) + " but it had " + types + ".");
    }
    return myself;
  }

  /** Verifies that the history holds an event of this type. */
  public ExecutionAssert hasHistoryEvent(String type) {
    Objects.requireNonNull(type, "type");
    if (execution().history().stream().noneMatch(e -> e.type().equals(type))) {
      throw fail("to have a history event " + type + " but it had none.");
    }
    return myself;
  }

  /** The first visit of a state: its input, output and retries. */
  public StateAssert state(String name) {
    return state(name, 1);
  }

  /** The {@code visit}-th visit (from 1) of a state, as in a loop. */
  public StateAssert state(String name, int visit) {
    Objects.requireNonNull(name, "name");
    if (actual == null) {
      navigator.navigationFailed(nullActual());
      return notReached();
    }
    List<ExecutionHistory.Visit> visits = ExecutionHistory.visits(actual.history(), name);
    if (visit < 1 || visit > visits.size()) {
      navigator.navigationFailed(
          fail(
              "to have visited state ["
                  + name
                  + "] "
                  + FailureText.count(visit, "time", "times")
                  + " but it visited it "
                  + FailureText.count(visits.size(), "time", "times")
                  + "."));
      return notReached();
    }
    Execution execution = actual;
    StateAssert child =
        navigator
            .child(StateAssert.class, Execution.class, execution, StateAssert::new)
            .at(
                visits.get(visit - 1),
                "state ["
                    + name
                    + "]"
                    + (visit == 1 ? "" : " (visit " + visit + ")")
                    + " of execution ["
                    + execution.name()
                    + "]");
    if (info.hasDescription()) {
      child.describedAs(info.description());
    }
    return child;
  }

  private StateAssert notReached() {
    return navigator
        .child(StateAssert.class, Execution.class, null, StateAssert::new)
        .markNotReached();
  }

  private Execution execution() {
    if (actual == null) {
      throw nullActual();
    }
    return actual;
  }

  static String describe(Execution e) {
    List<String> parts = new ArrayList<>();
    parts.add(e.status().name());
    e.error().ifPresent(parts::add);
    e.cause().ifPresent(c -> parts.add(JournalStory.preview(c)));
    return String.join(" ", parts);
  }

  private AssertionError fail(String sentence) {
    return failure(
        FailureText.of(
            "execution [" + actual.name() + "]", sentence, ExecutionHistory.story(actual)));
  }

  private AssertionError nullActual() {
    return failure(FailureText.of("an execution", "but it was null.", ""));
  }
}
