package dev.cloudless.fakes.faults;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A fault to inject: target + effect + schedule. Written with the DSL of {@link Faults}:
 *
 * <pre>{@code
 * cloud.faults().inject(onFunction("charge").throwing(new PaymentTimeout("psp slow")).times(2));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record FaultRule(FaultTarget target, FaultEffect effect, FaultSchedule schedule) {

  public FaultRule {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(schedule, "schedule");
  }

  /** The rule as written in the DSL. */
  public String describe() {
    return target.describe() + "." + effect.describe() + "." + schedule.describe();
  }

  @Override
  public String toString() {
    return describe();
  }
}
