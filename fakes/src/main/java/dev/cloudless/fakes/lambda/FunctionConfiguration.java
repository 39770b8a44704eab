package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One version's configuration, as {@code GetFunctionConfiguration} reports it. {@code $LATEST}'s
 * changes with {@code updateFunctionConfiguration} and {@code updateFunctionCode}; a published
 * version's never changes.
 *
 * @param functionName the name
 * @param functionArn the ARN, qualified with the version for a published version
 * @param version {@code $LATEST} or a version number
 * @param description the description
 * @param handler the handler class name
 * @param codeSha256 the base64 SHA-256 of the code
 * @param revisionId changes with every update; a precondition for publishing
 * @param memorySize MB
 * @param timeout the invocation timeout
 * @param runsFor the modelled duration of an invocation at {@code runsForMemory}
 * @param runsForMemory the memory {@code runsFor} was given for; other memory scales it by CPU
 * @param initDuration the modelled Init phase of a cold start
 * @param memoryUsed the modelled memory an invocation uses, MB
 * @param ephemeralStorage the size of {@code /tmp}, MB
 * @param environment the environment variables
 * @param deadLetterTargetArn where failed asynchronous events go, or {@code null}
 * @param layers the layer version ARNs, in the order they are extracted to {@code /opt}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record FunctionConfiguration(
    String functionName,
    String functionArn,
    String version,
    String description,
    String handler,
    String codeSha256,
    String revisionId,
    int memorySize,
    Duration timeout,
    Duration runsFor,
    int runsForMemory,
    Duration initDuration,
    int memoryUsed,
    int ephemeralStorage,
    Map<String, String> environment,
    String deadLetterTargetArn,
    List<String> layers) {

  /** One vCPU's worth of memory: CPU is allocated in proportion to memory. */
  public static final int MEMORY_PER_VCPU = 1769;

  public FunctionConfiguration {
    environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    layers = layers == null ? List.of() : List.copyOf(layers);
  }

  /**
   * How long an invocation takes with this configuration's CPU share: {@code runsFor} scaled by the
   * CPU at {@code runsForMemory} over the CPU at {@code memorySize}, where a function gets {@code
   * memory / 1769} of a vCPU and single-threaded code gains nothing past one vCPU.
   */
  public Duration effectiveRunsFor() {
    if (runsForMemory == memorySize) {
      return runsFor;
    }
    double ratio = cpuShare(runsForMemory) / cpuShare(memorySize);
    return Duration.ofNanos(Math.round(runsFor.toNanos() * ratio));
  }

  private static double cpuShare(int memory) {
    return Math.min(1.0, memory / (double) MEMORY_PER_VCPU);
  }
}
