package dev.cloudless.fakes.lambda.internal.urls;

import dev.cloudless.fakes.aws.AwsServiceException;

/** The errors of the function URL operations, with AWS's codes and messages. */
final class UrlErrors {

  /** The qualifier pattern of {@code CreateFunctionUrlConfig}: an alias or {@code $LATEST}. */
  static final String QUALIFIER_PATTERN = "(^\\$LATEST$)|((?!^[0-9]+$)([a-zA-Z0-9-_]+))";

  private UrlErrors() {}

  static AwsServiceException functionDoesNotExist() {
    return new AwsServiceException(404, "ResourceNotFoundException", "Function does not exist");
  }

  static AwsServiceException resourceDoesNotExist() {
    return new AwsServiceException(
        404, "ResourceNotFoundException", "The resource you requested does not exist.");
  }

  static AwsServiceException exists(String functionArn) {
    // Two spaces after "Error message:", as AWS writes it.
    return new AwsServiceException(
        409,
        "ResourceConflictException",
        "Failed to create function url config for [functionArn = "
            + functionArn
            + "]. Error message:  FunctionUrlConfig exists for this Lambda function");
  }

  static AwsServiceException invalidQualifier(String qualifier) {
    return new AwsServiceException(
        400,
        "ValidationException",
        "1 validation error detected: Value '"
            + qualifier
            + "' at 'qualifier' failed to satisfy constraint: Member must satisfy regular"
            + " expression pattern: "
            + QUALIFIER_PATTERN
            + " (function URLs belong to an alias or $LATEST, never to a version number)");
  }

  static AwsServiceException qualifierMismatch() {
    return new AwsServiceException(
        400,
        "InvalidParameterValueException",
        "The derived qualifier from the function name does not match the specified qualifier.");
  }
}
