package dev.cloudless.fakes.stepfunctions.internal.asl;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * A Task state.
 *
 * @param resource the {@code Resource} ARN
 * @param timeout {@code TimeoutSeconds} (or its path or expression), or null
 * @param heartbeat {@code HeartbeatSeconds} (or its path or expression), or null
 */
@API(status = INTERNAL, since = "0.1")
public record TaskState(
    String name,
    DataFlow flow,
    String next,
    ErrorHandling errors,
    String resource,
    NumberSpec timeout,
    NumberSpec heartbeat)
    implements State {
  @Override
  public String type() {
    return "Task";
  }
}
