package dev.cloudless.fakes.stepfunctions.internal.asl;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** One state of a definition; immutable, shared by every execution. */
@API(status = INTERNAL, since = "0.1")
public sealed interface State
    permits PassState,
        TaskState,
        ChoiceState,
        WaitState,
        SucceedState,
        FailState,
        ParallelState,
        MapState {

  String name();

  /** {@code Pass}, {@code Task}, ...: the prefix of its history event types. */
  String type();

  DataFlow flow();

  /** The next state's name, or null for a state that ends its graph (or chooses, or fails). */
  String next();

  /** Retry and Catch; none for states that cannot have them. */
  default ErrorHandling errors() {
    return ErrorHandling.NONE;
  }
}
