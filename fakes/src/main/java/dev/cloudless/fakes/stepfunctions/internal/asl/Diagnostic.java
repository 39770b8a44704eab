package dev.cloudless.fakes.stepfunctions.internal.asl;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * One problem with a definition, as AWS's validation reports it: a code such as {@code
 * SCHEMA_VALIDATION_FAILED} or {@code MISSING_TRANSITION_TARGET}, a message and the location, a
 * JSON pointer such as {@code /States/X/Next}.
 */
@API(status = INTERNAL, since = "0.1")
public record Diagnostic(String code, String message, String location) {

  /** {@code CODE: message at /location}, as in AWS's {@code InvalidDefinition} message. */
  public String text() {
    return code + ": " + message + (location == null ? "" : " at " + location);
  }
}
