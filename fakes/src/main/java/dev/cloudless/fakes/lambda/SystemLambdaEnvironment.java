package dev.cloudless.fakes.lambda;

import java.nio.file.Path;
import java.util.Map;

/**
 * The environment outside Cloudless, that is on AWS: the process environment and {@code /tmp}.
 * Stateless: it reads the process environment each time.
 */
final class SystemLambdaEnvironment implements LambdaEnvironment {

  /** Stateless, so one instance serves everyone. */
  static final LambdaEnvironment INSTANCE = new SystemLambdaEnvironment();

  private SystemLambdaEnvironment() {}

  @Override
  public Map<String, String> variables() {
    return System.getenv();
  }

  @Override
  public Path tmpDirectory() {
    return Path.of("/tmp");
  }

  @Override
  public int memoryLimitInMB() {
    String memory = System.getenv("AWS_LAMBDA_FUNCTION_MEMORY_SIZE");
    return memory == null ? 0 : Integer.parseInt(memory);
  }
}
