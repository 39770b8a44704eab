package dev.cloudless.fakes.stepfunctions.internal;

import dev.cloudless.fakes.aws.AwsServiceException;

/** Step Functions' API errors, with AWS's codes and messages. */
final class StepFunctionsErrors {

  private StepFunctionsErrors() {}

  static AwsServiceException invalidDefinition(String message) {
    return new AwsServiceException(400, "InvalidDefinition", message);
  }

  static AwsServiceException stateMachineExists(String arn) {
    return new AwsServiceException(
        400, "StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
  }

  static AwsServiceException stateMachineDoesNotExist(String arn) {
    return new AwsServiceException(
        400, "StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
  }

  static AwsServiceException executionExists(String arn) {
    return new AwsServiceException(
        400, "ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
  }

  static AwsServiceException executionDoesNotExist(String arn) {
    return new AwsServiceException(
        400, "ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
  }

  static AwsServiceException invalidName(String name) {
    return new AwsServiceException(400, "InvalidName", "Invalid Name: '" + name + "'");
  }

  static AwsServiceException invalidInput(String detail) {
    return new AwsServiceException(
        400, "InvalidExecutionInput", "Invalid State Machine Execution Input: '" + detail + "'");
  }

  static AwsServiceException typeNotSupported(String operation) {
    return new AwsServiceException(
        400,
        "StateMachineTypeNotSupported",
        "This operation is not supported by this type of state machine: " + operation);
  }

  static AwsServiceException invalidToken(String token) {
    return new AwsServiceException(400, "InvalidToken", "Invalid Token: '" + token + "'");
  }

  static AwsServiceException taskDoesNotExist() {
    return new AwsServiceException(400, "TaskDoesNotExist", "Provided task does not exist anymore");
  }

  static AwsServiceException invalidArn(String message) {
    return new AwsServiceException(400, "InvalidArn", message);
  }
}
