package dev.cloudless.fakes.stepfunctions.internal.asl;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** A Succeed state. */
@API(status = INTERNAL, since = "0.1")
public record SucceedState(String name, DataFlow flow) implements State {
  @Override
  public String type() {
    return "Succeed";
  }

  @Override
  public String next() {
    return null;
  }
}
