package dev.cloudless.fakes.s3;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What {@code HeadObject} tells of an object.
 *
 * @param bucket the bucket's name
 * @param key the object's key
 * @param contentLength its size in bytes
 * @param eTag the MD5 of its content in hex, in double quotes, as S3 shows a single-part upload's
 * @param lastModified when it was last written, on the virtual clock
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ObjectMetadata(
    String bucket, String key, long contentLength, String eTag, Instant lastModified) {

  public ObjectMetadata {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(eTag, "eTag");
    Objects.requireNonNull(lastModified, "lastModified");
  }
}
