package dev.cloudless.fakes.sqs.internal;

import dev.cloudless.fakes.faults.FaultEffect;
import dev.cloudless.fakes.faults.FaultPlan;
import dev.cloudless.fakes.faults.FaultRule;
import dev.cloudless.fakes.faults.FaultTarget;
import dev.cloudless.fakes.internal.FaultEngine;
import dev.cloudless.trace.TraceHeader;
import dev.cloudless.trace.TraceId;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Where a queue consults the fault plan. A rule counts hits only at the points where its effect can
 * act (a {@code serviceError()} rule on every message operation, a {@code duplicateDelivery()} rule
 * on every message sent), so that {@code times(1)} means the first send or the first call, not
 * whatever happened to reach the queue first. The plan is asked by rule target, so the queue picks
 * the targets of the rules with the right effect, by identity: {@code QueueFaults} gives every rule
 * a target of its own.
 */
final class QueueFaultPoints {

  private QueueFaultPoints() {}

  /**
   * Counts a hit of the queue's {@code serviceError()} rules and fails the operation with SQS's 500
   * if one fires.
   */
  static void failOnServiceError(QueueState queue, String operation, TraceHeader trace) {
    FaultEngine faults = queue.cloud.faults();
    if (faults.isEmpty()) {
      return;
    }
    Set<FaultTarget> targets = targets(queue, FaultEffect.ServiceError.class);
    if (targets.isEmpty()) {
      return;
    }
    TraceId traceId = trace != null ? trace.root() : null;
    if (!faults
        .consult(targets::contains, queue.arn, traceId == null ? null : traceId.value())
        .isEmpty()) {
      queue.traces.recordServerError(
          operation,
          traceId != null ? traceId : queue.cloud.newTraceId(),
          trace == null ? null : trace.parent(),
          queue.cloud.now());
      throw SqsErrors.internalFailure();
    }
  }

  /** Counts a hit of the queue's {@code duplicateDelivery()} rules; true if one fires. */
  static boolean duplicateFires(QueueState queue, TraceHeader trace) {
    FaultEngine faults = queue.cloud.faults();
    if (faults.isEmpty()) {
      return false;
    }
    Set<FaultTarget> targets = targets(queue, FaultEffect.DuplicateDelivery.class);
    if (targets.isEmpty()) {
      return false;
    }
    String traceId = trace == null ? null : trace.root().value();
    return !faults.consult(targets::contains, queue.arn, traceId).isEmpty();
  }

  /**
   * The targets of the rules on this queue with effects of {@code kind}. A rule on the queue with
   * an effect a queue cannot have fails loudly rather than never firing.
   */
  private static Set<FaultTarget> targets(QueueState queue, Class<? extends FaultEffect> kind) {
    Set<FaultTarget> targets = Collections.newSetFromMap(new IdentityHashMap<>());
    for (FaultPlan.InjectedFault injected : queue.cloud.faults().injected()) {
      FaultRule rule = injected.rule();
      if (!(rule.target() instanceof FaultTarget.OnQueue on)
          || !on.queueName().equals(queue.name)) {
        continue;
      }
      FaultEffect effect = rule.effect();
      if (!(effect instanceof FaultEffect.ServiceError)
          && !(effect instanceof FaultEffect.DuplicateDelivery)) {
        throw new IllegalStateException(
            "Fault rule "
                + rule.describe()
                + " targets queue ["
                + queue.name
                + "], but a queue can only have duplicateDelivery() or serviceError(); "
                + effect.describe()
                + " is for functions.");
      }
      if (effect instanceof FaultEffect.DuplicateDelivery && queue.fifo()) {
        throw new IllegalStateException(
            "Fault rule "
                + rule.describe()
                + " targets FIFO queue ["
                + queue.name
                + "]: SQS delivers a FIFO message exactly once, so it never duplicates one there."
                + " Target a standard queue.");
      }
      if (kind.isInstance(effect)) {
        targets.add(rule.target());
      }
    }
    return targets;
  }
}
