package dev.cloudless.fakes.sqs.internal;

import dev.cloudless.fakes.aws.AwsServiceException;
import java.util.Map;

/**
 * SQS's errors. The error code is the name AWS's API reference gives the error (the JSON
 * protocol's); the {@code QueryErrorCode} field beside it holds the code of SQS's older query
 * protocol, which AWS still returns in its {@code x-amzn-query-error} header. Messages are AWS's
 * where recorded (shared/conformance and the AWS-recorded snapshots AWS-SEMANTICS.md cites).
 */
final class SqsErrors {

  private SqsErrors() {}

  static AwsServiceException queueDoesNotExist(String queue) {
    return error(
        400,
        "QueueDoesNotExist",
        "AWS.SimpleQueueService.NonExistentQueue",
        "The specified queue does not exist. (queue: " + queue + ")");
  }

  static AwsServiceException invalidParameterValue(String message) {
    return error(400, "InvalidParameterValue", "InvalidParameterValue", message);
  }

  static AwsServiceException invalidAttributeValue(String message) {
    return error(400, "InvalidAttributeValue", "InvalidAttributeValue", message);
  }

  static AwsServiceException invalidAttributeName(String message) {
    return error(400, "InvalidAttributeName", "InvalidAttributeName", message);
  }

  static AwsServiceException unknownAttribute(String name) {
    return invalidAttributeName("Unknown Attribute " + name + ".");
  }

  static AwsServiceException missingParameter(String parameter) {
    return error(
        400,
        "MissingParameter",
        "MissingParameter",
        "The request must contain the parameter " + parameter + ".");
  }

  static AwsServiceException invalidMessageContents() {
    return error(
        400,
        "InvalidMessageContents",
        "InvalidMessageContents",
        "Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF"
            + " | #xE000 to #xFFFD | #x10000 to #x10FFFF");
  }

  static AwsServiceException receiptHandleIsInvalid(String handle) {
    return error(
        400,
        "ReceiptHandleIsInvalid",
        "ReceiptHandleIsInvalid",
        "The input receipt handle \"" + handle + "\" is not a valid receipt handle.");
  }

  /** Recorded on a FIFO queue: deleting with a handle whose visibility timeout ended. */
  static AwsServiceException receiptHandleExpired(String handle) {
    return invalidParameterValue(
        "Value "
            + handle
            + " for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired.");
  }

  static AwsServiceException messageNotInflight() {
    return error(
        400,
        "MessageNotInflight",
        "AWS.SimpleQueueService.MessageNotInflight",
        "Value for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not"
            + " available for visibility timeout change.");
  }

  static AwsServiceException queueAlreadyExists(String attribute) {
    return error(
        400,
        "QueueNameExists",
        "QueueAlreadyExists",
        "A queue already exists with the same name and a different value for attribute "
            + attribute);
  }

  static AwsServiceException queueDeletedRecently() {
    return error(
        400,
        "QueueDeletedRecently",
        "AWS.SimpleQueueService.QueueDeletedRecently",
        "You must wait 60 seconds after deleting a queue before you can create another with the"
            + " same name.");
  }

  static AwsServiceException purgeQueueInProgress(String queueName) {
    return error(
        403,
        "PurgeQueueInProgress",
        "AWS.SimpleQueueService.PurgeQueueInProgress",
        "Only one PurgeQueue operation on " + queueName + " is allowed every 60 seconds.");
  }

  static AwsServiceException emptyBatchRequest(String entryType) {
    return error(
        400,
        "EmptyBatchRequest",
        "AWS.SimpleQueueService.EmptyBatchRequest",
        "There should be at least one " + entryType + " in the request.");
  }

  static AwsServiceException tooManyEntriesInBatchRequest(int sent) {
    return error(
        400,
        "TooManyEntriesInBatchRequest",
        "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
        "Maximum number of entries per request are 10. You have sent " + sent + ".");
  }

  static AwsServiceException invalidBatchEntryId() {
    return error(
        400,
        "InvalidBatchEntryId",
        "AWS.SimpleQueueService.InvalidBatchEntryId",
        "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It"
            + " can be at most 80 letters long.");
  }

  static AwsServiceException batchEntryIdsNotDistinct(String id) {
    return error(
        400,
        "BatchEntryIdsNotDistinct",
        "AWS.SimpleQueueService.BatchEntryIdsNotDistinct",
        "Id " + id + " repeated.");
  }

  static AwsServiceException batchRequestTooLong(long limit, long sent) {
    return error(
        400,
        "BatchRequestTooLong",
        "AWS.SimpleQueueService.BatchRequestTooLong",
        "Batch requests cannot be longer than "
            + limit
            + " bytes. You have sent "
            + sent
            + " bytes.");
  }

  /** What an injected {@code serviceError()} returns: AWS's common 500 error. */
  static AwsServiceException internalFailure() {
    return error(
        500,
        "InternalFailure",
        "InternalError",
        "The request processing has failed because of an unknown error, exception or failure.");
  }

  static AwsServiceException resourceNotFound(String message) {
    return error(404, "ResourceNotFoundException", "ResourceNotFoundException", message);
  }

  /** For what SQS has but Cloudless does not model: refused, never accepted and ignored. */
  static AwsServiceException unsupported(String message) {
    return error(
        400, "UnsupportedOperation", "AWS.SimpleQueueService.UnsupportedOperation", message);
  }

  private static AwsServiceException error(
      int status, String code, String queryCode, String message) {
    return new AwsServiceException(status, code, message, Map.of("QueryErrorCode", queryCode));
  }
}
