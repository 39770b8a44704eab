package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.Context;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a handler sees of its execution environment: environment variables, the {@code /tmp}
 * directory, memory and CPU. On AWS these come from {@code System.getenv()} and the file system; in
 * Cloudless every function (and every execution environment) has its own, so a handler reads them
 * here.
 *
 * <p>Two ways to reach it, both of which also work on AWS:
 *
 * <pre>{@code
 * // 1. Per invocation, from the Context (on AWS: System.getenv() and /tmp).
 * String table = LambdaEnvironment.of(context).variable("TABLE").orElseThrow();
 *
 * // 2. Once per execution environment, through a handler factory: the handler's constructor
 * //    takes what it needs, and its no-argument constructor reads System.getenv() on AWS.
 * cloud.lambda().create(FunctionSpec.named("resize")
 *     .environmentVariable("BUCKET", "images")
 *     .handlerFactory(env -> new ResizeHandler(env.variable("BUCKET").orElseThrow(), env.tmpDirectory())));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface LambdaEnvironment {

  /**
   * The environment of the invocation {@code context} belongs to: its Cloudless execution
   * environment when Cloudless runs the handler, otherwise (on AWS) the process environment and
   * {@code /tmp}.
   */
  static LambdaEnvironment of(Context context) {
    if (context instanceof LambdaEnvironmentProvider provider) {
      return provider.lambdaEnvironment();
    }
    return SystemLambdaEnvironment.INSTANCE;
  }

  /**
   * Every environment variable: the function's own and those Lambda sets ({@code AWS_REGION},
   * {@code AWS_LAMBDA_FUNCTION_NAME}, {@code AWS_LAMBDA_FUNCTION_VERSION}, {@code
   * AWS_LAMBDA_FUNCTION_MEMORY_SIZE}, {@code AWS_LAMBDA_LOG_GROUP_NAME}, {@code
   * AWS_LAMBDA_LOG_STREAM_NAME}, {@code AWS_LAMBDA_INITIALIZATION_TYPE}, {@code TZ}, ...).
   */
  Map<String, String> variables();

  /** One environment variable. */
  default Optional<String> variable(String name) {
    return Optional.ofNullable(variables().get(name));
  }

  /**
   * This execution environment's {@code /tmp}: kept across warm invocations, gone when the
   * environment is recycled, limited to the function's ephemeral storage size.
   */
  Path tmpDirectory();

  /** {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}: the function's memory in MB. */
  int memoryLimitInMB();

  /** The CPU the memory buys: 1,769 MB is one vCPU, so 128 MB is about 0.07 and 3,538 MB two. */
  default double vcpus() {
    return memoryLimitInMB() / 1769.0;
  }

  /** A source of the environment, implemented by Cloudless's {@link Context}; not for handlers. */
  @API(status = EXPERIMENTAL, since = "0.1")
  interface LambdaEnvironmentProvider {
    /** The environment of the invocation. */
    LambdaEnvironment lambdaEnvironment();
  }
}
