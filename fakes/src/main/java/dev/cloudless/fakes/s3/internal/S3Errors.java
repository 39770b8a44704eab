package dev.cloudless.fakes.s3.internal;

import dev.cloudless.fakes.aws.AwsServiceException;
import java.util.Map;

/**
 * S3's errors, with its codes and messages. Other services quote these texts (Lambda reports a
 * missing code object as {@code ... S3 Error Code: NoSuchKey. S3 Error Message: The specified key
 * does not exist.}), so they are kept exactly as S3 writes them, trailing period or not.
 */
final class S3Errors {

  private S3Errors() {}

  static AwsServiceException noSuchBucket(String bucket) {
    return new AwsServiceException(
        404, "NoSuchBucket", "The specified bucket does not exist", Map.of("BucketName", bucket));
  }

  static AwsServiceException noSuchKey(String key) {
    return new AwsServiceException(
        404, "NoSuchKey", "The specified key does not exist.", Map.of("Key", key));
  }

  static AwsServiceException bucketAlreadyOwnedByYou(String bucket) {
    return new AwsServiceException(
        409,
        "BucketAlreadyOwnedByYou",
        "Your previous request to create the named bucket succeeded and you already own it.",
        Map.of("BucketName", bucket));
  }

  static AwsServiceException invalidBucketName(String bucket) {
    return new AwsServiceException(
        400,
        "InvalidBucketName",
        "The specified bucket is not valid.",
        Map.of("BucketName", bucket));
  }

  static AwsServiceException invalidLocationConstraint(String region) {
    return new AwsServiceException(
        400,
        "InvalidLocationConstraint",
        "The specified location-constraint is not valid",
        Map.of("LocationConstraint", region));
  }

  static AwsServiceException keyTooLong(int bytes) {
    return new AwsServiceException(
        400,
        "KeyTooLongError",
        "Your key is too long",
        Map.of("MaxSizeAllowed", "1024", "Size", Integer.toString(bytes)));
  }
}
