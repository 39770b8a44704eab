package dev.cloudless.benchmarks;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.lambda.InvocationResult;
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
 * A warm synchronous ({@code RequestResponse}) invoke of an in-process handler with a small JSON
 * event, the call a Lambda test makes most. DESIGN.md section 8 wants it under 50 µs median and
 * over 20,000 per second on one core.
 *
 * <p>Measured from the caller's side, through the public API, so everything a test pays is in:
 * payload validation, the request id and trace id, the fault plan, the hand-off to the worker
 * thread and back, Lambda's serializers, the journal events, the trace segments and the virtual
 * clock moving by the modelled duration.
 *
 * <p>Every invoke appends to the journal and the trace, so a cloud grows as long as it is used: see
 * {@link CloudLifetime} for the two lifetimes measured. With {@code opsPerCloud=1000} the
 * replacement of the cloud (a cold start every thousand invokes) is inside the measurement,
 * amortised; it shows in the 99.9th percentile, not in the median.
 */
@State(Scope.Thread)
@Threads(1)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class LambdaInvokeBenchmark {

  /** Invokes per cloud: a number, or {@code iteration} for one cloud per measurement iteration. */
  @Param({"1000", CloudLifetime.ITERATION})
  public String opsPerCloud;

  private int limit;
  private int used;
  private FakeCloud cloud;

  @Setup(Level.Iteration)
  public void newCloud() {
    limit = CloudLifetime.opsPerCloud(opsPerCloud);
    replaceCloud();
    InvocationResult warm = cloud.lambda().invoke("price", PriceHandler.EVENT);
    // Refuse to measure an error path: a broken handler would look fast.
    if (warm.isFunctionError() || !PriceHandler.RESPONSE.equals(warm.payload())) {
      throw new IllegalStateException("The warm-up invoke did not succeed: " + warm);
    }
  }

  @TearDown(Level.Iteration)
  public void closeCloud() {
    cloud.close();
  }

  /** Latency of one warm invoke, sampled: the report gives the median and the percentiles. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public InvocationResult invokeLatency() {
    return invoke();
  }

  /** Warm invokes per second, back to back from one test thread. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public InvocationResult invokeThroughput() {
    return invoke();
  }

  private InvocationResult invoke() {
    if (++used > limit) {
      cloud.close();
      replaceCloud();
      used = 1;
    }
    return cloud.lambda().invoke("price", PriceHandler.EVENT);
  }

  /** A fresh cloud with the one function; its first invoke will be a cold start. */
  private void replaceCloud() {
    cloud = FakeCloud.create();
    cloud.lambda().create(FunctionSpec.named("price").handler(new PriceHandler()));
    used = 0;
  }
}
