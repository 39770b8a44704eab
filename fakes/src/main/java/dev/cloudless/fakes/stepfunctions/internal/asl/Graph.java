package dev.cloudless.fakes.stepfunctions.internal.asl;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * A set of states with a start: the state machine itself, a Parallel branch, or a Map's item
 * processor.
 *
 * @param states in definition order
 */
@API(status = INTERNAL, since = "0.1")
public record Graph(String startAt, Map<String, State> states) {

  public State start() {
    return states.get(startAt);
  }

  public State state(String name) {
    return states.get(name);
  }
}
