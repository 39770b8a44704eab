package dev.cloudless.fakes.lambda.internal;

import dev.cloudless.fakes.aws.AwsServiceException;

/** AWS's {@code ValidationException} texts for request fields. */
final class FunctionSpecErrors {

  private FunctionSpecErrors() {}

  static AwsServiceException validation(Object value, String field, String constraint) {
    return new AwsServiceException(
        400,
        "ValidationException",
        "1 validation error detected: Value '"
            + value
            + "' at '"
            + field
            + "' failed to satisfy constraint: "
            + constraint);
  }

  static AwsServiceException notNull(String field) {
    return new AwsServiceException(
        400,
        "ValidationException",
        "1 validation error detected: Value null at '"
            + field
            + "' failed to satisfy constraint: Member must not be null");
  }
}
