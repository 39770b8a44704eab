package dev.cloudless.fakes.s3.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.s3.Bucket;
import dev.cloudless.fakes.s3.FakeS3;
import dev.cloudless.fakes.s3.ObjectMetadata;
import dev.cloudless.fakes.s3.S3Event;
import dev.cloudless.fakes.s3.S3Object;
import dev.cloudless.trace.TraceHeader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/** The fake S3: buckets by name, each holding whole objects in memory. */
@API(status = INTERNAL, since = "0.1")
public final class S3Service implements FakeS3 {

  /** The one region where re-creating a bucket you own answers 200, for legacy compatibility. */
  private static final String LEGACY_REGION = "us-east-1";

  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d");
  private static final int MAX_KEY_BYTES = 1024;

  private final CloudContext cloud;
  private final Map<String, BucketData> buckets = new TreeMap<>();

  public S3Service(CloudContext cloud) {
    this.cloud = cloud;
  }

  private record BucketData(Bucket bucket, Map<String, StoredObject> objects) {}

  private record StoredObject(ObjectMetadata metadata, byte[] content) {}

  @Override
  public Bucket createBucket(String name) {
    return createBucket(name, cloud.region());
  }

  @Override
  public Bucket createBucket(String name, String region) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(region, "region");
    if (!BucketNames.valid(name)) {
      throw S3Errors.invalidBucketName(name);
    }
    if (!REGION.matcher(region).matches()) {
      throw S3Errors.invalidLocationConstraint(region);
    }
    Bucket bucket;
    synchronized (buckets) {
      BucketData existing = buckets.get(name);
      if (existing != null) {
        if (region.equals(LEGACY_REGION) && existing.bucket().region().equals(LEGACY_REGION)) {
          return existing.bucket();
        }
        throw S3Errors.bucketAlreadyOwnedByYou(name);
      }
      bucket = new Bucket(name, region, cloud.now());
      buckets.put(name, new BucketData(bucket, new TreeMap<>()));
    }
    cloud
        .journal()
        .append(
            seq ->
                new S3Event.BucketCreated(seq, bucket.creationDate(), bucket.arn(), name, region));
    return bucket;
  }

  @Override
  public Bucket headBucket(String name) {
    return data(name).bucket();
  }

  @Override
  public List<Bucket> buckets() {
    synchronized (buckets) {
      return buckets.values().stream().map(BucketData::bucket).toList();
    }
  }

  @Override
  public ObjectMetadata putObject(String bucket, String key, byte[] content) {
    Objects.requireNonNull(content, "content");
    checkKey(key);
    BucketData data = data(bucket);
    byte[] copy = content.clone();
    ObjectMetadata metadata = new ObjectMetadata(bucket, key, copy.length, eTag(copy), cloud.now());
    synchronized (data.objects()) {
      data.objects().put(key, new StoredObject(metadata, copy));
    }
    String traceId = traceId();
    cloud
        .journal()
        .append(
            seq ->
                new S3Event.ObjectPut(
                    seq,
                    metadata.lastModified(),
                    objectArn(data.bucket(), key),
                    traceId,
                    bucket,
                    key,
                    metadata.contentLength(),
                    metadata.eTag()));
    return metadata;
  }

  @Override
  public ObjectMetadata putObject(String bucket, String key, Path file) {
    Objects.requireNonNull(file, "file");
    try {
      return putObject(bucket, key, Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read [" + file + "] to upload to S3", e);
    }
  }

  @Override
  public ObjectMetadata putObject(String bucket, String key, String content) {
    return putObject(bucket, key, Objects.requireNonNull(content).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public S3Object getObject(String bucket, String key) {
    StoredObject stored = stored(bucket, key, "GetObject");
    return new S3Object(stored.metadata(), stored.content());
  }

  @Override
  public ObjectMetadata headObject(String bucket, String key) {
    return stored(bucket, key, "HeadObject").metadata();
  }

  @Override
  public void deleteObject(String bucket, String key) {
    checkKey(key);
    BucketData data = data(bucket);
    boolean existed;
    synchronized (data.objects()) {
      existed = data.objects().remove(key) != null;
    }
    Instant now = cloud.now();
    String traceId = traceId();
    cloud
        .journal()
        .append(
            seq ->
                new S3Event.ObjectDeleted(
                    seq, now, objectArn(data.bucket(), key), traceId, bucket, key, existed));
  }

  private StoredObject stored(String bucket, String key, String operation) {
    checkKey(key);
    BucketData data = data(bucket);
    StoredObject stored;
    synchronized (data.objects()) {
      stored = data.objects().get(key);
    }
    if (stored == null) {
      throw S3Errors.noSuchKey(key);
    }
    Instant now = cloud.now();
    String traceId = traceId();
    cloud
        .journal()
        .append(
            seq ->
                new S3Event.ObjectRead(
                    seq, now, objectArn(data.bucket(), key), traceId, bucket, key, operation));
    return stored;
  }

  private BucketData data(String name) {
    Objects.requireNonNull(name, "bucket");
    synchronized (buckets) {
      BucketData data = buckets.get(name);
      if (data == null) {
        throw S3Errors.noSuchBucket(name);
      }
      return data;
    }
  }

  private static void checkKey(String key) {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("An S3 object key must not be empty.");
    }
    int bytes = key.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_KEY_BYTES) {
      throw S3Errors.keyTooLong(bytes);
    }
  }

  /** The trace of the handler calling, if a handler is: its S3 calls belong to its trace. */
  private String traceId() {
    TraceHeader current = cloud.currentTrace();
    return current == null ? null : current.root().value();
  }

  private static String objectArn(Bucket bucket, String key) {
    return bucket.arn() + "/" + key;
  }

  /** A single-part upload's ETag: the content's MD5 in hex, quoted. */
  private static String eTag(byte[] content) {
    try {
      return "\""
          + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content))
          + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has MD5", e);
    }
  }
}
