package dev.cloudless.fakes.lambda.internal;

import dev.cloudless.fakes.aws.AwsServiceException;

/** Lambda's own errors (not function errors), with AWS's codes and messages. */
final class LambdaErrors {

  static final int MAX_SYNC_PAYLOAD = 6_291_456;
  static final int MAX_ASYNC_PAYLOAD = 1_048_576;

  private LambdaErrors() {}

  static AwsServiceException functionNotFound(String qualifiedArn) {
    return new AwsServiceException(
        404, "ResourceNotFoundException", "Function not found: " + qualifiedArn);
  }

  static AwsServiceException functionExists(String name) {
    return new AwsServiceException(
        409, "ResourceConflictException", "Function already exist: " + name);
  }

  static AwsServiceException invalidParameter(String message) {
    return new AwsServiceException(400, "InvalidParameterValueException", message);
  }

  static AwsServiceException invalidRequestContent(String detail) {
    return new AwsServiceException(
        400,
        "InvalidRequestContentException",
        "Could not parse request body into json: Could not parse payload into json: " + detail);
  }

  static AwsServiceException requestTooLarge(int limit, String operation) {
    return new AwsServiceException(
        413,
        "RequestTooLargeException",
        "Request must be smaller than " + limit + " bytes for the " + operation + " operation");
  }

  static AwsServiceException serviceException() {
    return new AwsServiceException(
        500, "ServiceException", "The AWS Lambda service encountered an internal error.");
  }
}
