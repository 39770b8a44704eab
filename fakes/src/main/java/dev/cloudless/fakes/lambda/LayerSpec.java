package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.AwsServiceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * What {@code PublishLayerVersion} takes: a layer's name, its content (a zip, uploaded or in S3),
 * and optional description and compatible runtimes. Immutable: every method returns a new spec.
 *
 * <pre>{@code
 * LayerVersion deps = cloud.lambda().publishLayerVersion(
 *     LayerSpec.named("deps").content(Path.of("target/deps-layer.zip")).compatibleRuntimes("java21"));
 * cloud.lambda().create(FunctionSpec.named("charge")
 *     .code(FunctionCode.zip(Path.of("target/charge.zip"), "com.example.ChargeHandler"))
 *     .layers(deps.layerVersionArn()));
 * }</pre>
 *
 * <p>A Java layer keeps its jars in {@code java/lib/}: Lambda extracts layers to {@code /opt} and
 * the Java runtime puts {@code /opt/java/lib/*.jar} on the function's class path.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class LayerSpec {

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-_]+");
  private static final int MAX_COMPATIBLE_RUNTIMES = 15;

  private final String layerName;
  private byte[] zipFile;
  private String s3Bucket;
  private String s3Key;
  private String description = "";
  private List<String> compatibleRuntimes = List.of();

  private LayerSpec(String layerName) {
    this.layerName = layerName;
  }

  private LayerSpec(LayerSpec from) {
    this.layerName = from.layerName;
    this.zipFile = from.zipFile;
    this.s3Bucket = from.s3Bucket;
    this.s3Key = from.s3Key;
    this.description = from.description;
    this.compatibleRuntimes = from.compatibleRuntimes;
  }

  /**
   * A layer named {@code layerName}: 1 to 140 letters, digits, hyphens and underscores. Publishing
   * under an existing name adds the next version.
   *
   * @throws AwsServiceException {@code ValidationException} for another name
   */
  public static LayerSpec named(String layerName) {
    Objects.requireNonNull(layerName, "layerName");
    if (layerName.length() > 140) {
      throw FunctionSpec.validation(
          layerName, "layerName", "Member must have length less than or equal to 140");
    }
    if (!NAME.matcher(layerName).matches()) {
      throw FunctionSpec.validation(
          layerName,
          "layerName",
          "Member must satisfy regular expression pattern:"
              + " (arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+)|[a-zA-Z0-9-_]+");
    }
    return new LayerSpec(layerName);
  }

  /**
   * {@code Content.ZipFile} read from a zip file. A direct upload is limited to 50 MB zipped, as
   * for function code.
   *
   * @throws UncheckedIOException if the file cannot be read
   */
  public LayerSpec content(Path zip) {
    Objects.requireNonNull(zip, "zip");
    try {
      return content(Files.readAllBytes(zip));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the layer content " + zip, e);
    }
  }

  /** {@code Content.ZipFile}: the zip's bytes. */
  public LayerSpec content(byte[] zip) {
    Objects.requireNonNull(zip, "zip");
    LayerSpec copy = new LayerSpec(this);
    copy.zipFile = zip.clone();
    copy.s3Bucket = null;
    copy.s3Key = null;
    return copy;
  }

  /**
   * {@code Content.S3Bucket} and {@code Content.S3Key}: a zip in the cloud's S3, in the same
   * region, copied when the version is published.
   */
  public LayerSpec s3(String bucket, String key) {
    FunctionCode.checkS3Location(bucket, key, "content");
    LayerSpec copy = new LayerSpec(this);
    copy.s3Bucket = bucket;
    copy.s3Key = key;
    copy.zipFile = null;
    return copy;
  }

  /** {@code Description}: up to 256 characters. */
  public LayerSpec description(String description) {
    Objects.requireNonNull(description, "description");
    if (description.length() > 256) {
      throw FunctionSpec.validation(
          description, "description", "Member must have length less than or equal to 256");
    }
    LayerSpec copy = new LayerSpec(this);
    copy.description = description;
    return copy;
  }

  /**
   * {@code CompatibleRuntimes}, such as {@code java21}: up to 15. As on AWS they are information
   * for people and tools listing layers; Lambda does not check them against a function's runtime.
   */
  public LayerSpec compatibleRuntimes(String... runtimes) {
    List<String> list = List.of(Objects.requireNonNull(runtimes, "runtimes"));
    if (list.size() > MAX_COMPATIBLE_RUNTIMES) {
      throw FunctionSpec.validation(
          list, "compatibleRuntimes", "Member must have length less than or equal to 15");
    }
    LayerSpec copy = new LayerSpec(this);
    copy.compatibleRuntimes = list;
    return copy;
  }

  public String layerName() {
    return layerName;
  }

  /** The uploaded zip's bytes (a copy), if the content was uploaded. */
  public Optional<byte[]> zipFile() {
    return Optional.ofNullable(zipFile).map(byte[]::clone);
  }

  /** The uploaded zip's size in bytes, without copying it; 0 for content in S3. */
  public long zipFileSize() {
    return zipFile == null ? 0 : zipFile.length;
  }

  public Optional<String> s3Bucket() {
    return Optional.ofNullable(s3Bucket);
  }

  public Optional<String> s3Key() {
    return Optional.ofNullable(s3Key);
  }

  public String description() {
    return description;
  }

  public List<String> compatibleRuntimes() {
    return compatibleRuntimes;
  }

  @Override
  public String toString() {
    return "LayerSpec[" + layerName + "]";
  }
}
