package dev.cloudless.fakes.sqs.internal;

import dev.cloudless.fakes.aws.AwsServiceException;
import java.util.Map;

/** SQS's errors, with the codes of its JSON protocol and the query codes beside them. */
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

  static AwsServiceException messageNotInflight() {
    return error(
        400,
        "MessageNotInflight",
        "AWS.SimpleQueueService.MessageNotInflight",
        "Value for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not"
            + " available for visibility timeout change.");
  }

  static AwsServiceException queueAlreadyExists(String name) {
    return error(
        400,
        "QueueNameExists",
        "QueueAlreadyExists",
        "A queue already exists with the same name and a different value for attribute(s): "
            + name);
  }

  private static AwsServiceException error(
      int status, String code, String queryCode, String message) {
    return new AwsServiceException(status, code, message, Map.of("QueryErrorCode", queryCode));
  }
}
