package dev.cloudless.fakes.faults;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * The effects a fault can have on Step Functions Task states; each is followed by a schedule. A hit
 * is one attempt of a task (a retry is another hit), so {@code onState("sm", "Charge").failWith(..)
 * .times(2)} fails the first two attempts and lets the third call the resource.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class StateFaults {

  private final FaultTarget.OnState target;

  StateFaults(FaultTarget.OnState target) {
    this.target = target;
  }

  /**
   * The attempt fails with {@code error} and {@code cause} without calling the resource; the
   * state's Retry and Catch apply as for any task error.
   */
  public UnscheduledFault failWith(String error, String cause) {
    return new UnscheduledFault(target, new FaultEffect.TaskFailure(error, cause));
  }

  /**
   * The task runs twice, as an Express execution's at-least-once semantics allow: its resource is
   * called twice with the same input and the state continues with the second result. Refused on
   * Standard state machines, which run each task exactly once.
   */
  public UnscheduledFault duplicateExecution() {
    return new UnscheduledFault(target, new FaultEffect.DuplicateExecution());
  }

  /** The attempt ends this much later on the virtual clock; its timeout still applies. */
  public UnscheduledFault latency(Duration delay) {
    return new UnscheduledFault(target, new FaultEffect.Latency(delay));
  }
}
