package dev.cloudless.fakes.stepfunctions.internal.eval;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * A JSONPath found nothing. The message is the path library's (Jayway's), which AWS quotes in its
 * causes: {@code Missing property in path $['no']}.
 */
@API(status = INTERNAL, since = "0.1")
public final class PathException extends Exception {

  private static final long serialVersionUID = 1L;

  public PathException(String message) {
    super(message, null, false, false);
  }
}
