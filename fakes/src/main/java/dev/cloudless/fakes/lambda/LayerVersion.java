package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One published version of a layer, as {@code PublishLayerVersion} and {@code GetLayerVersionByArn}
 * report it.
 *
 * @param layerArn {@code arn:aws:lambda:<region>:<account>:layer:<name>}
 * @param layerVersionArn the layer ARN with {@code :<version>}: what a function's {@code Layers}
 *     names
 * @param version the version number, counted from 1 per layer and never reused
 * @param description the description
 * @param createdDate when it was published, on the virtual clock
 * @param compatibleRuntimes the runtimes it declares, for information
 * @param codeSha256 the base64 SHA-256 of its zip
 * @param codeSize the zip's size in bytes
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record LayerVersion(
    String layerArn,
    String layerVersionArn,
    long version,
    String description,
    Instant createdDate,
    List<String> compatibleRuntimes,
    String codeSha256,
    long codeSize) {

  public LayerVersion {
    Objects.requireNonNull(layerArn, "layerArn");
    Objects.requireNonNull(layerVersionArn, "layerVersionArn");
    Objects.requireNonNull(createdDate, "createdDate");
    compatibleRuntimes = List.copyOf(compatibleRuntimes);
  }

  /** The layer's name: the last part of {@link #layerArn()}. */
  public String layerName() {
    return layerArn.substring(layerArn.lastIndexOf(':') + 1);
  }
}
