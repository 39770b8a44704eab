package dev.cloudless.fakes.lambda.internal;

import dev.cloudless.fakes.internal.Randomness;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.PriorityQueue;

/**
 * A function version's execution environments. An invocation takes an environment that is idle at
 * its start instant, or creates one (a cold start); it holds it until its virtual end.
 */
final class EnvironmentPool {

  private static final DateTimeFormatter STREAM_DATE =
      DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

  private final String version;
  private final Randomness randomness;
  // Ordered by when each environment frees up (then creation order): taking the head finds an idle
  // environment in O(log n), even with thousands of overlapping invocations.
  private final PriorityQueue<ExecutionEnvironment> byFreeTime =
      new PriorityQueue<>(
          Comparator.comparing((ExecutionEnvironment e) -> e.busyUntil)
              .thenComparingLong(e -> e.number));
  private int created;

  EnvironmentPool(String version, Randomness randomness) {
    this.version = version;
    this.randomness = randomness;
  }

  /** An environment idle at {@code at}, or a new one. */
  synchronized ExecutionEnvironment acquire(Instant at) {
    ExecutionEnvironment idle = byFreeTime.peek();
    if (idle != null && !idle.busyUntil.isAfter(at)) {
      byFreeTime.poll();
      idle.busyUntil = at;
      return idle;
    }
    byte[] bits = new byte[16];
    synchronized (randomness.ids()) {
      randomness.ids().nextBytes(bits);
    }
    String id = HexFormat.of().formatHex(bits);
    return new ExecutionEnvironment(
        ++created, id, STREAM_DATE.format(at) + "/[" + version + "]" + id, at);
  }

  /** Marks {@code env} busy until {@code until}, when it becomes available again. */
  synchronized void release(ExecutionEnvironment env, Instant until) {
    env.busyUntil = until;
    env.invocations++;
    byFreeTime.add(env);
  }
}
