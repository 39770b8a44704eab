package dev.cloudless.benchmarks;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.sqs.Message;
import dev.cloudless.fakes.sqs.Queue;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What each operation allocates and what it leaves behind in its cloud, per operation: the two
 * numbers behind the garbage-collection cost seen in {@link SqsBenchmark} and {@link
 * LambdaInvokeBenchmark} with {@code opsPerCloud=iteration}. Not a JMH benchmark (bytes, not time,
 * and deterministic enough to read once); run it from the shaded jar:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.cloudless.benchmarks.MemoryFootprint
 * </pre>
 *
 * <p>Allocation is read from the JVM's per-thread allocation counter around each call, after
 * warm-up, so it is exact for the calling thread (a handler's work on the worker thread is not in
 * it: see the JMH {@code -prof gc} figures for the total). Retention is the heap used after full
 * collections with a cloud that has served {@value #OPERATIONS} operations, less the heap used
 * without it.
 */
public final class MemoryFootprint {

  static final int OPERATIONS = 20_000;
  private static final int WARM_UP = 30_000;

  private MemoryFootprint() {}

  public static void main(String[] args) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();

    warmUp();

    try (FakeCloud cloud = FakeCloud.create()) {
      Queue queue = cloud.sqs().createQueue("orders");
      long send = 0;
      long receive = 0;
      long delete = 0;
      for (int i = 0; i < OPERATIONS; i++) {
        long t0 = threads.getThreadAllocatedBytes(self);
        queue.send(SqsBenchmark.BODY);
        long t1 = threads.getThreadAllocatedBytes(self);
        List<Message> received = queue.receive(10);
        long t2 = threads.getThreadAllocatedBytes(self);
        queue.delete(received.get(0).receiptHandle());
        long t3 = threads.getThreadAllocatedBytes(self);
        send += t1 - t0;
        receive += t2 - t1;
        delete += t3 - t2;
      }
      print("SQS send, allocated by the caller", send);
      print("SQS receive(10) of one message, allocated by the caller", receive);
      print("SQS delete, allocated by the caller", delete);
    }

    try (FakeCloud cloud = FakeCloud.create()) {
      cloud.lambda().create(FunctionSpec.named("price").handler(new PriceHandler()));
      cloud.lambda().invoke("price", PriceHandler.EVENT);
      long invoke = 0;
      for (int i = 0; i < OPERATIONS; i++) {
        long t0 = threads.getThreadAllocatedBytes(self);
        cloud.lambda().invoke("price", PriceHandler.EVENT);
        invoke += threads.getThreadAllocatedBytes(self) - t0;
      }
      print("Lambda sync invoke, allocated by the caller (handler thread not included)", invoke);
    }

    print(
        "SQS send+receive+delete, retained by the cloud (journal, traces)",
        retainedBy(
            cloud -> {
              Queue queue = cloud.sqs().createQueue("orders");
              for (int i = 0; i < OPERATIONS; i++) {
                queue.send(SqsBenchmark.BODY);
                queue.delete(queue.receive(10).get(0).receiptHandle());
              }
            }));
    print(
        "Lambda sync invoke, retained by the cloud (journal, traces)",
        retainedBy(
            cloud -> {
              cloud.lambda().create(FunctionSpec.named("price").handler(new PriceHandler()));
              for (int i = 0; i < OPERATIONS; i++) {
                cloud.lambda().invoke("price", PriceHandler.EVENT);
              }
            }));
  }

  /** The heap a cloud holds after {@code work}: used heap with it, less used heap without it. */
  private static long retainedBy(Consumer<FakeCloud> work) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long without = usedAfterGc(memory);
    FakeCloud cloud = FakeCloud.create();
    try {
      work.accept(cloud);
      return usedAfterGc(memory) - without;
    } finally {
      cloud.close();
      // Keeps the cloud reachable until after the measurement, whatever the JIT decides.
      Reference.reachabilityFence(cloud);
    }
  }

  private static void warmUp() {
    try (FakeCloud cloud = FakeCloud.create()) {
      Queue queue = cloud.sqs().createQueue("orders");
      cloud.lambda().create(FunctionSpec.named("price").handler(new PriceHandler()));
      for (int i = 0; i < WARM_UP; i++) {
        queue.send(SqsBenchmark.BODY);
        queue.delete(queue.receive(10).get(0).receiptHandle());
        cloud.lambda().invoke("price", PriceHandler.EVENT);
      }
    }
  }

  private static void print(String what, long totalBytes) {
    System.out.printf(
        Locale.ROOT, "%-80s %,8d bytes/op%n", what, Math.round(totalBytes / (double) OPERATIONS));
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
