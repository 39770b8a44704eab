package dev.cloudless.fakes.lambda.internal;

import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.lambda.LambdaEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A version's execution environments: on demand (created as needed, recycled after sitting idle) or
 * provisioned for a qualifier (a fixed number, initialised in advance, never recycled). An
 * invocation takes an environment idle at its start instant and holds it until its virtual end.
 */
final class EnvironmentPool {

  private static final DateTimeFormatter STREAM_DATE =
      DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

  private final CloudContext cloud;
  private final VersionImpl version;
  private final boolean provisioned;
  // Ordered by when each environment frees up (then creation order): taking the head finds an idle
  // environment in O(log n), even with thousands of overlapping invocations.
  private final PriorityQueue<ExecutionEnvironment> byFreeTime =
      new PriorityQueue<>(
          Comparator.comparing((ExecutionEnvironment e) -> e.busyUntil)
              .thenComparingLong(e -> e.number));
  private int created;

  EnvironmentPool(CloudContext cloud, VersionImpl version, boolean provisioned) {
    this.cloud = cloud;
    this.version = version;
    this.provisioned = provisioned;
  }

  /**
   * An environment idle at {@code at}, or null. On-demand environments idle for longer than {@code
   * idleTimeout} are recycled on the way, stamped with the instant their idle time ran out.
   */
  synchronized ExecutionEnvironment acquireIdle(Instant at, Duration idleTimeout) {
    while (!provisioned && !byFreeTime.isEmpty()) {
      ExecutionEnvironment head = byFreeTime.peek();
      Instant expiry = head.busyUntil.plus(idleTimeout);
      if (expiry.isAfter(at)) {
        break;
      }
      byFreeTime.poll();
      recycle(head, expiry, "idle");
    }
    ExecutionEnvironment idle = byFreeTime.peek();
    if (idle == null || idle.busyUntil.isAfter(at)) {
      return null;
    }
    byFreeTime.poll();
    idle.busyUntil = at;
    return idle;
  }

  /** A new, uninitialised environment, busy from {@code at}. */
  synchronized ExecutionEnvironment create(Instant at) {
    byte[] bits = new byte[16];
    synchronized (cloud.randomness().ids()) {
      cloud.randomness().ids().nextBytes(bits);
    }
    String id = HexFormat.of().formatHex(bits);
    return new ExecutionEnvironment(
        cloud,
        version,
        ++created,
        id,
        STREAM_DATE.format(at) + "/[" + version.version() + "]" + id,
        at,
        provisioned);
  }

  /** Puts {@code env} back, busy until {@code until}. */
  synchronized void release(ExecutionEnvironment env, Instant until) {
    env.busyUntil = until;
    env.invocations++;
    byFreeTime.add(env);
  }

  /** Adds an environment initialised in advance (provisioned concurrency). */
  synchronized void addReady(ExecutionEnvironment env) {
    byFreeTime.add(env);
  }

  /** How many environments the pool holds now. */
  synchronized int size() {
    return byFreeTime.size();
  }

  /** Recycles every environment, for {@code reason}. */
  void recycleAll(String reason) {
    List<ExecutionEnvironment> all;
    synchronized (this) {
      all = new ArrayList<>(byFreeTime);
      byFreeTime.clear();
    }
    Instant now = cloud.now();
    all.sort(Comparator.comparingLong(e -> e.number));
    for (ExecutionEnvironment env : all) {
      recycle(env, now.isAfter(env.busyUntil) ? now : env.busyUntil, reason);
    }
  }

  private void recycle(ExecutionEnvironment env, Instant at, String reason) {
    env.recycle();
    var config = version.configuration();
    cloud
        .journal()
        .append(
            seq ->
                new LambdaEvent.EnvironmentRecycled(
                    seq,
                    at,
                    version.function().arn(),
                    config.functionName(),
                    version.version(),
                    env.id,
                    reason));
  }
}
