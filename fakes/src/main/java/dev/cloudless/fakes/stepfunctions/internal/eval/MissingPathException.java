package dev.cloudless.fakes.stepfunctions.internal.eval;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * A path inside a payload template or an intrinsic call found nothing; the template that holds it
 * turns this into AWS's message, which names the field.
 */
@API(status = INTERNAL, since = "0.1")
public final class MissingPathException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String path;

  public MissingPathException(String path, String detail) {
    super(detail, null, false, false);
    this.path = path;
  }

  public String path() {
    return path;
  }
}
