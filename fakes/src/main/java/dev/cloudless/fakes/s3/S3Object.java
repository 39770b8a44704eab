package dev.cloudless.fakes.s3;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An object as {@code GetObject} returns it: its metadata and its content. The content is a copy:
 * changing it changes nothing in the bucket.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class S3Object {

  private final ObjectMetadata metadata;
  private final byte[] content;

  public S3Object(ObjectMetadata metadata, byte[] content) {
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.content = Objects.requireNonNull(content, "content").clone();
  }

  public ObjectMetadata metadata() {
    return metadata;
  }

  /** The content's bytes (a copy). */
  public byte[] content() {
    return content.clone();
  }

  /** The content, read as UTF-8. */
  public String contentAsString() {
    return new String(content, StandardCharsets.UTF_8);
  }

  /** A stream over the content, as the SDK's {@code ResponseInputStream}. */
  public InputStream contentStream() {
    return new ByteArrayInputStream(content);
  }

  @Override
  public String toString() {
    return "S3Object[s3://"
        + metadata.bucket()
        + "/"
        + metadata.key()
        + ", "
        + content.length
        + " bytes]";
  }
}
