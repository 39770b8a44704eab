package dev.cloudless.fakes.faults;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The entry points of the fault DSL. Static factories only: they build immutable rules and hold no
 * state, so tests running in parallel never meet.
 *
 * <pre>{@code
 * import static dev.cloudless.fakes.faults.Faults.onFunction;
 *
 * cloud.faults().inject(onFunction("charge").throttle().onAttempts(1, 2));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Faults {

  private Faults() {}

  /** Faults on every invocation of the function named {@code functionName}. */
  public static FunctionFaults onFunction(String functionName) {
    return new FunctionFaults(new FaultTarget.OnFunction(functionName));
  }
}
