package dev.cloudless.fakes.faults;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The cloud's fault plan: one for every service. Rules are consulted in the order they were
 * injected; every fault that fires is recorded in the journal as a {@link FaultFired} event.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface FaultPlan {

  /** Adds a rule; it applies from now on. */
  InjectedFault inject(FaultRule rule);

  /** The rules injected so far, in order, with their counts. */
  List<InjectedFault> injected();

  /** Removes every rule. */
  void clear();

  /** A rule in the plan, with how often it was reached and how often it fired. */
  @API(status = EXPERIMENTAL, since = "0.1")
  interface InjectedFault {

    /** The rule. */
    FaultRule rule();

    /** How many times its target was reached since it was injected. */
    int hits();

    /** How many times it fired. */
    int fired();

    /** Takes the rule out of the plan. */
    void remove();
  }
}
