package dev.cloudless.fakes.s3;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.journal.JournalEvent;
import java.time.Instant;
import org.apiguardian.api.API;

/** What the fake S3 records in the journal. */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface S3Event extends JournalEvent {

  /** The bucket's name. */
  String bucket();

  /** A bucket was created ({@code CreateBucket}). */
  @API(status = EXPERIMENTAL, since = "0.1")
  record BucketCreated(
      long sequence, Instant time, String resourceArn, String bucket, String region)
      implements S3Event {
    @Override
    public String traceId() {
      return null;
    }

    @Override
    public String summary() {
      return bucket + " created in " + region;
    }
  }

  /**
   * An object was written ({@code PutObject}).
   *
   * @param contentLength its size in bytes
   * @param eTag its ETag
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record ObjectPut(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String bucket,
      String key,
      long contentLength,
      String eTag)
      implements S3Event {
    @Override
    public String summary() {
      return "PutObject s3://" + bucket + "/" + key + " (" + contentLength + " bytes)";
    }
  }

  /**
   * An object was read.
   *
   * @param operation {@code GetObject} or {@code HeadObject}
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record ObjectRead(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String bucket,
      String key,
      String operation)
      implements S3Event {
    @Override
    public String summary() {
      return operation + " s3://" + bucket + "/" + key;
    }
  }

  /** An object was deleted ({@code DeleteObject}); {@code existed} is false for a missing key. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record ObjectDeleted(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String bucket,
      String key,
      boolean existed)
      implements S3Event {
    @Override
    public String summary() {
      return "DeleteObject s3://" + bucket + "/" + key + (existed ? "" : " (no such key)");
    }
  }
}
