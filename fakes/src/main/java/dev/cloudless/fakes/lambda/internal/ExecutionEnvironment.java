package dev.cloudless.fakes.lambda.internal;

import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.lambda.LambdaEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One execution environment: a handler instance (once initialised), its own {@code /tmp}, and the
 * virtual interval it is busy for. It serves one invocation at a time. A timeout or crash resets it
 * (the next invocation initialises again, {@code /tmp} survives); recycling ends it.
 */
final class ExecutionEnvironment implements LambdaEnvironment {

  final int number;
  final String id;
  final String logStreamName;
  final VersionImpl version;
  final boolean provisioned;
  private final CloudContext cloud;
  private Map<String, String> variables;
  HandlerInvoker invoker;
  Instant busyUntil;
  int invocations;
  private Path tmp;

  ExecutionEnvironment(
      CloudContext cloud,
      VersionImpl version,
      int number,
      String id,
      String logStreamName,
      Instant createdAt,
      boolean provisioned) {
    this.cloud = cloud;
    this.version = version;
    this.number = number;
    this.id = id;
    this.logStreamName = logStreamName;
    this.busyUntil = createdAt;
    this.provisioned = provisioned;
  }

  /**
   * The function's own variables and those Lambda sets for every Java function. The function's
   * never override Lambda's: Lambda refuses reserved names when they are configured.
   */
  private static Map<String, String> variablesFor(
      VersionImpl version, String logStream, boolean provisioned, String region) {
    Map<String, String> all = new LinkedHashMap<>(version.configuration().environment());
    all.put("AWS_REGION", region);
    all.put("AWS_DEFAULT_REGION", region);
    all.put("AWS_EXECUTION_ENV", "AWS_Lambda_java" + Runtime.version().feature());
    all.put("AWS_LAMBDA_FUNCTION_NAME", version.configuration().functionName());
    all.put("AWS_LAMBDA_FUNCTION_VERSION", version.version());
    all.put(
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(version.configuration().memorySize()));
    all.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + version.configuration().functionName());
    all.put("AWS_LAMBDA_LOG_STREAM_NAME", logStream);
    all.put(
        "AWS_LAMBDA_INITIALIZATION_TYPE", provisioned ? "provisioned-concurrency" : "on-demand");
    all.put("_HANDLER", version.configuration().handler());
    all.put("LAMBDA_TASK_ROOT", "/var/task");
    all.put("TZ", ":UTC");
    return Map.copyOf(all);
  }

  boolean initialised() {
    return invoker != null;
  }

  /** Drops the handler instance: the next invocation runs the initialisation again. */
  void reset() {
    invoker = null;
  }

  /** Ends the environment: its {@code /tmp} is deleted. */
  void recycle() {
    invoker = null;
    Path dir;
    synchronized (this) {
      dir = tmp;
      tmp = null;
    }
    CloudContext.deleteRecursively(dir);
  }

  String initializationType() {
    return provisioned ? "provisioned-concurrency" : "on-demand";
  }

  /** Built on first use: most environments of a busy test never read their variables. */
  @Override
  public synchronized Map<String, String> variables() {
    if (variables == null) {
      variables = variablesFor(version, logStreamName, provisioned, cloud.region());
    }
    return variables;
  }

  /** Created on first use, so environments that never touch {@code /tmp} cost no disk. */
  @Override
  public synchronized Path tmpDirectory() {
    if (tmp == null) {
      tmp = cloud.newScratchDirectory("env-" + id.substring(0, 8) + "-tmp-");
    }
    return tmp;
  }

  @Override
  public int memoryLimitInMB() {
    return version.configuration().memorySize();
  }

  /** Bytes held in {@code /tmp}, or 0 if the handler never asked for it. */
  synchronized long tmpBytes() {
    if (tmp == null) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(tmp)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }
}
