package dev.cloudless.fakes.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.faults.FaultEffect;
import dev.cloudless.fakes.faults.FaultFired;
import dev.cloudless.fakes.faults.FaultPlan;
import dev.cloudless.fakes.faults.FaultRule;
import dev.cloudless.fakes.faults.FaultSchedule;
import dev.cloudless.fakes.faults.FaultTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * The fault plan's engine. A service consults it at each point where AWS could fail (an invocation
 * attempt, a delivery); it counts the hit for every matching rule, decides by each rule's schedule,
 * journals what fires and returns the effects for the service to apply.
 */
@API(status = INTERNAL, since = "0.1")
public final class FaultEngine implements FaultPlan {

  private final List<Injected> rules = new CopyOnWriteArrayList<>();
  private final JournalLog journal;
  private final Scheduler clock;
  private final Random random;

  public FaultEngine(JournalLog journal, Scheduler clock, Random random) {
    this.journal = journal;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public InjectedFault inject(FaultRule rule) {
    Injected injected = new Injected(Objects.requireNonNull(rule, "rule"));
    rules.add(injected);
    return injected;
  }

  @Override
  public List<InjectedFault> injected() {
    return List.copyOf(rules);
  }

  @Override
  public void clear() {
    rules.clear();
  }

  /** Whether any rule is in the plan: lets hot paths skip the consultation. */
  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /**
   * Counts a hit on every rule whose target matches and returns the effects of those that fire, in
   * injection order.
   */
  public List<FaultEffect> consult(
      Predicate<FaultTarget> matches, String resourceArn, String traceId) {
    if (rules.isEmpty()) {
      return List.of();
    }
    List<FaultEffect> effects = new ArrayList<>(1);
    for (Injected rule : rules) {
      if (!matches.test(rule.rule.target())) {
        continue;
      }
      int hit;
      boolean fires;
      synchronized (rule) {
        hit = ++rule.hits;
        fires = fires(rule.rule.schedule(), hit);
        if (fires) {
          rule.fired++;
        }
      }
      if (fires) {
        journal.append(
            seq ->
                new FaultFired(seq, clock.now(), resourceArn, traceId, rule.rule.describe(), hit));
        effects.add(rule.rule.effect());
      }
    }
    return effects;
  }

  private boolean fires(FaultSchedule schedule, int hit) {
    if (schedule instanceof FaultSchedule.Times t) {
      return hit <= t.count();
    }
    if (schedule instanceof FaultSchedule.OnAttempts a) {
      return a.attempts().contains(hit);
    }
    if (schedule instanceof FaultSchedule.Always) {
      return true;
    }
    if (schedule instanceof FaultSchedule.WithProbability p) {
      synchronized (random) {
        return random.nextDouble() < p.probability();
      }
    }
    if (schedule instanceof FaultSchedule.Between b) {
      Duration elapsed = clock.elapsed();
      return elapsed.compareTo(b.from()) >= 0 && elapsed.compareTo(b.to()) < 0;
    }
    throw new IllegalStateException("Unknown schedule " + schedule);
  }

  private final class Injected implements InjectedFault {
    final FaultRule rule;
    int hits;
    int fired;

    Injected(FaultRule rule) {
      this.rule = rule;
    }

    @Override
    public FaultRule rule() {
      return rule;
    }

    @Override
    public synchronized int hits() {
      return hits;
    }

    @Override
    public synchronized int fired() {
      return fired;
    }

    @Override
    public void remove() {
      rules.remove(this);
    }

    @Override
    public String toString() {
      return rule.describe() + " (hits " + hits() + ", fired " + fired() + ")";
    }
  }
}
