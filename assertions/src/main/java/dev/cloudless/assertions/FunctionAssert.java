package dev.cloudless.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.journal.JournalEvent;
import dev.cloudless.fakes.lambda.Invocation;
import dev.cloudless.fakes.lambda.InvocationType;
import dev.cloudless.fakes.lambda.LambdaCost;
import dev.cloudless.fakes.lambda.LambdaEvent;
import dev.cloudless.fakes.lambda.LambdaFunction;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a function of the fake Lambda, read from its invocations: every attempt counts, so
 * an asynchronous event that failed twice and then succeeded is three invocations.
 *
 * <pre>{@code
 * assertThat(cloud.lambda().function("charge"))
 *     .hasInvocations(3)
 *     .hasOutcomes(FAILED, FAILED, SUCCEEDED)
 *     .hasRetryDelays(ofMinutes(1), ofMinutes(2))
 *     .invocation(1, first -> first.wasColdStart().hasErrorMessage("psp slow"));
 * }</pre>
 *
 * <p>A failure lists the function's invocations (time, attempt, outcome, error, request id) and the
 * faults that fired.
 *
 * <p>Not final only so that {@link CloudlessSoftAssertions} can proxy it; the package-private
 * constructor keeps it closed to other subclasses.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class FunctionAssert extends AbstractAssert<FunctionAssert, LambdaFunction> {

  /** How navigation builds children: set by soft assertions, plain otherwise. */
  Navigator navigator = Navigator.HARD;

  FunctionAssert(LambdaFunction actual) {
    super(actual, FunctionAssert.class);
  }

  /**
   * Verifies how many invocation attempts the function had: synchronous invokes, asynchronous
   * attempts and their retries, throttled and failed ones alike.
   */
  public FunctionAssert hasInvocations(int expected) {
    int count = invocations().size();
    if (count != expected) {
      throw fail(
          "to have been invoked "
              + times(expected)
              + " (every attempt counts, retries included) but it was invoked "
              + times(count)
              + ".");
    }
    return myself;
  }

  /** Verifies that the function never ran, nor was even attempted. */
  public FunctionAssert hasNoInvocations() {
    int count = invocations().size();
    if (count != 0) {
      throw fail("not to have been invoked but it was invoked " + times(count) + ".");
    }
    return myself;
  }

  /** Verifies the outcome of every attempt, in the order they started. */
  public FunctionAssert hasOutcomes(Invocation.Outcome... expected) {
    Objects.requireNonNull(expected, "expected");
    List<Invocation.Outcome> outcomes = invocations().stream().map(Invocation::outcome).toList();
    if (!outcomes.equals(Arrays.asList(expected))) {
      throw fail(
          "to have outcomes " + Arrays.toString(expected) + " but they were " + outcomes + ".");
    }
    return myself;
  }

  /** Verifies that every attempt succeeded (and that there was at least one). */
  public FunctionAssert allInvocationsSucceeded() {
    List<Invocation> invocations = invocations();
    if (invocations.isEmpty()) {
      throw fail("to have only successful invocations but it was never invoked.");
    }
    long failed =
        invocations.stream().filter(i -> i.outcome() != Invocation.Outcome.SUCCEEDED).count();
    if (failed > 0) {
      throw fail(
          "to have only successful invocations but "
              + failed
              + " of "
              + invocations.size()
              + " did not succeed.");
    }
    return myself;
  }

  /** Verifies how many attempts initialised a new execution environment. */
  public FunctionAssert hasColdStarts(int expected) {
    long cold = invocations().stream().filter(Invocation::coldStart).count();
    if (cold != expected) {
      throw fail(
          "to have had "
              + FailureText.count(expected, "cold start", "cold starts")
              + " but it had "
              + cold
              + ".");
    }
    return myself;
  }

  /**
   * Verifies the delays between the attempts of the function's one asynchronous event: each delay
   * is from the end of an attempt (start plus its virtual duration) to the start of the next. With
   * AWS's defaults a failed event is retried one minute, then two minutes, after an attempt ends:
   *
   * <pre>{@code
   * assertThat(function).hasRetryDelays(ofMinutes(1), ofMinutes(2));
   * }</pre>
   *
   * <p>No delays means the event ran once. When the function received several asynchronous events,
   * this fails rather than guess which one is meant: name it with {@link #hasRetryDelays(String,
   * Duration...)} and the request id {@code invokeAsync} returned.
   */
  public FunctionAssert hasRetryDelays(Duration... expected) {
    Objects.requireNonNull(expected, "expected");
    Set<String> requestIds = new LinkedHashSet<>();
    for (Invocation i : invocations()) {
      if (i.invocationType() == InvocationType.EVENT) {
        requestIds.add(i.requestId());
      }
    }
    if (requestIds.isEmpty()) {
      throw fail("to have retried an asynchronous event but it had no asynchronous invocation.");
    }
    if (requestIds.size() > 1) {
      throw fail(
          "to have retried one asynchronous event but it had "
              + requestIds.size()
              + " "
              + requestIds
              + "; name one with hasRetryDelays(requestId, delays...).");
    }
    return hasRetryDelays(requestIds.iterator().next(), expected);
  }

  /**
   * Verifies the delays between the attempts of the request with this id, as {@link
   * #hasRetryDelays(Duration...)} does.
   */
  public FunctionAssert hasRetryDelays(String requestId, Duration... expected) {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(expected, "expected");
    List<Invocation> all = invocations();
    List<Invocation> attempts = new ArrayList<>();
    for (Invocation i : all) {
      if (i.requestId().equals(requestId)) {
        attempts.add(i);
      }
    }
    if (attempts.isEmpty()) {
      Set<String> known = new LinkedHashSet<>();
      all.forEach(i -> known.add(i.requestId()));
      throw fail(
          "to have invocations of request ["
              + requestId
              + "] but it had none; its requests were "
              + known
              + ".");
    }
    attempts.sort(Comparator.comparingInt(Invocation::attempt));
    List<Duration> delays = new ArrayList<>();
    for (int k = 1; k < attempts.size(); k++) {
      delays.add(Duration.between(attempts.get(k - 1).endedAt(), attempts.get(k).startedAt()));
    }
    if (!delays.equals(Arrays.asList(expected))) {
      throw fail(
          "to retry request ["
              + requestId
              + "] after "
              + Arrays.toString(expected)
              + " but the delays were "
              + delays
              + " ("
              + FailureText.count(attempts.size(), "attempt", "attempts")
              + ").");
    }
    return myself;
  }

  /** Verifies how many attempts Lambda refused with 429. */
  public FunctionAssert hasThrottles(int expected) {
    long throttled =
        invocations().stream().filter(i -> i.outcome() == Invocation.Outcome.THROTTLED).count();
    if (throttled != expected) {
      throw fail(
          "to have been throttled "
              + times(expected)
              + " but it was throttled "
              + times((int) throttled)
              + ".");
    }
    return myself;
  }

  /** Verifies the {@code Reason} of every throttle, in order. */
  public FunctionAssert hasThrottleReasons(String... expected) {
    Objects.requireNonNull(expected, "expected");
    List<String> reasons =
        invocations().stream()
            .filter(i -> i.outcome() == Invocation.Outcome.THROTTLED)
            .map(Invocation::errorMessage)
            .toList();
    if (!reasons.equals(Arrays.asList(expected))) {
      throw fail(
          "to have been throttled for "
              + Arrays.toString(expected)
              + " but the reasons were "
              + reasons
              + ".");
    }
    return myself;
  }

  /**
   * Verifies the share of the invocations that ran {@code version}, within {@code tolerance}: for a
   * weighted alias, {@code hasExecutedVersionShare("2", 0.10, 0.02)}. Refused invocations, which
   * ran no version, are not counted.
   */
  public FunctionAssert hasExecutedVersionShare(String version, double share, double tolerance) {
    Objects.requireNonNull(version, "version");
    List<String> ran =
        invocations().stream().map(Invocation::executedVersion).filter(Objects::nonNull).toList();
    if (ran.isEmpty()) {
      throw fail("to have run version [" + version + "] but no invocation ran.");
    }
    long count = ran.stream().filter(version::equals).count();
    double actualShare = count / (double) ran.size();
    if (Math.abs(actualShare - share) > tolerance) {
      Map<String, Long> split = new TreeMap<>();
      ran.forEach(v -> split.merge(v, 1L, Long::sum));
      throw fail(
          String.format(
              Locale.ROOT,
              "to run version [%s] for %.4f (+/- %.4f) of its invocations but it ran it for %.4f"
                  + " (%d of %d); versions run: %s.",
              version,
              share,
              tolerance,
              actualShare,
              count,
              ran.size(),
              split));
    }
    return myself;
  }

  /**
   * Verifies what the function's invocations cost in total, in USD, at the fake Lambda's prices.
   */
  public FunctionAssert hasCost(BigDecimal expectedUsd) {
    Objects.requireNonNull(expectedUsd, "expectedUsd");
    LambdaCost cost = cost();
    if (cost.total().compareTo(expectedUsd) != 0) {
      throw fail("to cost USD " + expectedUsd.toPlainString() + " but it cost " + cost + ".");
    }
    return myself;
  }

  /** Verifies that the function's invocations cost at most {@code maximumUsd}. */
  public FunctionAssert costsAtMost(BigDecimal maximumUsd) {
    Objects.requireNonNull(maximumUsd, "maximumUsd");
    LambdaCost cost = cost();
    if (cost.total().compareTo(maximumUsd) > 0) {
      throw fail(
          "to cost at most USD " + maximumUsd.toPlainString() + " but it cost " + cost + ".");
    }
    return myself;
  }

  /**
   * Verifies the invocation records sent to destinations, by condition, in order: {@code
   * hasDestinationRecords("Success", "RetriesExhausted")}.
   */
  public FunctionAssert hasDestinationRecords(String... expectedConditions) {
    Objects.requireNonNull(expectedConditions, "expectedConditions");
    List<String> conditions =
        actualJournalEvents(LambdaEvent.DestinationInvoked.class).stream()
            .filter(d -> d.error() == null)
            .map(LambdaEvent.DestinationInvoked::condition)
            .toList();
    if (!conditions.equals(Arrays.asList(expectedConditions))) {
      throw fail(
          "to have sent records "
              + Arrays.toString(expectedConditions)
              + " to its destinations but it sent "
              + conditions
              + ".");
    }
    return myself;
  }

  /**
   * Verifies how each batch from an event source mapping ended, in order: {@code
   * hasBatchOutcomes(PARTIALLY_FAILED, SUCCEEDED)}.
   */
  public FunctionAssert hasBatchOutcomes(LambdaEvent.BatchOutcome... expected) {
    Objects.requireNonNull(expected, "expected");
    List<LambdaEvent.BatchOutcome> outcomes =
        batches().stream().map(LambdaEvent.EventSourceBatchProcessed::outcome).toList();
    if (!outcomes.equals(Arrays.asList(expected))) {
      throw fail(
          "to have had batches ending "
              + Arrays.toString(expected)
              + " but they ended "
              + outcomes
              + ".\nBatches:\n"
              + describeBatches());
    }
    return myself;
  }

  /**
   * Verifies how many messages each batch from an event source mapping held, in order: {@code
   * hasBatchSizes(10, 10, 3)}.
   */
  public FunctionAssert hasBatchSizes(int... expected) {
    Objects.requireNonNull(expected, "expected");
    List<Integer> sizes = batches().stream().map(b -> b.messageIds().size()).toList();
    List<Integer> wanted = Arrays.stream(expected).boxed().toList();
    if (!sizes.equals(wanted)) {
      throw fail(
          "to have had batches of "
              + wanted
              + " messages but they held "
              + sizes
              + ".\nBatches:\n"
              + describeBatches());
    }
    return myself;
  }

  /**
   * Verifies which messages the function's batches returned to their queue, over all batches, in
   * order: the whole batch after a function error, the reported items of a partial batch response.
   */
  public FunctionAssert returnedToQueue(String... expectedMessageIds) {
    Objects.requireNonNull(expectedMessageIds, "expectedMessageIds");
    List<String> returned = new ArrayList<>();
    batches().forEach(b -> returned.addAll(b.returnedMessageIds()));
    if (!returned.equals(Arrays.asList(expectedMessageIds))) {
      throw fail(
          "to have returned "
              + Arrays.toString(expectedMessageIds)
              + " to its queue but it returned "
              + returned
              + ".\nBatches:\n"
              + describeBatches());
    }
    return myself;
  }

  private List<LambdaEvent.EventSourceBatchProcessed> batches() {
    return actualJournalEvents(LambdaEvent.EventSourceBatchProcessed.class);
  }

  private String describeBatches() {
    List<LambdaEvent.EventSourceBatchProcessed> batches = batches();
    if (batches.isEmpty()) {
      return "  (none: no event source mapping delivered a batch)";
    }
    StringBuilder text = new StringBuilder();
    for (LambdaEvent.EventSourceBatchProcessed b : batches) {
      text.append("  ")
          .append(b.time())
          .append(' ')
          .append(b.summary())
          .append(" messages ")
          .append(b.messageIds())
          .append('\n');
    }
    return text.toString().stripTrailing();
  }

  /**
   * The {@code n}th invocation, counting from 1 in the order they started, as the failure messages
   * number them: {@code invocation(2)} is the second attempt.
   */
  public InvocationAssert invocation(int n) {
    if (n < 1) {
      throw new IllegalArgumentException(
          "Invocations are counted from 1, as attempts are; got invocation(" + n + ").");
    }
    return navigate(n, "to have an invocation " + n);
  }

  /**
   * Verifies the {@code n}th invocation with {@code requirements} and stays on the function, so
   * that several invocations can be checked in one chain.
   */
  public FunctionAssert invocation(int n, Consumer<InvocationAssert> requirements) {
    Objects.requireNonNull(requirements, "requirements");
    requirements.accept(invocation(n));
    return myself;
  }

  /** The first invocation. */
  public InvocationAssert firstInvocation() {
    return navigate(1, "to have a first invocation");
  }

  /** The last invocation to start: after retries, the one that decided the outcome. */
  public InvocationAssert lastInvocation() {
    int last = actual == null ? 1 : Math.max(1, actual.invocations().size());
    return navigate(last, "to have a last invocation");
  }

  /** The only invocation; fails unless the function was invoked exactly once. */
  public InvocationAssert singleInvocation() {
    if (actual != null) {
      int count = actual.invocations().size();
      if (count != 1) {
        navigator.navigationFailed(
            fail("to have been invoked exactly once but it was invoked " + times(count) + "."));
        return notReached();
      }
    }
    return navigate(1, "to have a single invocation");
  }

  private InvocationAssert navigate(int n, String sentence) {
    if (actual == null) {
      navigator.navigationFailed(nullActual());
      return notReached();
    }
    List<Invocation> all = actual.invocations();
    if (n > all.size()) {
      navigator.navigationFailed(fail(sentence + " but it was invoked " + times(all.size()) + "."));
      return notReached();
    }
    LambdaFunction function = actual;
    InvocationAssert child =
        navigator
            .child(InvocationAssert.class, Invocation.class, all.get(n - 1), InvocationAssert::new)
            .in(
                "invocation " + n + " of function [" + function.name() + "]",
                () -> JournalStory.ofFunction(function));
    // As AssertJ's own navigation does: a description given to the function applies to its parts.
    if (info.hasDescription()) {
      child.describedAs(info.description());
    }
    return child;
  }

  private InvocationAssert notReached() {
    return navigator
        .child(InvocationAssert.class, Invocation.class, null, InvocationAssert::new)
        .markNotReached();
  }

  private LambdaCost cost() {
    if (actual == null) {
      throw nullActual();
    }
    return actual.cost();
  }

  private <E extends JournalEvent> List<E> actualJournalEvents(Class<E> type) {
    if (actual == null) {
      throw nullActual();
    }
    String arn = actual.arn();
    return actual.journal().events(type).stream().filter(e -> arn.equals(e.resourceArn())).toList();
  }

  private List<Invocation> invocations() {
    if (actual == null) {
      throw nullActual();
    }
    return actual.invocations();
  }

  private AssertionError fail(String sentence) {
    return failure(
        FailureText.of(
            "function [" + actual.name() + "]", sentence, JournalStory.ofFunction(actual)));
  }

  private AssertionError nullActual() {
    return failure(FailureText.of("a function", "but it was null.", ""));
  }

  private static String times(int n) {
    return FailureText.count(n, "time", "times");
  }
}
