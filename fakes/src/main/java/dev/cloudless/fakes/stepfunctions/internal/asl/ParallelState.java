package dev.cloudless.fakes.stepfunctions.internal.asl;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/** A Parallel state. */
@API(status = INTERNAL, since = "0.1")
public record ParallelState(
    String name, DataFlow flow, String next, ErrorHandling errors, List<Graph> branches)
    implements State {
  @Override
  public String type() {
    return "Parallel";
  }
}
