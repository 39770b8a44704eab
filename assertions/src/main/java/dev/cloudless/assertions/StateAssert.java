package dev.cloudless.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.stepfunctions.Execution;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one visit of a state of an execution, reached with {@link
 * ExecutionAssert#state(String)}: its input and output, and how its task was retried.
 *
 * <pre>{@code
 * assertThat(run).state("Charge")
 *     .hasInputJson("{\"orderId\":\"o-42\"}")
 *     .hasRetries(2)
 *     .hasRetryDelays(ofSeconds(2), ofSeconds(4));
 * }</pre>
 *
 * <p>Not final only so that {@link CloudlessSoftAssertions} can proxy it; the package-private
 * constructor keeps it closed to other subclasses.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class StateAssert extends AbstractAssert<StateAssert, Execution> {

  private ExecutionHistory.Visit visit;
  private String subject;
  private boolean notReached;

  StateAssert(Execution actual) {
    super(actual, StateAssert.class);
  }

  StateAssert at(ExecutionHistory.Visit visit, String subject) {
    this.visit = visit;
    this.subject = subject;
    return this;
  }

  StateAssert markNotReached() {
    this.notReached = true;
    return this;
  }

  /** Verifies the state's input (the raw input it was entered with) as JSON. */
  public StateAssert hasInputJson(String expected) {
    Objects.requireNonNull(expected, "expected");
    String input = visit().input();
    JsonComparison.difference(input, expected)
        .ifPresent(
            d -> {
              throw fail("to have input " + expected + " but " + d);
            });
    return myself;
  }

  /** Verifies the state's output as JSON. */
  public StateAssert hasOutputJson(String expected) {
    Objects.requireNonNull(expected, "expected");
    String output = visit().output();
    if (output == null) {
      throw fail("to have output " + expected + " but the state did not exit.");
    }
    JsonComparison.difference(output, expected)
        .ifPresent(
            d -> {
              throw fail("to have output " + expected + " but " + d);
            });
    return myself;
  }

  /** Verifies that the state exited (it did not fail or was not still running). */
  public StateAssert hasExited() {
    if (visit().output() == null) {
      throw fail("to have exited but it did not.");
    }
    return myself;
  }

  /** Verifies how often the state's task was retried: attempts minus one. */
  public StateAssert hasRetries(int expected) {
    int retries = visit().retries();
    if (retries != expected) {
      throw fail(
          "to have been retried "
              + FailureText.count(expected, "time", "times")
              + " but it was retried "
              + FailureText.count(retries, "time", "times")
              + ".");
    }
    return myself;
  }

  /** Verifies the waits between each failed attempt and the next, on the virtual clock. */
  public StateAssert hasRetryDelays(Duration... expected) {
    Objects.requireNonNull(expected, "expected");
    List<Duration> delays = visit().retryDelays();
    if (!delays.equals(Arrays.asList(expected))) {
      throw fail(
          "to have retry delays " + Arrays.toString(expected) + " but they were " + delays + ".");
    }
    return myself;
  }

  /** Verifies the errors of the state's failed attempts, in order. */
  public StateAssert hasAttemptErrors(String... expected) {
    Objects.requireNonNull(expected, "expected");
    List<String> errors = visit().errors();
    if (!errors.equals(Arrays.asList(expected))) {
      throw fail(
          "to have failed attempts with errors "
              + Arrays.toString(expected)
              + " but they were "
              + errors
              + ".");
    }
    return myself;
  }

  private ExecutionHistory.Visit visit() {
    if (notReached) {
      throw new NotReached();
    }
    if (actual == null || visit == null) {
      throw failure(FailureText.of("a state", "but it was null.", ""));
    }
    return visit;
  }

  private AssertionError fail(String sentence) {
    return failure(FailureText.of(subject, sentence, ExecutionHistory.story(actual)));
  }
}
