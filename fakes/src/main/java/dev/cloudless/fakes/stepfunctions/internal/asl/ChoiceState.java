package dev.cloudless.fakes.stepfunctions.internal.asl;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/** A Choice state; {@code defaultNext} is its {@code Default}, or null. */
@API(status = INTERNAL, since = "0.1")
public record ChoiceState(
    String name, DataFlow flow, List<ChoiceBranch> choices, String defaultNext) implements State {
  @Override
  public String type() {
    return "Choice";
  }

  @Override
  public String next() {
    return null;
  }
}
