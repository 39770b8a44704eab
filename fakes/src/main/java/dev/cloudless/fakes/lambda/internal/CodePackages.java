package dev.cloudless.fakes.lambda.internal;

import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.lambda.FunctionCode;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.lambda.LambdaEnvironment;
import dev.cloudless.fakes.lambda.LayerSpec;
import dev.cloudless.fakes.lambda.LayerVersion;
import dev.cloudless.fakes.s3.Bucket;
import dev.cloudless.fakes.s3.FakeS3;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lambda's store of deployment packages and layers for one cloud: it checks uploads against AWS's
 * limits, copies code from S3, keeps each distinct zip once, merges layers into {@code /opt}
 * directories, and makes (and closes) the class loaders of execution environments.
 */
final class CodePackages implements AutoCloseable {

  private final CloudContext cloud;
  private final LayerRegistry layers;
  private final RuntimeApiClassLoader runtime =
      new RuntimeApiClassLoader(CodePackages.class.getClassLoader());
  private final Map<String, CodePackage> bySha256 = new HashMap<>();
  private final Map<List<String>, Path> optDirectories = new HashMap<>();
  private final Map<LambdaEnvironment, URLClassLoader> loaders = new IdentityHashMap<>();
  private volatile FakeS3 s3;
  private boolean closed;

  CodePackages(CloudContext cloud) {
    this.cloud = cloud;
    this.layers = new LayerRegistry(cloud);
  }

  void connectS3(FakeS3 s3) {
    this.s3 = s3;
  }

  LayerRegistry layers() {
    return layers;
  }

  /**
   * A direct upload's request limit: the zip travels base64-encoded, so about 50 MB of zip fills
   * the 69,905,067 bytes {@code operation} accepts.
   */
  static void checkUpload(long zipBytes, String operation) {
    long base64 = 4 * ((zipBytes + 2) / 3);
    if (base64 >= PackageErrors.MAX_REQUEST_BYTES) {
      throw PackageErrors.requestEntityTooLarge(operation);
    }
  }

  /** Checks a function's uploaded code before {@code operation} goes further. */
  static void checkUpload(FunctionCode code, String operation) {
    if (code != null && code.isPackage()) {
      checkUpload(code.zipFileSize(), operation);
    }
  }

  /**
   * The handlers of a new version. A package's content is taken again only if the code is new; its
   * layers are resolved again only if the list changed, since a function keeps the content of a
   * layer version deleted after it was attached.
   */
  HandlerFactory handlers(VersionImpl previous, FunctionSpec spec, FunctionCode code) {
    if (!code.isPackage()) {
      if (!spec.layers().isEmpty()) {
        throw PackageErrors.invalidParameter(
            "Function ["
                + spec.name()
                + "] has layers, but its code is a handler in the test's class path, which does"
                + " not load from /opt; give the code as a deployment package (FunctionCode.zip or"
                + " FunctionCode.s3) for its layers to be used.");
      }
      return new HandlerFactory(code);
    }
    PackagedCode before = previous == null ? null : previous.handlers().packaged();
    CodePackage function =
        before != null && previous.handlers().code() == code ? before.function() : content(code);
    List<LayerRegistry.Entry> resolved =
        before != null && previous.configuration().layers().equals(spec.layers())
            ? before.layers()
            : layers.resolve(spec.layers());
    long total = function.unzippedSize();
    for (LayerRegistry.Entry layer : resolved) {
      total += layer.content().unzippedSize();
    }
    if (total > PackageErrors.MAX_UNZIPPED_BYTES) {
      throw PackageErrors.combinedTooLarge(total);
    }
    return new HandlerFactory(
        code, new PackagedCode(this, spec.name(), code.handlerName(), function, resolved));
  }

  /** {@code PublishLayerVersion}. */
  LayerVersion publishLayerVersion(LayerSpec spec) {
    CodePackage content;
    if (spec.s3Bucket().isPresent()) {
      content = fromS3(spec.s3Bucket().get(), spec.s3Key().orElseThrow());
    } else if (spec.zipFileSize() > 0 || spec.zipFile().isPresent()) {
      checkUpload(spec.zipFileSize(), "PublishLayerVersion");
      content = stored(spec.zipFile().orElseThrow());
    } else {
      throw new AwsServiceException(
          400,
          "ValidationException",
          "1 validation error detected: Value null at 'content' failed to satisfy constraint:"
              + " Member must not be null");
    }
    return layers.publish(spec, content);
  }

  /** A function's package: its uploaded bytes, or its S3 object copied now. */
  private CodePackage content(FunctionCode code) {
    if (code.s3Bucket().isPresent()) {
      return fromS3(code.s3Bucket().get(), code.s3Key().orElseThrow());
    }
    return stored(code.zipFile().orElseThrow());
  }

  /** Copies code from S3, as Lambda does: the bucket must be in the function's region. */
  private CodePackage fromS3(String bucket, String key) {
    FakeS3 store = s3;
    if (store == null) {
      throw new IllegalStateException(
          "This Lambda has no S3 to read s3://" + bucket + "/" + key + " from; use FakeCloud.");
    }
    try {
      Bucket found = store.headBucket(bucket);
      if (!found.region().equals(cloud.region())) {
        throw PackageErrors.bucketInOtherRegion(found.region());
      }
      return stored(store.getObject(bucket, key).content());
    } catch (AwsServiceException e) {
      if (e.errorCode().equals("NoSuchBucket") || e.errorCode().equals("NoSuchKey")) {
        throw PackageErrors.getObject(e.errorCode(), e.getMessage());
      }
      throw e;
    }
  }

  /** The package of these bytes, stored once however often it is uploaded. */
  private CodePackage stored(byte[] bytes) {
    String sha256 = CodePackage.sha256(bytes);
    CodePackage pkg;
    synchronized (bySha256) {
      pkg = bySha256.get(sha256);
      if (pkg == null) {
        pkg = CodePackage.store(cloud, bytes, sha256);
        bySha256.put(sha256, pkg);
      }
    }
    if (pkg.unzippedSize() >= PackageErrors.MAX_UNZIPPED_BYTES) {
      throw PackageErrors.unzippedTooLarge();
    }
    return pkg;
  }

  /** {@code /opt} for these layers: each extracted in turn, a later one's files replacing. */
  Path opt(List<LayerRegistry.Entry> entries) {
    List<String> key = new ArrayList<>();
    for (LayerRegistry.Entry e : entries) {
      key.add(e.version().layerVersionArn() + "@" + e.content().codeSha256());
    }
    synchronized (optDirectories) {
      Path dir = optDirectories.get(key);
      if (dir == null) {
        dir = cloud.newScratchDirectory("opt-");
        for (LayerRegistry.Entry e : entries) {
          e.content().extractInto(dir);
        }
        optDirectories.put(key, dir);
      }
      return dir;
    }
  }

  /**
   * A new class loader for an environment's Init. The one its previous Init made (before a crash or
   * a runtime exit) is closed: that runtime is gone.
   */
  URLClassLoader newClassLoader(String name, URL[] classPath, LambdaEnvironment environment) {
    URLClassLoader loader = new URLClassLoader(classPath, runtime);
    URLClassLoader previous;
    synchronized (loaders) {
      if (closed) {
        closeQuietly(loader);
        throw new IllegalStateException("The cloud is closed.");
      }
      previous = loaders.put(environment, loader);
    }
    closeQuietly(previous);
    return loader;
  }

  /** Closes every class loader, so that their jars are released before the scratch is deleted. */
  @Override
  public void close() {
    List<URLClassLoader> open;
    synchronized (loaders) {
      closed = true;
      open = new ArrayList<>(loaders.values());
      loaders.clear();
    }
    open.forEach(CodePackages::closeQuietly);
  }

  private static void closeQuietly(URLClassLoader loader) {
    if (loader == null) {
      return;
    }
    try {
      loader.close();
    } catch (IOException e) {
      // A jar that does not close is released with the loader; nothing is lost.
    }
  }
}
