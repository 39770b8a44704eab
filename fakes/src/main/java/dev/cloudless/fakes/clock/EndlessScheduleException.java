package dev.cloudless.fakes.clock;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Thrown when running the scheduler does not become idle within the cloud's event limit, which
 * almost always means a loop: a Wait state that jumps back, a message that is received forever, a
 * retry without end. The message names the events that repeated most.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class EndlessScheduleException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public EndlessScheduleException(String message) {
    super(message);
  }
}
