package dev.cloudless.fakes.faults;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * When a rule fires. Every time a rule's target is reached counts as one "hit", numbered from 1
 * from the moment the rule is injected: each invocation attempt of a function, retries included.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface FaultSchedule {

  /** The schedule as written in the DSL, such as {@code times(2)}. */
  String describe();

  /** The first {@code count} hits. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record Times(int count) implements FaultSchedule {
    public Times {
      if (count < 1) {
        throw new IllegalArgumentException("times(n) needs n >= 1; got " + count + ".");
      }
    }

    @Override
    public String describe() {
      return count == 1 ? "once()" : "times(" + count + ")";
    }
  }

  /** The hits with these numbers, counting from 1. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record OnAttempts(SortedSet<Integer> attempts) implements FaultSchedule {
    public OnAttempts {
      Objects.requireNonNull(attempts, "attempts");
      if (attempts.isEmpty() || attempts.first() < 1) {
        throw new IllegalArgumentException(
            "onAttempts(...) needs one or more attempt numbers, each >= 1; got " + attempts + ".");
      }
      attempts = Collections.unmodifiableSortedSet(new TreeSet<>(attempts));
    }

    @Override
    public String describe() {
      return attempts.stream()
          .map(String::valueOf)
          .collect(Collectors.joining(", ", "onAttempts(", ")"));
    }
  }

  /** Every hit. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record Always() implements FaultSchedule {
    @Override
    public String describe() {
      return "always()";
    }
  }

  /** Each hit with probability {@code p}, drawn from the cloud's seed. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record WithProbability(double probability) implements FaultSchedule {
    public WithProbability {
      if (!(probability >= 0.0 && probability <= 1.0)) {
        throw new IllegalArgumentException(
            "withProbability(p) needs 0.0 <= p <= 1.0; got " + probability + ".");
      }
    }

    @Override
    public String describe() {
      return "withProbability(" + probability + ")";
    }
  }

  /**
   * Every hit while the virtual clock is at least {@code from} and less than {@code to} past the
   * cloud's start.
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record Between(Duration from, Duration to) implements FaultSchedule {
    public Between {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (from.isNegative() || to.compareTo(from) <= 0) {
        throw new IllegalArgumentException(
            "between(from, to) needs 0 <= from < to; got from " + from + ", to " + to + ".");
      }
    }

    @Override
    public String describe() {
      return "between(" + from + ", " + to + ")";
    }
  }
}
