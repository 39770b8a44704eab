package dev.cloudless.fakes.sns.internal;

import dev.cloudless.fakes.aws.AwsServiceException;

/** SNS's errors, with AWS's codes and texts. */
final class SnsErrors {

  private SnsErrors() {}

  /** {@code InvalidParameter} (400): AWS's messages start with {@code Invalid parameter: }. */
  static AwsServiceException invalidParameter(String message) {
    return new AwsServiceException(400, "InvalidParameter", message);
  }

  /** {@code InvalidParameterValue}, whose query code is {@code ParameterValueInvalid} (400). */
  static AwsServiceException parameterValueInvalid(String message) {
    return new AwsServiceException(400, "ParameterValueInvalid", message);
  }

  /** {@code NotFound} (404), such as {@code Topic does not exist}. */
  static AwsServiceException notFound(String message) {
    return new AwsServiceException(404, "NotFound", message);
  }

  static AwsServiceException topicDoesNotExist() {
    return notFound("Topic does not exist");
  }

  static AwsServiceException subscriptionDoesNotExist() {
    return notFound("Subscription does not exist");
  }

  static AwsServiceException tooManyEntries() {
    return new AwsServiceException(
        400,
        "TooManyEntriesInBatchRequest",
        "The batch request contains more entries than permissible.");
  }

  static AwsServiceException emptyBatch() {
    return new AwsServiceException(
        400, "EmptyBatchRequest", "The batch request doesn't contain any entries.");
  }

  static AwsServiceException batchIdsNotDistinct() {
    return new AwsServiceException(
        400,
        "BatchEntryIdsNotDistinct",
        "Two or more batch entries in the request have the same Id.");
  }

  static AwsServiceException invalidBatchEntryId() {
    return new AwsServiceException(
        400,
        "InvalidBatchEntryId",
        "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It"
            + " can be at most 80 letters long.");
  }

  static AwsServiceException batchTooLong() {
    return new AwsServiceException(
        400,
        "BatchRequestTooLong",
        "The length of all the messages put together is more than the limit.");
  }
}
