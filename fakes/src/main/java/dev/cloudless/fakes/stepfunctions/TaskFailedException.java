package dev.cloudless.fakes.stepfunctions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Thrown by a {@link TaskHandler}: the task fails with this error name and cause. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TaskFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String error;
  private final String cause;

  public TaskFailedException(String error, String cause) {
    super(error + ": " + cause);
    this.error = error;
    this.cause = cause;
  }

  public String error() {
    return error;
  }

  /** The cause text (named so as not to clash with {@link Throwable#getCause()}). */
  public String causeText() {
    return cause;
  }
}
