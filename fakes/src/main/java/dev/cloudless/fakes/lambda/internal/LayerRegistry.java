package dev.cloudless.fakes.lambda.internal;

import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.lambda.LayerEvent;
import dev.cloudless.fakes.lambda.LayerSpec;
import dev.cloudless.fakes.lambda.LayerVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The account's layers: each a name with numbered versions. Numbers count from 1 and are never
 * reused, even after a version is deleted, as on AWS.
 */
final class LayerRegistry {

  /** {@code GetLayerVersionByArn}'s ARN constraint. */
  private static final Pattern LAYER_VERSION_ARN =
      Pattern.compile(
          "arn:(aws[a-zA-Z-]*)?:lambda:[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}"
              + ":layer:[a-zA-Z0-9-_]+:[0-9]+");

  private final CloudContext cloud;
  private final Map<String, Layer> layers = new HashMap<>();

  LayerRegistry(CloudContext cloud) {
    this.cloud = cloud;
  }

  /** A published version and its content. */
  record Entry(LayerVersion version, CodePackage content) {}

  private static final class Layer {
    long lastVersion;
    final TreeMap<Long, Entry> versions = new TreeMap<>();
  }

  /** Publishes {@code content} as the layer's next version. */
  LayerVersion publish(LayerSpec spec, CodePackage content) {
    String layerArn = cloud.arn("lambda", "layer:" + spec.layerName());
    LayerVersion version;
    synchronized (layers) {
      Layer layer = layers.computeIfAbsent(spec.layerName(), n -> new Layer());
      long number = ++layer.lastVersion;
      version =
          new LayerVersion(
              layerArn,
              layerArn + ":" + number,
              number,
              spec.description(),
              cloud.now(),
              spec.compatibleRuntimes(),
              content.codeSha256(),
              content.codeSize());
      layer.versions.put(number, new Entry(version, content));
    }
    cloud
        .journal()
        .append(
            seq ->
                new LayerEvent.LayerVersionPublished(
                    seq,
                    version.createdDate(),
                    version.layerVersionArn(),
                    spec.layerName(),
                    version.version(),
                    version.codeSha256(),
                    version.codeSize()));
    return version;
  }

  /** {@code GetLayerVersionByArn}. */
  LayerVersion get(String layerVersionArn) {
    checkArn(layerVersionArn);
    return find(layerVersionArn).map(Entry::version).orElseThrow(PackageErrors::resourceNotFound);
  }

  /** {@code ListLayerVersions}: newest first. */
  List<LayerVersion> list(String layerName) {
    synchronized (layers) {
      Layer layer = layers.get(layerName);
      List<LayerVersion> result = new ArrayList<>();
      if (layer != null) {
        layer.versions.descendingMap().values().forEach(e -> result.add(e.version()));
      }
      return result;
    }
  }

  /** {@code DeleteLayerVersion}: nothing happens for a version that does not exist. */
  void delete(String layerVersionArn) {
    checkArn(layerVersionArn);
    Optional<Entry> entry = find(layerVersionArn);
    if (entry.isEmpty()) {
      return;
    }
    LayerVersion version = entry.get().version();
    synchronized (layers) {
      layers.get(version.layerName()).versions.remove(version.version());
    }
    Instant now = cloud.now();
    cloud
        .journal()
        .append(
            seq ->
                new LayerEvent.LayerVersionDeleted(
                    seq, now, layerVersionArn, version.layerName(), version.version()));
  }

  /**
   * The layers a function references, checked in AWS's order for each ARN: the function's region,
   * the account, the version's existence, then one version per layer.
   */
  List<Entry> resolve(List<String> layerVersionArns) {
    List<Entry> resolved = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (String arn : layerVersionArns) {
      String[] parts = arn.split(":");
      if (parts.length == 8 && parts[5].equals("layer")) {
        if (!parts[4].equals(cloud.accountId())) {
          throw PackageErrors.layerOfOtherAccount(cloud.accountId(), arn);
        }
        if (!parts[3].equals(cloud.region())) {
          throw PackageErrors.layerInOtherRegion(cloud.region());
        }
      }
      Entry entry = find(arn).orElseThrow(() -> PackageErrors.layerVersionNotFound(arn));
      String layerArn = arn.substring(0, arn.lastIndexOf(':'));
      String earlier = seen.putIfAbsent(layerArn, arn);
      if (earlier != null) {
        throw PackageErrors.twoVersionsOfOneLayer(earlier, arn);
      }
      resolved.add(entry);
    }
    return resolved;
  }

  private Optional<Entry> find(String layerVersionArn) {
    String[] parts = layerVersionArn.split(":");
    if (parts.length != 8
        || !parts[5].equals("layer")
        || !parts[3].equals(cloud.region())
        || !parts[4].equals(cloud.accountId())) {
      return Optional.empty();
    }
    synchronized (layers) {
      Layer layer = layers.get(parts[6]);
      if (layer == null) {
        return Optional.empty();
      }
      try {
        return Optional.ofNullable(layer.versions.get(Long.parseLong(parts[7])));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }

  private static void checkArn(String layerVersionArn) {
    if (layerVersionArn == null
        || layerVersionArn.length() > 140
        || !LAYER_VERSION_ARN.matcher(layerVersionArn).matches()) {
      throw new AwsServiceException(
          400,
          "ValidationException",
          "1 validation error detected: Value '"
              + layerVersionArn
              + "' at 'arn' failed to satisfy constraint: Member must satisfy regular expression"
              + " pattern: "
              + LAYER_VERSION_ARN.pattern());
    }
  }
}
