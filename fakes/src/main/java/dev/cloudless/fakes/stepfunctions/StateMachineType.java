package dev.cloudless.fakes.stepfunctions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Standard (exactly-once, up to a year, with history) or Express (up to five minutes, at-least-once
 * when started asynchronously).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum StateMachineType {
  STANDARD(Duration.ofDays(365)),
  EXPRESS(Duration.ofMinutes(5));

  private final Duration maxDuration;

  StateMachineType(Duration maxDuration) {
    this.maxDuration = maxDuration;
  }

  /** How long an execution may run before it fails with {@code States.Timeout}. */
  public Duration maxDuration() {
    return maxDuration;
  }
}
