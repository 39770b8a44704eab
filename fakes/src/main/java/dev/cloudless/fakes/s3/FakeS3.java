package dev.cloudless.fakes.s3;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A minimal fake Amazon S3 of one cloud: buckets and whole objects, enough to hold what other
 * services read from S3, such as a Lambda deployment package ({@code FunctionCode.s3(...)}).
 *
 * <pre>{@code
 * cloud.s3().createBucket("artifacts");
 * cloud.s3().putObject("artifacts", "charge.zip", Path.of("target/charge.zip"));
 * cloud.lambda().create(FunctionSpec.named("charge")
 *     .code(FunctionCode.s3("artifacts", "charge.zip", "com.example.ChargeHandler")));
 * }</pre>
 *
 * <p>Bucket names follow S3's rules for general purpose buckets and are unique in the cloud. A
 * bucket lives in a region (the cloud's unless told otherwise), which matters to services that
 * insist on their own region, as Lambda does for its code. Objects are kept in memory; there is no
 * versioning, multipart upload, listing or access control yet.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface FakeS3 {

  /**
   * {@code CreateBucket} in the cloud's region.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code InvalidBucketName} for a name S3's
   *     rules refuse; {@code BucketAlreadyOwnedByYou} if it exists, except in {@code us-east-1}
   *     where S3 answers 200 and the existing bucket is returned
   */
  Bucket createBucket(String name);

  /**
   * {@code CreateBucket} with a {@code LocationConstraint}: the bucket lives in {@code region}.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException as {@link #createBucket(String)}
   */
  Bucket createBucket(String name, String region);

  /**
   * {@code HeadBucket}: the bucket, with the region it lives in.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code NoSuchBucket}
   */
  Bucket headBucket(String name);

  /** {@code ListBuckets}: every bucket, by name. */
  List<Bucket> buckets();

  /**
   * {@code PutObject}: stores {@code content} under {@code key}, replacing what was there.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code NoSuchBucket}, {@code
   *     KeyTooLongError} for a key over 1,024 bytes
   */
  ObjectMetadata putObject(String bucket, String key, byte[] content);

  /** {@code PutObject} of a file's bytes, as {@code aws s3 cp} uploads it. */
  ObjectMetadata putObject(String bucket, String key, Path file);

  /** {@code PutObject} of a string, encoded as UTF-8. */
  ObjectMetadata putObject(String bucket, String key, String content);

  /**
   * {@code GetObject}.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code NoSuchBucket}, {@code NoSuchKey}
   */
  S3Object getObject(String bucket, String key);

  /**
   * {@code HeadObject}: the object's metadata without its content.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code NoSuchBucket}, {@code NoSuchKey}
   */
  ObjectMetadata headObject(String bucket, String key);

  /**
   * {@code DeleteObject}. As in S3, deleting a key that does not exist succeeds.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code NoSuchBucket}
   */
  void deleteObject(String bucket, String key);
}
