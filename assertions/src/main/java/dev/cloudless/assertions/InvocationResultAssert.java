package dev.cloudless.assertions;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.lambda.InvocationResult;
import java.util.Objects;
import java.util.Optional;
import net.javacrumbs.jsonunit.assertj.JsonAssert;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what {@code Invoke} answered. As in AWS, a handler that throws is not an exception
 * but a 200 with {@code FunctionError: "Unhandled"}:
 *
 * <pre>{@code
 * assertThat(cloud.lambda().invoke("price", "{\"orderId\":\"o-1\"}"))
 *     .hasStatusCode(200)
 *     .hasNoFunctionError()
 *     .hasJsonPayload("{\"orderId\":\"o-1\",\"total\":30}");
 * }</pre>
 *
 * <p>Not final only so that {@link CloudlessSoftAssertions} can proxy it; the package-private
 * constructor keeps it closed to other subclasses.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class InvocationResultAssert
    extends AbstractAssert<InvocationResultAssert, InvocationResult> {

  /**
   * How much of the payload a failure shows: more than a message body preview, because the payload
   * is the only story a result has (an error payload carries the stack trace).
   */
  private static final int PAYLOAD_PREVIEW = 1_000;

  InvocationResultAssert(InvocationResult actual) {
    super(actual, InvocationResultAssert.class);
  }

  /** Verifies the status: 200 synchronous, 202 asynchronous, 204 dry run. */
  public InvocationResultAssert hasStatusCode(int expected) {
    int status = result().statusCode();
    if (status != expected) {
      throw fail("to have status code " + expected + " but it was " + status + ".");
    }
    return myself;
  }

  /** Verifies that the function failed: {@code FunctionError} is set, the payload is the error. */
  public InvocationResultAssert isFunctionError() {
    if (!result().isFunctionError()) {
      throw fail("to be a function error but the function did not fail.");
    }
    return myself;
  }

  /** Verifies that the function did not fail. */
  public InvocationResultAssert hasNoFunctionError() {
    InvocationResult r = result();
    if (r.isFunctionError()) {
      throw fail("to have no function error but it had FunctionError [" + r.functionError() + "].");
    }
    return myself;
  }

  /** Verifies the payload exactly, as text. */
  public InvocationResultAssert hasPayload(String expected) {
    Objects.requireNonNull(expected, "expected");
    String payload = result().payload();
    if (!expected.equals(payload)) {
      throw failureWithActualExpected(
          payload,
          expected,
          FailureText.of(
              subject(), "to have payload\n  " + expected + "\nbut it was\n  " + payload, story()));
    }
    return myself;
  }

  /**
   * Verifies that the payload is the same JSON as {@code expected}: key order and whitespace do not
   * matter; json-unit's placeholders such as {@code "${json-unit.any-string}"} work.
   */
  public InvocationResultAssert hasJsonPayload(String expected) {
    Objects.requireNonNull(expected, "expected");
    Optional<String> difference = JsonComparison.difference(result().payload(), expected);
    if (difference.isPresent()) {
      throw fail("to have a JSON payload equal to\n  " + expected + "\nbut " + difference.get());
    }
    return myself;
  }

  /**
   * json-unit's assertions on the payload, to navigate into it:
   *
   * <pre>{@code
   * assertThat(result).payloadJson().inPath("errorType").isEqualTo("java.lang.IllegalStateException");
   * }</pre>
   */
  public JsonAssert.ConfigurableJsonAssert payloadJson() {
    return assertThatJson(result().payload()).as("payload of " + subject());
  }

  /** Verifies the version that ran: {@code $LATEST} or a number. */
  public InvocationResultAssert hasExecutedVersion(String expected) {
    Objects.requireNonNull(expected, "expected");
    String version = result().executedVersion();
    if (!expected.equals(version)) {
      throw fail("to have executed version [" + expected + "] but it was [" + version + "].");
    }
    return myself;
  }

  /** Verifies that the decoded log tail (asked for with {@code LogType.TAIL}) contains a text. */
  public InvocationResultAssert hasLogTailContaining(String expected) {
    Objects.requireNonNull(expected, "expected");
    String tail = result().logTail();
    if (!tail.contains(expected)) {
      throw fail(
          "to have a log tail containing ["
              + expected
              + "] but "
              + (tail.isEmpty() ? "it had none (was LogType.TAIL asked for?)" : "it did not")
              + ".");
    }
    return myself;
  }

  private InvocationResult result() {
    if (actual == null) {
      throw failure(FailureText.of("an invocation result", "but it was null.", ""));
    }
    return actual;
  }

  private String subject() {
    return "invocation result [request " + actual.requestId() + "]";
  }

  /**
   * The result itself: an {@code InvocationResult} does not say which function answered, so the
   * journal cannot be reached from here; the request id finds it in the cloud's journal.
   */
  private String story() {
    return "Result: status "
        + actual.statusCode()
        + ", FunctionError "
        + actual.functionError()
        + ", executed version "
        + actual.executedVersion()
        + "\nPayload: "
        + (actual.payload() == null || actual.payload().isEmpty()
            ? "(empty)"
            : JournalStory.preview(actual.payload(), PAYLOAD_PREVIEW));
  }

  private AssertionError fail(String sentence) {
    return failure(FailureText.of(subject(), sentence, story()));
  }
}
