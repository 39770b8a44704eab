package dev.cloudless.fakes.faults;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/** A target and an effect waiting for a schedule; each schedule method gives the finished rule. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class UnscheduledFault {

  private final FaultTarget target;
  private final FaultEffect effect;

  UnscheduledFault(FaultTarget target, FaultEffect effect) {
    this.target = target;
    this.effect = effect;
  }

  /** Fires on the first hit only. */
  public FaultRule once() {
    return times(1);
  }

  /** Fires on the first {@code count} hits. */
  public FaultRule times(int count) {
    return new FaultRule(target, effect, new FaultSchedule.Times(count));
  }

  /** Fires on the hits with these numbers, counting from 1: {@code onAttempts(1, 2)}. */
  public FaultRule onAttempts(int... attempts) {
    return new FaultRule(
        target,
        effect,
        new FaultSchedule.OnAttempts(
            Arrays.stream(attempts).boxed().collect(Collectors.toCollection(TreeSet::new))));
  }

  /** Fires on every hit. */
  public FaultRule always() {
    return new FaultRule(target, effect, new FaultSchedule.Always());
  }

  /** Fires on each hit with probability {@code p}, drawn from the cloud's seed. */
  public FaultRule withProbability(double p) {
    return new FaultRule(target, effect, new FaultSchedule.WithProbability(p));
  }

  /** Fires on every hit between {@code from} and {@code to} after the cloud's start. */
  public FaultRule between(Duration from, Duration to) {
    return new FaultRule(target, effect, new FaultSchedule.Between(from, to));
  }
}
