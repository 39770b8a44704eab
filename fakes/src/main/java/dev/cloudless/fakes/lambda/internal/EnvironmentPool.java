package dev.cloudless.fakes.lambda.internal;

import dev.cloudless.fakes.internal.Randomness;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A function version's execution environments. An invocation takes an environment that is idle at
 * its start instant, or creates one (a cold start); it holds it until its virtual end.
 */
final class EnvironmentPool {

  private static final DateTimeFormatter STREAM_DATE =
      DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

  private final String version;
  private final Randomness randomness;
  private final List<ExecutionEnvironment> environments = new ArrayList<>();

  EnvironmentPool(String version, Randomness randomness) {
    this.version = version;
    this.randomness = randomness;
  }

  /** An environment idle at {@code at}, or a new one. */
  synchronized ExecutionEnvironment acquire(Instant at) {
    for (ExecutionEnvironment env : environments) {
      if (!env.busyUntil.isAfter(at)) {
        env.busyUntil = at;
        return env;
      }
    }
    byte[] bits = new byte[16];
    synchronized (randomness.ids()) {
      randomness.ids().nextBytes(bits);
    }
    String id = HexFormat.of().formatHex(bits);
    ExecutionEnvironment env =
        new ExecutionEnvironment(id, STREAM_DATE.format(at) + "/[" + version + "]" + id, at);
    environments.add(env);
    return env;
  }

  /** Marks {@code env} busy until {@code until}. */
  synchronized void release(ExecutionEnvironment env, Instant until) {
    env.busyUntil = until;
    env.invocations++;
  }

  synchronized int size() {
    return environments.size();
  }
}
