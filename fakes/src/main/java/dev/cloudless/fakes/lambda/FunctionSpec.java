package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudless.fakes.aws.Arn;
import dev.cloudless.fakes.aws.AwsResource;
import dev.cloudless.fakes.aws.AwsServiceException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * How to create a function: a name, a handler, and the configuration AWS lets you set, with AWS's
 * defaults. Immutable: every method returns a new spec. Each value is checked against AWS's range
 * when it is set, with AWS's {@code ValidationException} text.
 *
 * <pre>{@code
 * cloud.lambda().create(FunctionSpec.named("charge")
 *     .handler(new ChargeHandler())
 *     .memory(512)
 *     .timeout(ofSeconds(30))
 *     .maximumRetryAttempts(1)
 *     .deadLetterQueue(dlq));
 * }</pre>
 *
 * <p>A handler can be given three ways:
 *
 * <ul>
 *   <li>an instance of {@link RequestHandler} or {@link RequestStreamHandler}: every execution
 *       environment shares it, so its constructor ran once, before the cloud existed;
 *   <li>a handler class with a public no-argument constructor: each new execution environment
 *       creates its own instance, so a cold start runs the constructor, as on AWS;
 *   <li>a Java lambda with its input type: {@code handler(Order.class, (order, ctx) -> ...)}.
 * </ul>
 *
 * Input and output are (de)serialized as the Lambda Java runtime does, from the handler's type
 * arguments; a lambda without an input type receives the event as maps and lists.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FunctionSpec {

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-_]{1,64}");

  private final String name;
  private Object handler;
  private Class<?> inputType;
  private int memorySize = 128;
  private Duration timeout = Duration.ofSeconds(3);
  private Duration runsFor = Duration.ofMillis(100);
  private int maximumRetryAttempts = 2;
  private Duration maximumEventAge = Duration.ofHours(6);
  private String deadLetterTargetArn;

  private FunctionSpec(String name) {
    this.name = name;
  }

  private FunctionSpec(FunctionSpec from) {
    this.name = from.name;
    this.handler = from.handler;
    this.inputType = from.inputType;
    this.memorySize = from.memorySize;
    this.timeout = from.timeout;
    this.runsFor = from.runsFor;
    this.maximumRetryAttempts = from.maximumRetryAttempts;
    this.maximumEventAge = from.maximumEventAge;
    this.deadLetterTargetArn = from.deadLetterTargetArn;
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

  /** A handler instance shared by every execution environment. */
  public FunctionSpec handler(RequestHandler<?, ?> handler) {
    return withHandler(Objects.requireNonNull(handler, "handler"), null);
  }

  /** A stream handler instance shared by every execution environment. */
  public FunctionSpec handler(RequestStreamHandler handler) {
    return withHandler(Objects.requireNonNull(handler, "handler"), null);
  }

  /**
   * A handler given as a Java lambda, with the type its input is deserialized to: {@code
   * handler(Order.class, (order, ctx) -> ...)}.
   */
  public <I> FunctionSpec handler(Class<I> inputType, RequestHandler<I, ?> handler) {
    return withHandler(
        Objects.requireNonNull(handler, "handler"), Objects.requireNonNull(inputType, "inputType"));
  }

  /**
   * A handler class implementing {@link RequestHandler} or {@link RequestStreamHandler}, with a
   * public no-argument constructor; each execution environment creates its own instance.
   */
  public FunctionSpec handler(Class<?> handlerClass) {
    Objects.requireNonNull(handlerClass, "handlerClass");
    if (!RequestHandler.class.isAssignableFrom(handlerClass)
        && !RequestStreamHandler.class.isAssignableFrom(handlerClass)) {
      throw new AwsServiceException(
          400,
          "InvalidParameterValueException",
          "Class "
              + handlerClass.getName()
              + " does not implement RequestHandler or RequestStreamHandler.");
    }
    return withHandler(handlerClass, null);
  }

  /** {@code MemorySize} in MB, 128 to 10,240; default 128. */
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
   * How long each invocation takes on the virtual clock (before injected latency); default 100 ms.
   * Concurrency is counted over these intervals, and an invocation longer than the timeout times
   * out. The real time the handler took is measured and reported beside it.
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
   * {@code MaximumRetryAttempts} for asynchronous invocation, 0 to 2; default 2: after a function
   * error Lambda retries about one minute, then two minutes, later.
   */
  public FunctionSpec maximumRetryAttempts(int attempts) {
    if (attempts < 0) {
      throw validation(
          attempts, "maximumRetryAttempts", "Member must have value greater than or equal to 0");
    }
    if (attempts > 2) {
      throw validation(
          attempts, "maximumRetryAttempts", "Member must have value less than or equal to 2");
    }
    FunctionSpec copy = new FunctionSpec(this);
    copy.maximumRetryAttempts = attempts;
    return copy;
  }

  /**
   * {@code MaximumEventAgeInSeconds}, whole seconds from 60 to 21,600; default 6 hours: how long
   * Lambda keeps an asynchronous event before dropping it.
   */
  public FunctionSpec maximumEventAge(Duration age) {
    long seconds = wholeSeconds(age, "maximumEventAgeInSeconds");
    if (seconds < 60) {
      throw validation(
          seconds,
          "maximumEventAgeInSeconds",
          "Member must have value greater than or equal to 60");
    }
    if (seconds > 21_600) {
      throw validation(
          seconds,
          "maximumEventAgeInSeconds",
          "Member must have value less than or equal to 21600");
    }
    FunctionSpec copy = new FunctionSpec(this);
    copy.maximumEventAge = age;
    return copy;
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

  public String name() {
    return name;
  }

  /**
   * The handler: a {@link RequestHandler} or {@link RequestStreamHandler} instance, or a handler
   * class; {@code null} until one is set.
   */
  public Object handler() {
    return handler;
  }

  /** The input type given with a lambda handler. */
  public Optional<Class<?>> inputType() {
    return Optional.ofNullable(inputType);
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

  public int maximumRetryAttempts() {
    return maximumRetryAttempts;
  }

  public Duration maximumEventAge() {
    return maximumEventAge;
  }

  public Optional<String> deadLetterTargetArn() {
    return Optional.ofNullable(deadLetterTargetArn);
  }

  private FunctionSpec withHandler(Object handler, Class<?> inputType) {
    FunctionSpec copy = new FunctionSpec(this);
    copy.handler = handler;
    copy.inputType = inputType;
    return copy;
  }

  private static long wholeSeconds(Duration value, String field) {
    Objects.requireNonNull(value, field);
    if (value.toNanosPart() != 0 || value.isNegative()) {
      throw validation(value, field, "Member must be a whole, non-negative number of seconds");
    }
    return value.toSeconds();
  }

  private static AwsServiceException validation(Object value, String field, String constraint) {
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
}
