package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudless.fakes.aws.AwsServiceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A function's code: what {@code CreateFunction} and {@code UpdateFunctionCode} upload. In
 * Cloudless the code is a handler in the test's class path, given one of four ways:
 *
 * <ul>
 *   <li>{@link #handler(RequestHandler)} / {@link #handler(RequestStreamHandler)}: an instance that
 *       every execution environment shares (its constructor ran before the cloud existed);
 *   <li>{@link #handler(Class)}: a handler class with a public no-argument constructor, which each
 *       new execution environment instantiates, so a cold start runs the constructor as on AWS;
 *   <li>{@link #handlerFactory(Function)}: a factory each new execution environment calls with its
 *       {@link LambdaEnvironment} (environment variables, {@code /tmp});
 *   <li>{@link #handler(Class, RequestHandler)}: a Java lambda with the type its input is
 *       deserialized to.
 * </ul>
 *
 * <p>Or, as on AWS, the code is a deployment package, a zip or jar with the classes at its root and
 * the dependencies as jars in {@code lib/}, and a {@code Handler} string naming the class (and
 * method): {@link #zip(Path, String)}, {@link #zip(byte[], String)} or {@link #s3(String, String,
 * String)}. Each execution environment then loads it in its own class loader, which sees the
 * package, the function's layers, the JDK and the Lambda runtime interfaces, and not the test's
 * class path.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FunctionCode {

  private final Object handler;
  private final Class<?> inputType;
  private final Function<LambdaEnvironment, ?> factory;
  private final Class<?> factoryHandlerType;
  private final DeploymentPackage deploymentPackage;

  private FunctionCode(
      Object handler,
      Class<?> inputType,
      Function<LambdaEnvironment, ?> factory,
      Class<?> factoryHandlerType) {
    this(handler, inputType, factory, factoryHandlerType, null);
  }

  private FunctionCode(
      Object handler,
      Class<?> inputType,
      Function<LambdaEnvironment, ?> factory,
      Class<?> factoryHandlerType,
      DeploymentPackage deploymentPackage) {
    this.handler = handler;
    this.inputType = inputType;
    this.factory = factory;
    this.factoryHandlerType = factoryHandlerType;
    this.deploymentPackage = deploymentPackage;
  }

  /** A handler instance shared by every execution environment. */
  public static FunctionCode handler(RequestHandler<?, ?> handler) {
    return new FunctionCode(Objects.requireNonNull(handler, "handler"), null, null, null);
  }

  /** A stream handler instance shared by every execution environment. */
  public static FunctionCode handler(RequestStreamHandler handler) {
    return new FunctionCode(Objects.requireNonNull(handler, "handler"), null, null, null);
  }

  /** A Java lambda handler with the type its input is deserialized to. */
  public static <I> FunctionCode handler(Class<I> inputType, RequestHandler<I, ?> handler) {
    return new FunctionCode(
        Objects.requireNonNull(handler, "handler"),
        Objects.requireNonNull(inputType, "inputType"),
        null,
        null);
  }

  /**
   * A handler class implementing {@link RequestHandler} or {@link RequestStreamHandler}, with a
   * public no-argument constructor; each execution environment creates its own instance.
   *
   * @throws AwsServiceException {@code InvalidParameterValueException} for another class
   */
  public static FunctionCode handler(Class<?> handlerClass) {
    Objects.requireNonNull(handlerClass, "handlerClass");
    requireHandlerType(handlerClass);
    return new FunctionCode(handlerClass, null, null, null);
  }

  /**
   * A factory each new execution environment calls once, with the environment's variables and
   * {@code /tmp}: the way for a handler to receive its configuration in its constructor. The
   * factory must return a {@link RequestHandler} or {@link RequestStreamHandler}; its input type is
   * read from the class of the first handler it returns.
   */
  public static FunctionCode handlerFactory(Function<LambdaEnvironment, ?> factory) {
    return new FunctionCode(null, null, Objects.requireNonNull(factory, "factory"), null);
  }

  /**
   * A factory, as {@link #handlerFactory(Function)}, for handlers of the given class: Cloudless
   * then knows the handler's type before any environment exists.
   */
  public static <H> FunctionCode handlerFactory(
      Class<H> handlerClass, Function<LambdaEnvironment, ? extends H> factory) {
    requireHandlerType(handlerClass);
    return new FunctionCode(null, null, Objects.requireNonNull(factory, "factory"), handlerClass);
  }

  private static void requireHandlerType(Class<?> handlerClass) {
    if (!RequestHandler.class.isAssignableFrom(handlerClass)
        && !RequestStreamHandler.class.isAssignableFrom(handlerClass)) {
      throw new AwsServiceException(
          400,
          "InvalidParameterValueException",
          "Class "
              + handlerClass.getName()
              + " does not implement RequestHandler or RequestStreamHandler.");
    }
  }

  /**
   * The handler: a {@link RequestHandler} or {@link RequestStreamHandler} instance, or a handler
   * class; empty for a factory.
   */
  public Optional<Object> handler() {
    return Optional.ofNullable(handler);
  }

  /** The input type given with a lambda handler. */
  public Optional<Class<?>> inputType() {
    return Optional.ofNullable(inputType);
  }

  /** The handler factory, if the code is one. */
  public Optional<Function<LambdaEnvironment, ?>> factory() {
    return Optional.ofNullable(factory);
  }

  /** The handler class a factory was declared to produce, if it was. */
  public Optional<Class<?>> factoryHandlerType() {
    return Optional.ofNullable(factoryHandlerType);
  }

  /** The {@code Handler} setting AWS would show: the handler class's name. */
  public String handlerName() {
    if (deploymentPackage != null) {
      return deploymentPackage.handler();
    }
    if (handler instanceof Class<?> c) {
      return c.getName();
    }
    if (handler != null) {
      return handler.getClass().getName();
    }
    return factoryHandlerType != null ? factoryHandlerType.getName() : "handlerFactory";
  }

  @Override
  public String toString() {
    return "FunctionCode[" + handlerName() + "]";
  }

  // ---- deployment packages ----------------------------------------------------------------------

  private static final Pattern HANDLER = Pattern.compile("[^\\s]+");
  private static final Pattern S3_BUCKET = Pattern.compile("^[0-9A-Za-z\\.\\-_]*(?<!\\.)$");

  /** The package's bytes or S3 location, and the {@code Handler} string to load from it. */
  private record DeploymentPackage(byte[] zipFile, String s3Bucket, String s3Key, String handler) {}

  /**
   * A deployment package read from a zip or jar file ({@code --zip-file fileb://...}): the
   * handler's classes at its root, its dependencies as jars in {@code lib/}. {@code handler} is the
   * {@code Handler} setting, {@code com.example.Handler} for a class implementing {@code
   * RequestHandler} or {@code RequestStreamHandler}, or {@code com.example.Handler::handleRequest}
   * for a method.
   *
   * <p>As with AWS's {@code ZipFile}, a direct upload is limited to 50 MB zipped; larger packages
   * go through {@link #s3(String, String, String)}.
   *
   * @throws UncheckedIOException if the file cannot be read
   * @throws AwsServiceException {@code ValidationException} for a handler with white space or over
   *     128 characters
   */
  public static FunctionCode zip(Path zipOrJar, String handler) {
    Objects.requireNonNull(zipOrJar, "zipOrJar");
    checkHandler(handler);
    try {
      return packaged(new DeploymentPackage(Files.readAllBytes(zipOrJar), null, null, handler));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the deployment package " + zipOrJar, e);
    }
  }

  /**
   * A deployment package given as the bytes of a zip or jar ({@code ZipFile}): see {@link
   * #zip(Path, String)}.
   */
  public static FunctionCode zip(byte[] zip, String handler) {
    Objects.requireNonNull(zip, "zip");
    checkHandler(handler);
    return packaged(new DeploymentPackage(zip.clone(), null, null, handler));
  }

  /**
   * A deployment package stored in the cloud's S3 ({@code S3Bucket}, {@code S3Key}). Lambda copies
   * the object when the function is created or its code updated; the bucket must be in the
   * function's region. See {@link #zip(Path, String)} for the package and the handler.
   *
   * @throws AwsServiceException {@code ValidationException} for a bucket name or key Lambda's API
   *     refuses, or a bad handler
   */
  public static FunctionCode s3(String bucket, String key, String handler) {
    checkS3Location(bucket, key, "code");
    checkHandler(handler);
    return packaged(new DeploymentPackage(null, bucket, key, handler));
  }

  /** {@code S3Bucket} and {@code S3Key} as Lambda's API checks them, under {@code field}. */
  static void checkS3Location(String bucket, String key, String field) {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    if (bucket.length() < 3 || bucket.length() > 63) {
      throw FunctionSpec.validation(
          bucket,
          field + ".s3Bucket",
          bucket.length() < 3
              ? "Member must have length greater than or equal to 3"
              : "Member must have length less than or equal to 63");
    }
    if (!S3_BUCKET.matcher(bucket).matches()) {
      throw FunctionSpec.validation(
          bucket,
          field + ".s3Bucket",
          "Member must satisfy regular expression pattern: " + S3_BUCKET.pattern());
    }
    if (key.isEmpty() || key.length() > 1024) {
      throw FunctionSpec.validation(
          key,
          field + ".s3Key",
          key.isEmpty()
              ? "Member must have length greater than or equal to 1"
              : "Member must have length less than or equal to 1024");
    }
  }

  private static FunctionCode packaged(DeploymentPackage deploymentPackage) {
    return new FunctionCode(null, null, null, null, deploymentPackage);
  }

  /** {@code Handler}: up to 128 characters without white space, as CreateFunction checks it. */
  private static void checkHandler(String handler) {
    Objects.requireNonNull(handler, "handler");
    if (handler.length() > 128) {
      throw FunctionSpec.validation(
          handler, "handler", "Member must have length less than or equal to 128");
    }
    if (!HANDLER.matcher(handler).matches()) {
      throw FunctionSpec.validation(
          handler, "handler", "Member must satisfy regular expression pattern: [^\\s]+");
    }
  }

  /** Whether the code is a deployment package (a zip or jar, uploaded or in S3). */
  public boolean isPackage() {
    return deploymentPackage != null;
  }

  /** The uploaded package's bytes ({@code ZipFile}), a copy; empty for other code. */
  public Optional<byte[]> zipFile() {
    return deploymentPackage == null || deploymentPackage.zipFile() == null
        ? Optional.empty()
        : Optional.of(deploymentPackage.zipFile().clone());
  }

  /** The uploaded package's size in bytes, without copying it; 0 for other code. */
  public long zipFileSize() {
    return deploymentPackage == null || deploymentPackage.zipFile() == null
        ? 0
        : deploymentPackage.zipFile().length;
  }

  /** {@code S3Bucket} of a package stored in S3. */
  public Optional<String> s3Bucket() {
    return Optional.ofNullable(deploymentPackage == null ? null : deploymentPackage.s3Bucket());
  }

  /** {@code S3Key} of a package stored in S3. */
  public Optional<String> s3Key() {
    return Optional.ofNullable(deploymentPackage == null ? null : deploymentPackage.s3Key());
  }
}
