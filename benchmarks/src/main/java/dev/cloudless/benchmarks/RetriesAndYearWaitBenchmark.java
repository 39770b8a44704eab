package dev.cloudless.benchmarks;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.stepfunctions.Execution;
import dev.cloudless.fakes.stepfunctions.ExecutionStatus;
import dev.cloudless.fakes.stepfunctions.StateMachineSpec;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DESIGN.md section 8's end-to-end target: "three minutes of async retries plus a one-year Wait,
 * end to end, under 50 ms wall". One operation is a whole test's work: a fresh cloud, a function
 * that always fails, a Standard workflow that waits 364 days and then invokes the function
 * asynchronously ({@code InvocationType: Event}), and {@code runUntilIdle()}: Lambda's two retries,
 * one and two minutes apart, run on the virtual clock after the year-long wait.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RetriesAndYearWaitBenchmark {

  static final String DEFINITION =
      "{\"StartAt\": \"Wait\", \"States\": {"
          + "\"Wait\": {\"Type\": \"Wait\", \"Seconds\": 31449600, \"Next\": \"Charge\"},"
          + "\"Charge\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\","
          + " \"Parameters\": {\"FunctionName\": \"charge\", \"InvocationType\": \"Event\","
          + " \"Payload.$\": \"$\"}, \"End\": true}}}";

  /** The whole test: returns the cloud (closed) so that JMH keeps the work. */
  @Benchmark
  public FakeCloud yearWaitThenThreeMinutesOfAsyncRetries() {
    try (FakeCloud cloud = FakeCloud.create()) {
      run(cloud);
      return cloud;
    }
  }

  /** The work, with checks that it is the success path the benchmark claims to measure. */
  static Execution run(FakeCloud cloud) {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("charge")
                .handler(
                    Map.class,
                    (in, ctx) -> {
                      throw new IllegalStateException("psp down");
                    }));
    cloud
        .stepFunctions()
        .createStateMachine(StateMachineSpec.named("yearly").definition(DEFINITION));
    Execution run = cloud.stepFunctions().startExecution("yearly", PriceHandler.EVENT);
    cloud.runUntilIdle();
    if (run.status() != ExecutionStatus.SUCCEEDED
        || cloud.lambda().function("charge").invocations().size() != 3) {
      throw new IllegalStateException(
          "Expected the workflow to succeed and the function to run three times; got "
              + run.status()
              + " and "
              + cloud.lambda().function("charge").invocations().size());
    }
    return run;
  }
}
