package dev.cloudless.benchmarks;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.stepfunctions.Execution;
import dev.cloudless.fakes.stepfunctions.ExecutionStatus;
import dev.cloudless.fakes.stepfunctions.StateMachineSpec;
import dev.cloudless.fakes.stepfunctions.TaskFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One execution of a 10-state Standard workflow with a Retry (its first task fails once and is
 * retried a second later) and a one-day Wait, run to its end on the virtual clock: DESIGN.md
 * section 8 wants under 1 ms of wall time per execution. The tasks are handlers the benchmark
 * supplies, so that it measures the interpreter, not Lambda. The same definition ({@code
 * stepfunctions/ten-state-workflow.asl.json}) is what the Node.js peer runs.
 */
@State(Scope.Thread)
@Threads(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class StepFunctionsBenchmark {

  static final String DEFINITION = read("/stepfunctions/ten-state-workflow.asl.json");
  static final String INPUT = "{\"orderId\":\"o-42\",\"quantity\":3}";

  /** Executions per cloud: a number, or {@code iteration} for one cloud per iteration. */
  @Param({"1000"})
  public String opsPerCloud;

  private int limit;
  private int used;
  private FakeCloud cloud;

  @Setup(Level.Iteration)
  public void newCloud() {
    limit = CloudLifetime.opsPerCloud(opsPerCloud);
    replaceCloud();
  }

  @TearDown(Level.Iteration)
  public void closeCloud() {
    cloud.close();
  }

  /** Executions per second, back to back from one thread. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Execution executionsPerSecond() {
    return execute();
  }

  /** Wall time per execution, sampled for the median and the tail. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Execution wallTimePerExecution() {
    return execute();
  }

  Execution execute() {
    if (++used > limit) {
      cloud.close();
      replaceCloud();
      used = 1;
    }
    Execution run = cloud.stepFunctions().startExecution("ten-states", INPUT).awaitCompletion();
    if (run.status() != ExecutionStatus.SUCCEEDED) {
      throw new IllegalStateException("The workflow did not succeed: " + run.error() + run.cause());
    }
    return run;
  }

  private void replaceCloud() {
    cloud = FakeCloud.create();
    cloud
        .stepFunctions()
        .taskHandler(
            "arn:aws:states:::benchmark:price",
            request -> {
              if (request.attempt() == 0) {
                throw new TaskFailedException("PriceServiceBusy", "try again");
              }
              return "{\"total\":120}";
            });
    cloud
        .stepFunctions()
        .taskHandler("arn:aws:states:::benchmark:charge", request -> "{\"paymentId\":\"p-1\"}");
    cloud
        .stepFunctions()
        .createStateMachine(StateMachineSpec.named("ten-states").definition(DEFINITION));
    used = 0;
  }

  private static String read(String resource) {
    try (InputStream in = StepFunctionsBenchmark.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
