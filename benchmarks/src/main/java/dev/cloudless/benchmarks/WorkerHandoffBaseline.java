package dev.cloudless.benchmarks;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under a synchronous invoke, with no Cloudless code at all: hand a trivial task to a
 * pooled thread and wait for its result, the way the fakes' worker pool runs a handler (a {@link
 * ThreadPoolExecutor} over a {@link SynchronousQueue}, {@code submit} then {@code Future.get} with
 * a time limit). Read beside {@link LambdaInvokeBenchmark}: the difference is what the fake itself
 * costs, this is what the thread hand-off costs on the same machine in the same run.
 */
@State(Scope.Thread)
@Threads(1)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class WorkerHandoffBaseline {

  private ExecutorService pool;

  @Setup(Level.Trial)
  public void startPool() {
    pool =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "baseline-worker");
              t.setDaemon(true);
              return t;
            });
  }

  @TearDown(Level.Trial)
  public void stopPool() {
    pool.shutdownNow();
  }

  /** Latency of one hand-off and wait, sampled. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Integer handoffLatency() throws ExecutionException, InterruptedException {
    return handoff();
  }

  /** Hand-offs per second from one thread. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Integer handoffThroughput() throws ExecutionException, InterruptedException {
    return handoff();
  }

  private Integer handoff() throws ExecutionException, InterruptedException {
    try {
      return pool.submit(() -> 42).get(3, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("A trivial task took over 3 s", e);
    }
  }
}
