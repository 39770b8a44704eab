package dev.cloudless.assertions;

/**
 * Thrown by an assertion on an assert that soft navigation could not reach (say, {@code
 * singleMessage()} on an empty queue). The navigation failure was already collected; soft
 * assertions drop this error so that each missing subject is reported once, not once per chained
 * assertion.
 */
final class NotReached extends AssertionError {

  private static final long serialVersionUID = 1L;

  NotReached() {
    super("not reached: the navigation that led here failed and was reported");
  }
}
