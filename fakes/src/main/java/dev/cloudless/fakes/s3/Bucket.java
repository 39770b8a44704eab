package dev.cloudless.fakes.s3;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.Arn;
import dev.cloudless.fakes.aws.AwsResource;
import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An S3 bucket.
 *
 * @param name the bucket's name, unique in the partition
 * @param region the region it lives in ({@code x-amz-bucket-region})
 * @param creationDate when it was created, on the virtual clock
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Bucket(String name, String region, Instant creationDate) implements AwsResource {

  public Bucket {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(creationDate, "creationDate");
  }

  /** {@code arn:aws:s3:::<name>}: bucket ARNs name neither region nor account. */
  @Override
  public String arn() {
    return "arn:" + Arn.partitionOf(region) + ":s3:::" + name;
  }
}
