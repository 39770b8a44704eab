package dev.cloudless.benchmarks;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.sqs.Message;
import dev.cloudless.fakes.sqs.Queue;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SQS throughput in messages per second, each message taking the full round a consumer makes:
 * {@code SendMessage}, {@code ReceiveMessage}, {@code DeleteMessage}. DESIGN.md section 8 wants
 * over 100,000 messages per second.
 *
 * <p>Every operation appends a journal event and a trace segment, so a cloud grows as long as it is
 * used: see {@link CloudLifetime} for the two lifetimes measured. With {@code opsPerCloud=1000} the
 * replacement of the cloud and queue is inside the measurement, amortised. The queue is empty
 * between invocations, so the numbers are for a short queue, as in a test.
 */
@State(Scope.Thread)
@Threads(1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SqsBenchmark {

  /** A small JSON body, as an order event would be. */
  static final String BODY = "{\"orderId\":\"o-42\",\"quantity\":3,\"currency\":\"EUR\"}";

  private static final int BATCH = 10;

  /**
   * Benchmark invocations per cloud: a number, or {@code iteration} for one cloud per measurement
   * iteration.
   */
  @Param({"1000", CloudLifetime.ITERATION})
  public String opsPerCloud;

  private int limit;
  private int used;
  private FakeCloud cloud;
  private Queue queue;

  @Setup(Level.Iteration)
  public void newCloud() {
    limit = CloudLifetime.opsPerCloud(opsPerCloud);
    replaceCloud();
  }

  @TearDown(Level.Iteration)
  public void closeCloud() {
    cloud.close();
  }

  /** One message: send it, receive it (asking for up to 10, as consumers do), delete it. */
  @Benchmark
  public List<Message> sendReceiveDelete() {
    Queue queue = queue();
    queue.send(BODY);
    List<Message> received = queue.receive(BATCH);
    if (received.size() != 1) {
      throw new IllegalStateException("Expected the message just sent; received " + received);
    }
    queue.delete(received.get(0).receiptHandle());
    return received;
  }

  /**
   * Ten messages: ten sends, one receive of all ten, ten deletes. Counted per message, so it
   * compares with {@link #sendReceiveDelete()} and shows what batching the receive saves.
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<Message> sendTenReceiveOnceDeleteTen() {
    Queue queue = queue();
    for (int i = 0; i < BATCH; i++) {
      queue.send(BODY);
    }
    List<Message> received = queue.receive(BATCH);
    if (received.size() != BATCH) {
      throw new IllegalStateException("Expected " + BATCH + " messages; received " + received);
    }
    for (Message m : received) {
      queue.delete(m.receiptHandle());
    }
    return received;
  }

  /** The queue, in a fresh cloud once this one has served its share of invocations. */
  private Queue queue() {
    if (++used > limit) {
      cloud.close();
      replaceCloud();
      used = 1;
    }
    return queue;
  }

  private void replaceCloud() {
    cloud = FakeCloud.create();
    queue = cloud.sqs().createQueue("orders");
    used = 0;
  }
}
