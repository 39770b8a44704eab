package dev.cloudless.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.lambda.Invocation;
import dev.cloudless.fakes.lambda.Invocation.Outcome;
import dev.cloudless.fakes.lambda.InvocationType;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one invocation attempt, usually reached from a function:
 *
 * <pre>{@code
 * assertThat(function).invocation(2).failed().hasErrorType("java.lang.RuntimeException").isAttempt(2);
 * }</pre>
 *
 * <p>A failure shows the invocation and what it logged and, when reached from a function, every
 * invocation of that function and the faults that fired.
 *
 * <p>Not final only so that {@link CloudlessSoftAssertions} can proxy it; the package-private
 * constructor keeps it closed to other subclasses.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class InvocationAssert extends AbstractAssert<InvocationAssert, Invocation> {

  /** Set when navigation knows more than the invocation does: which function, which number. */
  private String subject;

  private Supplier<String> story = () -> "";
  private boolean notReached;

  InvocationAssert(Invocation actual) {
    super(actual, InvocationAssert.class);
  }

  /** Names the invocation as navigation reached it, and adds its function's story to failures. */
  InvocationAssert in(String subject, Supplier<String> story) {
    this.subject = subject;
    this.story = story;
    return this;
  }

  /** Marks an assert that soft navigation could not reach: see {@link NotReached}. */
  InvocationAssert markNotReached() {
    this.notReached = true;
    return this;
  }

  /** Verifies how the invocation ended. */
  public InvocationAssert hasOutcome(Outcome expected) {
    Objects.requireNonNull(expected, "expected");
    Invocation i = invocation();
    if (i.outcome() != expected) {
      throw fail("to have outcome " + expected + " but it was " + outcomeWithError(i) + ".");
    }
    return myself;
  }

  /** Verifies that the handler returned a result. */
  public InvocationAssert succeeded() {
    return hasOutcome(Outcome.SUCCEEDED);
  }

  /** Verifies that the handler failed (threw, or the runtime failed): not a timeout or throttle. */
  public InvocationAssert failed() {
    return hasOutcome(Outcome.FAILED);
  }

  /** Verifies that the invocation ran into the function's timeout. */
  public InvocationAssert timedOut() {
    return hasOutcome(Outcome.TIMED_OUT);
  }

  /** Verifies that Lambda refused the invocation with 429; the handler did not run. */
  public InvocationAssert wasThrottled() {
    return hasOutcome(Outcome.THROTTLED);
  }

  /**
   * Verifies the error type exactly: for a thrown exception, the class's full name as the Java
   * runtime reports it ({@code java.lang.IllegalStateException}); else AWS's type ({@code
   * Sandbox.Timedout}, {@code TooManyRequestsException}).
   */
  public InvocationAssert hasErrorType(String expected) {
    Objects.requireNonNull(expected, "expected");
    Invocation i = invocation();
    if (!expected.equals(i.errorType())) {
      throw fail(
          "to have error type ["
              + expected
              + "] but "
              + (i.errorType() == null ? "it had no error" : "it was [" + i.errorType() + "]")
              + ".");
    }
    return myself;
  }

  /**
   * Verifies that the error message contains {@code expected}. Containment rather than equality,
   * because AWS's own messages embed request ids and timings ({@code RequestId: ... Task timed out
   * after 3.00 seconds}).
   */
  public InvocationAssert hasErrorMessage(String expected) {
    Objects.requireNonNull(expected, "expected");
    Invocation i = invocation();
    if (i.errorMessage() == null || !i.errorMessage().contains(expected)) {
      throw fail(
          "to have an error message containing ["
              + expected
              + "] but "
              + (i.errorMessage() == null ? "it had no error" : "it was [" + i.errorMessage() + "]")
              + ".");
    }
    return myself;
  }

  /** Verifies that a new execution environment was initialised for this invocation. */
  public InvocationAssert wasColdStart() {
    if (!invocation().coldStart()) {
      throw fail("to be a cold start but it ran in a warm execution environment.");
    }
    return myself;
  }

  /** Verifies that the invocation reused a warm execution environment (or never ran). */
  public InvocationAssert wasWarmStart() {
    if (invocation().coldStart()) {
      throw fail("to reuse a warm execution environment but it was a cold start.");
    }
    return myself;
  }

  /** Verifies the attempt number: 1 for the first try, 2 and 3 for asynchronous retries. */
  public InvocationAssert isAttempt(int expected) {
    int attempt = invocation().attempt();
    if (attempt != expected) {
      throw fail("to be attempt " + expected + " but it was attempt " + attempt + ".");
    }
    return myself;
  }

  /** Verifies the request id, shared by every attempt of one asynchronous event. */
  public InvocationAssert hasRequestId(String expected) {
    Objects.requireNonNull(expected, "expected");
    String requestId = invocation().requestId();
    if (!expected.equals(requestId)) {
      throw fail("to have request id [" + expected + "] but it was [" + requestId + "].");
    }
    return myself;
  }

  /** Verifies how the function was invoked: {@code RequestResponse} or {@code Event}. */
  public InvocationAssert hasInvocationType(InvocationType expected) {
    Objects.requireNonNull(expected, "expected");
    InvocationType type = invocation().invocationType();
    if (type != expected) {
      throw fail("to be invoked as " + expected + " but it was invoked as " + type + ".");
    }
    return myself;
  }

  /** Verifies the invocation's virtual duration, from start to end, injected latency included. */
  public InvocationAssert hasDuration(Duration expected) {
    Objects.requireNonNull(expected, "expected");
    Duration duration = invocation().duration();
    if (!duration.equals(expected)) {
      throw fail("to last " + expected + " of virtual time but it lasted " + duration + ".");
    }
    return myself;
  }

  /** Verifies that some line the invocation logged (START to REPORT) contains {@code expected}. */
  public InvocationAssert hasLogContaining(String expected) {
    Objects.requireNonNull(expected, "expected");
    if (invocation().logs().stream().noneMatch(line -> line.contains(expected))) {
      throw fail("to have logged a line containing [" + expected + "] but it did not.");
    }
    return myself;
  }

  /**
   * Verifies that Lambda refused the invocation with 429 for this {@code Reason}, such as {@code
   * ReservedFunctionConcurrentInvocationLimitExceeded}.
   */
  public InvocationAssert wasThrottledWithReason(String expectedReason) {
    Objects.requireNonNull(expectedReason, "expectedReason");
    Invocation i = invocation();
    if (i.outcome() != Outcome.THROTTLED || !expectedReason.equals(i.errorMessage())) {
      throw fail(
          "to be throttled with reason ["
              + expectedReason
              + "] but it was "
              + outcomeWithError(i)
              + ".");
    }
    return myself;
  }

  /** Verifies which version ran ({@code $LATEST} or a number). */
  public InvocationAssert hasExecutedVersion(String expected) {
    Objects.requireNonNull(expected, "expected");
    String version = invocation().executedVersion();
    if (!expected.equals(version)) {
      throw fail("to have run version [" + expected + "] but it ran [" + version + "].");
    }
    return myself;
  }

  /**
   * Verifies the billed duration: the duration rounded up to the millisecond, plus Init on an
   * on-demand cold start.
   */
  public InvocationAssert hasBilledDuration(Duration expected) {
    Objects.requireNonNull(expected, "expected");
    Duration billed = invocation().billedDuration();
    if (!billed.equals(expected)) {
      throw fail("to be billed " + expected + " but it was billed " + billed + ".");
    }
    return myself;
  }

  private Invocation invocation() {
    if (notReached) {
      throw new NotReached();
    }
    if (actual == null) {
      throw failure(FailureText.of("an invocation", "but it was null.", ""));
    }
    return actual;
  }

  private AssertionError fail(String sentence) {
    String name =
        subject != null
            ? subject
            : "invocation [attempt " + actual.attempt() + " of request " + actual.requestId() + "]";
    String details =
        "Invocation: " + JournalStory.line(actual) + "\n" + JournalStory.logs(actual) + story.get();
    return failure(FailureText.of(name, sentence, details));
  }

  private static String outcomeWithError(Invocation i) {
    return i.errorType() == null
        ? i.outcome().toString()
        : i.outcome() + " (" + i.errorType() + ": " + i.errorMessage() + ")";
  }
}
