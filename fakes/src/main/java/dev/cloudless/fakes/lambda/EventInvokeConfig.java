package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.Arn;
import dev.cloudless.fakes.aws.AwsResource;
import dev.cloudless.fakes.aws.AwsServiceException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How Lambda handles asynchronous invocations of a function, version or alias ({@code
 * PutFunctionEventInvokeConfig}): how many times to retry after a function error, how long to keep
 * an event, and where to send a record of each success and failure.
 *
 * <pre>{@code
 * cloud.lambda().putFunctionEventInvokeConfig("charge", "live",
 *     EventInvokeConfig.defaults().maximumRetryAttempts(1).onFailure(failedCharges));
 * }</pre>
 *
 * @param maximumRetryAttempts 0 to 2; default 2
 * @param maximumEventAge 60 seconds to 6 hours; default 6 hours
 * @param onSuccessArn the on-success destination (SQS queue, SNS topic or Lambda function), or null
 * @param onFailureArn the on-failure destination (SQS queue, SNS topic or Lambda function), or null
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record EventInvokeConfig(
    int maximumRetryAttempts, Duration maximumEventAge, String onSuccessArn, String onFailureArn) {

  public EventInvokeConfig {
    if (maximumRetryAttempts < 0) {
      throw FunctionSpec.validation(
          maximumRetryAttempts,
          "maximumRetryAttempts",
          "Member must have value greater than or equal to 0");
    }
    if (maximumRetryAttempts > 2) {
      throw FunctionSpec.validation(
          maximumRetryAttempts,
          "maximumRetryAttempts",
          "Member must have value less than or equal to 2");
    }
    Objects.requireNonNull(maximumEventAge, "maximumEventAge");
    if (maximumEventAge.toNanosPart() != 0 || maximumEventAge.isNegative()) {
      throw FunctionSpec.validation(
          maximumEventAge,
          "maximumEventAgeInSeconds",
          "Member must be a whole, non-negative number of seconds");
    }
    long seconds = maximumEventAge.toSeconds();
    if (seconds < 60) {
      throw FunctionSpec.validation(
          seconds,
          "maximumEventAgeInSeconds",
          "Member must have value greater than or equal to 60");
    }
    if (seconds > 21_600) {
      throw FunctionSpec.validation(
          seconds,
          "maximumEventAgeInSeconds",
          "Member must have value less than or equal to 21600");
    }
    checkDestination(onSuccessArn, "OnSuccess");
    checkDestination(onFailureArn, "OnFailure");
  }

  /** AWS's defaults: two retries, six hours, no destinations. */
  public static EventInvokeConfig defaults() {
    return new EventInvokeConfig(2, Duration.ofHours(6), null, null);
  }

  public EventInvokeConfig maximumRetryAttempts(int attempts) {
    return new EventInvokeConfig(attempts, maximumEventAge, onSuccessArn, onFailureArn);
  }

  public EventInvokeConfig maximumEventAge(Duration age) {
    return new EventInvokeConfig(maximumRetryAttempts, age, onSuccessArn, onFailureArn);
  }

  public EventInvokeConfig onSuccess(AwsResource destination) {
    return onSuccess(Objects.requireNonNull(destination, "destination").arn());
  }

  public EventInvokeConfig onSuccess(String destinationArn) {
    return new EventInvokeConfig(
        maximumRetryAttempts, maximumEventAge, destinationArn, onFailureArn);
  }

  public EventInvokeConfig onFailure(AwsResource destination) {
    return onFailure(Objects.requireNonNull(destination, "destination").arn());
  }

  public EventInvokeConfig onFailure(String destinationArn) {
    return new EventInvokeConfig(
        maximumRetryAttempts, maximumEventAge, onSuccessArn, destinationArn);
  }

  public Optional<String> onSuccess() {
    return Optional.ofNullable(onSuccessArn);
  }

  public Optional<String> onFailure() {
    return Optional.ofNullable(onFailureArn);
  }

  /**
   * AWS accepts SQS, SNS, Lambda, EventBridge and (on failure) S3 destinations; Cloudless fakes the
   * first three and says so for the others rather than accept a setting it would ignore.
   */
  private static void checkDestination(String arn, String which) {
    if (arn == null) {
      return;
    }
    if (!Arn.isArn(arn)) {
      throw new AwsServiceException(
          400, "InvalidParameterValueException", "The destination ARN " + arn + " is invalid.");
    }
    String service = Arn.parse(arn).service();
    switch (service) {
      case "sqs", "sns", "lambda" -> {
        // Faked.
      }
      case "events", "s3" ->
          throw new AwsServiceException(
              400,
              "InvalidParameterValueException",
              which
                  + " destination "
                  + arn
                  + " is an "
                  + (service.equals("s3") ? "S3 bucket" : "EventBridge event bus")
                  + ", which AWS accepts but Cloudless does not fake yet; use an SQS queue, an SNS"
                  + " topic or a Lambda function.");
      default ->
          throw new AwsServiceException(
              400,
              "InvalidParameterValueException",
              "The destination ARN "
                  + arn
                  + " is invalid: destinations are SQS queues, SNS topics, Lambda functions,"
                  + " EventBridge event buses or (on failure) S3 buckets.");
    }
  }
}
