package dev.cloudless.fakes.lambda.internal;

import java.time.Instant;

/**
 * One execution environment: a handler instance (once initialised) and the virtual interval it is
 * busy for. It serves one invocation at a time; a timeout or crash resets it, so the next
 * invocation initialises again.
 */
final class ExecutionEnvironment {

  final int number;
  final String id;
  final String logStreamName;
  HandlerInvoker invoker;
  Instant busyUntil;
  int invocations;

  ExecutionEnvironment(int number, String id, String logStreamName, Instant createdAt) {
    this.number = number;
    this.id = id;
    this.logStreamName = logStreamName;
    this.busyUntil = createdAt;
  }

  boolean initialised() {
    return invoker != null;
  }

  /** Drops the handler instance: the next invocation runs the initialisation again. */
  void reset() {
    invoker = null;
  }
}
