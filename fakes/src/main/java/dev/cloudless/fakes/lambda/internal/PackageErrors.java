package dev.cloudless.fakes.lambda.internal;

import dev.cloudless.fakes.aws.AwsServiceException;

/**
 * Lambda's errors about deployment packages and layers, with AWS's codes and messages. Sources: the
 * Lambda developer guide's "Troubleshoot deployment issues" page (RequestEntityTooLargeException,
 * the {@code GetObject} texts) and the texts AWS returns as recorded by LocalStack's
 * snapshot-validated provider (layers, unzipped size).
 */
final class PackageErrors {

  /**
   * The request size CreateFunction, UpdateFunctionCode and PublishLayerVersion accept: a 50 MB zip
   * grows by a third when base64-encoded into the request.
   */
  static final long MAX_REQUEST_BYTES = 69_905_067L;

  /** 250 MB: the unzipped size of a package, and of a function's package with all its layers. */
  static final long MAX_UNZIPPED_BYTES = 262_144_000L;

  private PackageErrors() {}

  static AwsServiceException requestEntityTooLarge(String operation) {
    return new AwsServiceException(
        413,
        "RequestEntityTooLargeException",
        "Request must be smaller than "
            + MAX_REQUEST_BYTES
            + " bytes for the "
            + operation
            + " operation");
  }

  static AwsServiceException unzippedTooLarge() {
    return invalidParameter("Unzipped size must be smaller than " + MAX_UNZIPPED_BYTES + " bytes");
  }

  static AwsServiceException combinedTooLarge(long actual) {
    return invalidParameter(
        "Function code combined with layers exceeds the maximum allowed size of "
            + MAX_UNZIPPED_BYTES
            + " bytes. The actual size is "
            + actual
            + " bytes.");
  }

  static AwsServiceException couldNotUnzip() {
    return invalidParameter(
        "Could not unzip uploaded file. Please check your file, then try to upload again.");
  }

  /** How Lambda reports an S3 error met while copying code: {@code errorCode} is S3's. */
  static AwsServiceException getObject(String s3ErrorCode, String s3ErrorMessage) {
    return invalidParameter(
        "Error occurred while GetObject. S3 Error Code: "
            + s3ErrorCode
            + ". S3 Error Message: "
            + s3ErrorMessage);
  }

  static AwsServiceException bucketInOtherRegion(String bucketRegion) {
    return getObject(
        "PermanentRedirect",
        "The bucket is in this region: "
            + bucketRegion
            + ". Please use this region to retry the request");
  }

  static AwsServiceException layerVersionNotFound(String layerVersionArn) {
    return invalidParameter("Layer version " + layerVersionArn + " does not exist.");
  }

  static AwsServiceException layerInOtherRegion(String region) {
    return invalidParameter(
        "Layers are not in the same region as the function. Layers are expected to be in region "
            + region
            + ".");
  }

  static AwsServiceException layerOfOtherAccount(String accountId, String layerVersionArn) {
    return new AwsServiceException(
        403,
        "AccessDeniedException",
        "User: arn:aws:iam::"
            + accountId
            + ":root is not authorized to perform: lambda:GetLayerVersion on resource: "
            + layerVersionArn
            + " because no resource-based policy allows the lambda:GetLayerVersion action");
  }

  static AwsServiceException twoVersionsOfOneLayer(String first, String second) {
    return invalidParameter(
        "Two different versions of the same layer are not allowed to be referenced in the same"
            + " function. "
            + first
            + " and "
            + second
            + " are versions of the same layer.");
  }

  static AwsServiceException resourceNotFound() {
    return new AwsServiceException(
        404, "ResourceNotFoundException", "The resource you requested does not exist.");
  }

  static AwsServiceException invalidParameter(String message) {
    return new AwsServiceException(400, "InvalidParameterValueException", message);
  }
}
