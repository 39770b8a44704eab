package dev.cloudless.fakes.stepfunctions.internal.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of control inside an execution: the execution itself, a Parallel branch or a Map
 * iteration. Steps that take no virtual time run at once, in a loop on the caller's stack (so a
 * branch runs as far as it can before the next one starts, in index order); steps due later are
 * scheduler events. A fiber never holds a thread.
 */
final class Fiber {

  private final Timers timers;
  private final String description;
  private Runnable next;
  private boolean looping;
  private boolean cancelled;
  private final List<Timers.Cancellable> pending = new ArrayList<>(1);

  Fiber(Timers timers, String description) {
    this.timers = timers;
    this.description = description;
  }

  /** Runs {@code step} now: at once, or right after the current step when one is running. */
  void resume(Runnable step) {
    if (cancelled) {
      return;
    }
    if (looping) {
      next = step;
      return;
    }
    looping = true;
    try {
      next = step;
      while (next != null && !cancelled) {
        Runnable r = next;
        next = null;
        r.run();
      }
    } finally {
      looping = false;
      next = null;
    }
  }

  /** Runs {@code step} at {@code when}: now if it is due, else as a scheduler event. */
  void at(Instant when, Runnable step) {
    if (cancelled) {
      return;
    }
    if (!when.isAfter(timers.now())) {
      resume(step);
      return;
    }
    Timers.Cancellable[] handle = new Timers.Cancellable[1];
    handle[0] =
        timers.at(
            when,
            description,
            () -> {
              pending.remove(handle[0]);
              resume(step);
            });
    pending.add(handle[0]);
  }

  /** Stops the fiber: nothing it scheduled runs any more. */
  void cancel() {
    cancelled = true;
    next = null;
    for (Timers.Cancellable c : pending) {
      c.cancel();
    }
    pending.clear();
  }

  boolean cancelled() {
    return cancelled;
  }
}
