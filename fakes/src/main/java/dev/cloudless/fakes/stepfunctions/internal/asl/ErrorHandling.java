package dev.cloudless.fakes.stepfunctions.internal.asl;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/** {@code Retry} and {@code Catch} of a Task, Parallel or Map state. */
@API(status = INTERNAL, since = "0.1")
public record ErrorHandling(List<Retrier> retriers, List<Catcher> catchers) {

  public static final ErrorHandling NONE = new ErrorHandling(List.of(), List.of());
}
