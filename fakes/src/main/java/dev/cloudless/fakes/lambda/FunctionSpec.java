package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudless.fakes.aws.Arn;
import dev.cloudless.fakes.aws.AwsResource;
import dev.cloudless.fakes.aws.AwsServiceException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * How to create a function: a name, its code, and the configuration AWS lets you set, with AWS's
 * defaults. Immutable: every method returns a new spec. Each value is checked against AWS's range
 * when it is set, with AWS's {@code ValidationException} text.
 *
 * <pre>{@code
 * cloud.lambda().create(FunctionSpec.named("charge")
 *     .handler(ChargeHandler.class)
 *     .memory(512)
 *     .timeout(ofSeconds(30))
 *     .environmentVariable("PSP_URL", "https://psp.example")
 *     .deadLetterQueue(dlq));
 * }</pre>
 *
 * <p>The code is given as described in {@link FunctionCode}. Besides the versioned configuration
 * (memory, timeout, environment, dead-letter queue, ...), a spec can carry what AWS keeps beside it
 * for the function's {@code $LATEST}: the asynchronous invocation settings ({@code
 * PutFunctionEventInvokeConfig}) and the reserved concurrency ({@code PutFunctionConcurrency}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FunctionSpec {

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-_]{1,64}");
  private static final Pattern VARIABLE = Pattern.compile("[a-zA-Z]([a-zA-Z0-9_])+");
  private static final int MAX_VARIABLES_BYTES = 4 * 1024;

  /** Environment variables Lambda sets itself and refuses to let a function set. */
  private static final Set<String> RESERVED_VARIABLES =
      Set.of(
          "_HANDLER",
          "_X_AMZN_TRACE_ID",
          "AWS_DEFAULT_REGION",
          "AWS_REGION",
          "AWS_EXECUTION_ENV",
          "AWS_LAMBDA_FUNCTION_NAME",
          "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
          "AWS_LAMBDA_FUNCTION_VERSION",
          "AWS_LAMBDA_INITIALIZATION_TYPE",
          "AWS_LAMBDA_LOG_GROUP_NAME",
          "AWS_LAMBDA_LOG_STREAM_NAME",
          "AWS_ACCESS_KEY",
          "AWS_ACCESS_KEY_ID",
          "AWS_SECRET_ACCESS_KEY",
          "AWS_SESSION_TOKEN",
          "AWS_LAMBDA_RUNTIME_API",
          "LAMBDA_TASK_ROOT",
          "LAMBDA_RUNTIME_DIR");

  private final String name;
  private FunctionCode code;
  private String description = "";
  private int memorySize = 128;
  private Duration timeout = Duration.ofSeconds(3);
  private Duration runsFor = Duration.ofMillis(100);
  private Duration initDuration = Duration.ZERO;
  private int memoryUsed = 85;
  private int ephemeralStorage = 512;
  private Map<String, String> environment = Map.of();
  private String deadLetterTargetArn;
  private EventInvokeConfig eventInvokeConfig = EventInvokeConfig.defaults();
  private Integer reservedConcurrency;
  private List<String> layers = List.of();

  private FunctionSpec(String name) {
    this.name = name;
  }

  private FunctionSpec(FunctionSpec from) {
    this.name = from.name;
    this.code = from.code;
    this.description = from.description;
    this.memorySize = from.memorySize;
    this.timeout = from.timeout;
    this.runsFor = from.runsFor;
    this.initDuration = from.initDuration;
    this.memoryUsed = from.memoryUsed;
    this.ephemeralStorage = from.ephemeralStorage;
    this.environment = from.environment;
    this.deadLetterTargetArn = from.deadLetterTargetArn;
    this.eventInvokeConfig = from.eventInvokeConfig;
    this.reservedConcurrency = from.reservedConcurrency;
    this.layers = from.layers;
  }

  /**
   * A function named {@code name}: 1 to 64 letters, digits, hyphens and underscores.
   *
   * @throws AwsServiceException {@code ValidationException} for another name
   */
  public static FunctionSpec named(String name) {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw validation(
          name, "functionName", "Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+");
    }
    return new FunctionSpec(name);
  }

  /** The function's code. */
  public FunctionSpec code(FunctionCode code) {
    FunctionSpec copy = new FunctionSpec(this);
    copy.code = Objects.requireNonNull(code, "code");
    return copy;
  }

  /** A handler instance shared by every execution environment: {@link FunctionCode#handler}. */
  public FunctionSpec handler(RequestHandler<?, ?> handler) {
    return code(FunctionCode.handler(handler));
  }

  /** A stream handler instance shared by every execution environment. */
  public FunctionSpec handler(RequestStreamHandler handler) {
    return code(FunctionCode.handler(handler));
  }

  /** A Java lambda handler with the type its input is deserialized to. */
  public <I> FunctionSpec handler(Class<I> inputType, RequestHandler<I, ?> handler) {
    return code(FunctionCode.handler(inputType, handler));
  }

  /** A handler class; each execution environment creates its own instance. */
  public FunctionSpec handler(Class<?> handlerClass) {
    return code(FunctionCode.handler(handlerClass));
  }

  /**
   * A handler made by each new execution environment from its {@link LambdaEnvironment}: see {@link
   * FunctionCode#handlerFactory(Function)}.
   */
  public FunctionSpec handlerFactory(Function<LambdaEnvironment, ?> factory) {
    return code(FunctionCode.handlerFactory(factory));
  }

  /** {@code Description}: up to 256 characters. */
  public FunctionSpec description(String description) {
    Objects.requireNonNull(description, "description");
    if (description.length() > 256) {
      throw validation(
          description, "description", "Member must have length less than or equal to 256");
    }
    FunctionSpec copy = new FunctionSpec(this);
    copy.description = description;
    return copy;
  }

  /**
   * {@code MemorySize} in MB, 128 to 10,240; default 128. Memory buys CPU (1,769 MB is one vCPU):
   * raising it later with {@code updateFunctionConfiguration} shortens {@link #runsFor}
   * accordingly.
   */
  public FunctionSpec memory(int megabytes) {
    if (megabytes < 128) {
      throw validation(
          megabytes, "memorySize", "Member must have value greater than or equal to 128");
    }
    if (megabytes > 10_240) {
      throw validation(
          megabytes, "memorySize", "Member must have value less than or equal to 10240");
    }
    FunctionSpec copy = new FunctionSpec(this);
    copy.memorySize = megabytes;
    return copy;
  }

  /** {@code Timeout}, whole seconds from 1 to 900; default 3 seconds. */
  public FunctionSpec timeout(Duration timeout) {
    long seconds = wholeSeconds(timeout, "timeout");
    if (seconds < 1) {
      throw validation(seconds, "timeout", "Member must have value greater than or equal to 1");
    }
    if (seconds > 900) {
      throw validation(seconds, "timeout", "Member must have value less than or equal to 900");
    }
    FunctionSpec copy = new FunctionSpec(this);
    copy.timeout = timeout;
    return copy;
  }

  /**
   * How long each invocation takes on the virtual clock, at this spec's memory, before injected
   * latency; default 100 ms. Concurrency is counted over these intervals, and an invocation longer
   * than the timeout times out. The real time the handler took is measured and reported beside it.
   */
  public FunctionSpec runsFor(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException(
          "Function [" + name + "] cannot run for a negative duration; got " + duration + ".");
    }
    FunctionSpec copy = new FunctionSpec(this);
    copy.runsFor = duration;
    return copy;
  }

  /**
   * How long a new execution environment's Init phase takes on the virtual clock (the handler's
   * class loading and constructor); default 0. It delays cold invocations, shows as {@code Init
   * Duration} in the REPORT line and is billed. AWS caps Init at 10 seconds.
   */
  public FunctionSpec initDuration(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative() || duration.compareTo(Duration.ofSeconds(10)) > 0) {
      throw new IllegalArgumentException(
          "Function ["
              + name
              + "] has initDuration "
              + duration
              + "; AWS caps the Init phase at 10 seconds (PT10S). Model longer start-up work as"
              + " part of runsFor.");
    }
    FunctionSpec copy = new FunctionSpec(this);
    copy.initDuration = duration;
    return copy;
  }

  /**
   * How much memory an invocation uses, in MB; default 85 (a small Java function). Shown as {@code
   * Max Memory Used} in the REPORT line; more than the function's memory ends the invocation as
   * Lambda's out-of-memory kill does ({@code Runtime.ExitError}, {@code signal: killed}).
   */
  public FunctionSpec memoryUsed(int megabytes) {
    if (megabytes < 1) {
      throw new IllegalArgumentException(
          "Function [" + name + "] cannot use " + megabytes + " MB; give at least 1.");
    }
    FunctionSpec copy = new FunctionSpec(this);
    copy.memoryUsed = megabytes;
    return copy;
  }

  /**
   * {@code EphemeralStorage.Size}: the size of {@code /tmp} in MB, 512 to 10,240; default 512. An
   * invocation that leaves more in {@code /tmp} fails as running out of space does.
   */
  public FunctionSpec ephemeralStorage(int megabytes) {
    if (megabytes < 512) {
      throw validation(
          megabytes,
          "ephemeralStorage.size",
          "Member must have value greater than or equal to 512");
    }
    if (megabytes > 10_240) {
      throw validation(
          megabytes, "ephemeralStorage.size", "Member must have value less than or equal to 10240");
    }
    FunctionSpec copy = new FunctionSpec(this);
    copy.ephemeralStorage = megabytes;
    return copy;
  }

  /** {@code Environment.Variables}, replacing those set before. */
  public FunctionSpec environment(Map<String, String> variables) {
    Objects.requireNonNull(variables, "variables");
    Map<String, String> copyOfVariables = new LinkedHashMap<>();
    variables.forEach(
        (k, v) -> copyOfVariables.put(Objects.requireNonNull(k), Objects.requireNonNull(v)));
    validateVariables(copyOfVariables);
    FunctionSpec copy = new FunctionSpec(this);
    copy.environment = Collections.unmodifiableMap(copyOfVariables);
    return copy;
  }

  /** Adds one environment variable. */
  public FunctionSpec environmentVariable(String key, String value) {
    Map<String, String> variables = new LinkedHashMap<>(environment);
    variables.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return environment(variables);
  }

  /** {@code DeadLetterConfig}: where failed asynchronous events go (a queue or a topic). */
  public FunctionSpec deadLetterQueue(AwsResource target) {
    return deadLetterQueue(Objects.requireNonNull(target, "target").arn());
  }

  /**
   * {@code DeadLetterConfig.TargetArn}: an SQS queue or SNS topic ARN.
   *
   * @throws AwsServiceException {@code InvalidParameterValueException} for another ARN
   */
  public FunctionSpec deadLetterQueue(String targetArn) {
    Objects.requireNonNull(targetArn, "targetArn");
    if (!Arn.isArn(targetArn)
        || !(Arn.parse(targetArn).service().equals("sqs")
            || Arn.parse(targetArn).service().equals("sns"))) {
      throw new AwsServiceException(
          400,
          "InvalidParameterValueException",
          "The provided target ARN ["
              + targetArn
              + "] is invalid: a dead-letter target must be an SQS queue or SNS topic ARN.");
    }
    FunctionSpec copy = new FunctionSpec(this);
    copy.deadLetterTargetArn = targetArn;
    return copy;
  }

  /**
   * {@code MaximumRetryAttempts} for asynchronous invocation of {@code $LATEST}, 0 to 2; default 2:
   * after a function error Lambda retries about one minute, then two minutes, later.
   */
  public FunctionSpec maximumRetryAttempts(int attempts) {
    return eventInvokeConfig(eventInvokeConfig.maximumRetryAttempts(attempts));
  }

  /**
   * {@code MaximumEventAgeInSeconds} for asynchronous invocation of {@code $LATEST}, whole seconds
   * from 60 to 21,600; default 6 hours.
   */
  public FunctionSpec maximumEventAge(Duration age) {
    return eventInvokeConfig(eventInvokeConfig.maximumEventAge(age));
  }

  /** The on-success destination of asynchronous invocations of {@code $LATEST}. */
  public FunctionSpec onSuccess(AwsResource destination) {
    return eventInvokeConfig(eventInvokeConfig.onSuccess(destination));
  }

  /** The on-success destination, by ARN (an SQS queue, SNS topic or Lambda function). */
  public FunctionSpec onSuccess(String destinationArn) {
    return eventInvokeConfig(eventInvokeConfig.onSuccess(destinationArn));
  }

  /** The on-failure destination of asynchronous invocations of {@code $LATEST}. */
  public FunctionSpec onFailure(AwsResource destination) {
    return eventInvokeConfig(eventInvokeConfig.onFailure(destination));
  }

  /** The on-failure destination, by ARN (an SQS queue, SNS topic or Lambda function). */
  public FunctionSpec onFailure(String destinationArn) {
    return eventInvokeConfig(eventInvokeConfig.onFailure(destinationArn));
  }

  /**
   * The asynchronous invocation settings of {@code $LATEST} ({@code PutFunctionEventInvokeConfig}
   * without a qualifier). Versions and aliases have their own: see {@link
   * FakeLambda#putFunctionEventInvokeConfig(String, String, EventInvokeConfig)}.
   */
  public FunctionSpec eventInvokeConfig(EventInvokeConfig config) {
    FunctionSpec copy = new FunctionSpec(this);
    copy.eventInvokeConfig = Objects.requireNonNull(config, "config");
    return copy;
  }

  /**
   * {@code ReservedConcurrentExecutions} ({@code PutFunctionConcurrency}): capacity set aside for
   * the function and also its cap; 0 throttles every invocation.
   */
  public FunctionSpec reservedConcurrency(int executions) {
    if (executions < 0) {
      throw validation(
          executions,
          "reservedConcurrentExecutions",
          "Member must have value greater than or equal to 0");
    }
    FunctionSpec copy = new FunctionSpec(this);
    copy.reservedConcurrency = executions;
    return copy;
  }

  /** The function's name. */
  public String name() {
    return name;
  }

  /** The code, or {@code null} until it is given. */
  public FunctionCode code() {
    return code;
  }

  public String description() {
    return description;
  }

  public int memorySize() {
    return memorySize;
  }

  public Duration timeout() {
    return timeout;
  }

  public Duration runsFor() {
    return runsFor;
  }

  public Duration initDuration() {
    return initDuration;
  }

  public int memoryUsed() {
    return memoryUsed;
  }

  public int ephemeralStorage() {
    return ephemeralStorage;
  }

  public Map<String, String> environment() {
    return environment;
  }

  public Optional<String> deadLetterTargetArn() {
    return Optional.ofNullable(deadLetterTargetArn);
  }

  public EventInvokeConfig eventInvokeConfig() {
    return eventInvokeConfig;
  }

  public OptionalInt reservedConcurrency() {
    return reservedConcurrency == null ? OptionalInt.empty() : OptionalInt.of(reservedConcurrency);
  }

  /**
   * A spec describing an existing version's configuration and code: where {@code
   * updateFunctionConfiguration} starts from.
   */
  public static FunctionSpec of(FunctionConfiguration configuration, FunctionCode code) {
    FunctionSpec spec = new FunctionSpec(configuration.functionName());
    spec.code = code;
    spec.description = configuration.description();
    spec.memorySize = configuration.memorySize();
    spec.timeout = configuration.timeout();
    spec.runsFor = configuration.runsFor();
    spec.initDuration = configuration.initDuration();
    spec.memoryUsed = configuration.memoryUsed();
    spec.ephemeralStorage = configuration.ephemeralStorage();
    spec.environment = configuration.environment();
    spec.deadLetterTargetArn = configuration.deadLetterTargetArn();
    spec.layers = configuration.layers();
    return spec;
  }

  private static void validateVariables(Map<String, String> variables) {
    int bytes = 0;
    for (Map.Entry<String, String> e : variables.entrySet()) {
      if (RESERVED_VARIABLES.contains(e.getKey())) {
        throw new AwsServiceException(
            400,
            "InvalidParameterValueException",
            "Lambda was unable to configure your environment variables because the environment"
                + " variables you have provided contains reserved keys that are currently not"
                + " supported for modification. Reserved keys used in this request: "
                + e.getKey());
      }
      if (!VARIABLE.matcher(e.getKey()).matches()) {
        throw validation(
            e.getKey(),
            "environment.variables",
            "Map keys must satisfy constraint: [Member must satisfy regular expression pattern:"
                + " [a-zA-Z]([a-zA-Z0-9_])+]");
      }
      bytes +=
          e.getKey().getBytes(StandardCharsets.UTF_8).length
              + e.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    if (bytes > MAX_VARIABLES_BYTES) {
      throw new AwsServiceException(
          400,
          "InvalidParameterValueException",
          "Lambda was unable to configure your environment variables because the environment"
              + " variables you have provided exceeded the 4KB limit. String measured: "
              + bytes
              + " bytes");
    }
  }

  private static long wholeSeconds(Duration value, String field) {
    Objects.requireNonNull(value, field);
    if (value.toNanosPart() != 0 || value.isNegative()) {
      throw validation(value, field, "Member must be a whole, non-negative number of seconds");
    }
    return value.toSeconds();
  }

  static AwsServiceException validation(Object value, String field, String constraint) {
    return new AwsServiceException(
        400,
        "ValidationException",
        "1 validation error detected: Value '"
            + value
            + "' at '"
            + field
            + "' failed to satisfy constraint: "
            + constraint);
  }

  @Override
  public String toString() {
    return "FunctionSpec[" + name + "]";
  }

  // ---- layers -----------------------------------------------------------------------------------

  private static final int MAX_LAYERS = 5;

  /** A layer version ARN: a layer can only be referenced with its version. */
  private static final Pattern LAYER_VERSION_ARN =
      Pattern.compile(
          "(arn:(aws[a-zA-Z-]*)?:lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}"
              + ":layer:[a-zA-Z0-9-_]+:[0-9]+)|(arn:[a-zA-Z0-9-]+:lambda:::awslayer:[a-zA-Z0-9-_]+)");

  /**
   * {@code Layers}: layer version ARNs such as {@code
   * arn:aws:lambda:us-east-1:000000000000:layer:deps:3}, replacing the whole list as AWS does; at
   * most 5. Their content is extracted to {@code /opt} in this order, a later layer's file winning
   * over an earlier one's, and a Java function's class loader adds {@code /opt/java/lib/*.jar}.
   * Whether each version exists is checked when the function is created or updated.
   *
   * @throws AwsServiceException {@code ValidationException} for an ARN without a version, {@code
   *     InvalidParameterValueException} for more than 5 layers
   */
  public FunctionSpec layers(String... layerVersionArns) {
    Objects.requireNonNull(layerVersionArns, "layerVersionArns");
    List<String> arns = List.of(layerVersionArns);
    for (String arn : arns) {
      if (arn.isEmpty() || arn.length() > 2048 || !LAYER_VERSION_ARN.matcher(arn).matches()) {
        throw validation(
            arns.toString(),
            "layers",
            "Member must satisfy constraint: [Member must have length less than or equal to 2048,"
                + " Member must have length greater than or equal to 1, Member must satisfy regular"
                + " expression pattern: "
                + LAYER_VERSION_ARN.pattern()
                + ", Member must not be null]");
      }
    }
    if (arns.size() > MAX_LAYERS) {
      throw new AwsServiceException(
          400, "InvalidParameterValueException", "Cannot reference more than 5 layers.");
    }
    FunctionSpec copy = new FunctionSpec(this);
    copy.layers = arns;
    return copy;
  }

  /** The layer version ARNs, in order. */
  public List<String> layers() {
    return layers;
  }
}
