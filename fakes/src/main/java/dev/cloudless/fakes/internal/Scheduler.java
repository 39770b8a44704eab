package dev.cloudless.fakes.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.clock.EndlessScheduleException;
import dev.cloudless.fakes.clock.ScheduledAction;
import dev.cloudless.fakes.clock.TimeMode;
import dev.cloudless.fakes.clock.VirtualClock;
import dev.cloudless.trace.RelativeTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The virtual clock and its event queue, ordered by (due time, sequence). Events run on the thread
 * that drives the scheduler ({@code runUntilIdle}, {@code advance}, {@code runUntil}); in {@link
 * TimeMode#REAL} mode a dispatcher thread, started on first use, runs them when they fall due.
 *
 * <p>Housekeeping events (message retention, idle environments) are "daemon" events: they run when
 * time passes them, but they do not keep {@code runUntilIdle} going, so sending a message and
 * running until idle does not jump four days ahead to its expiry.
 */
@API(status = INTERNAL, since = "0.1")
public final class Scheduler implements VirtualClock {

  private static final Comparator<Entry> ORDER =
      Comparator.comparing((Entry e) -> e.due).thenComparingLong(e -> e.sequence);

  private final TimeMode mode;
  private final Instant start;
  private final int maxEventsPerRun;
  private final ReentrantLock turn;
  private final String cloudName;
  private final long realStartNanos;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final PriorityQueue<Entry> queue = new PriorityQueue<>(ORDER);
  private long sequence;
  private int activePending;
  private int running;
  // Written under the lock, read without it: reading the clock is the hottest call there is.
  private volatile Instant now;
  private Thread dispatcher;
  private boolean closed;
  private final ThreadLocal<int[]> eventDepth = ThreadLocal.withInitial(() -> new int[1]);

  public Scheduler(
      TimeMode mode, Instant start, int maxEventsPerRun, ReentrantLock turn, String cloudName) {
    this.mode = mode;
    this.start = start;
    this.now = start;
    this.maxEventsPerRun = maxEventsPerRun;
    this.turn = turn;
    this.cloudName = cloudName;
    // REAL mode measures elapsed wall time; this is the one place the fakes read a real clock.
    this.realStartNanos = mode == TimeMode.REAL ? System.nanoTime() : 0L;
  }

  @Override
  public Instant now() {
    if (mode == TimeMode.REAL) {
      return start.plusNanos(System.nanoTime() - realStartNanos);
    }
    return now;
  }

  @Override
  public Instant startTime() {
    return start;
  }

  public TimeMode mode() {
    return mode;
  }

  @Override
  public ScheduledAction schedule(Duration delay, String description, Runnable action) {
    return schedule(delay, description, action, false);
  }

  /**
   * Schedules {@code action} at {@code due}, or now if {@code due} has passed (in REAL mode the
   * wall clock may have moved past an instant computed a moment ago).
   */
  public ScheduledAction scheduleAt(Instant due, String description, Runnable action) {
    Duration delay = Duration.between(now(), due);
    return schedule(delay.isNegative() ? Duration.ZERO : delay, description, action);
  }

  /** Schedules a housekeeping event that does not keep {@link #runUntilIdle()} going. */
  public ScheduledAction scheduleDaemon(Duration delay, String description, Runnable action) {
    return schedule(delay, description, action, true);
  }

  private ScheduledAction schedule(
      Duration delay, String description, Runnable action, boolean daemon) {
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(action, "action");
    if (delay.isNegative()) {
      throw new IllegalArgumentException(
          "Cannot schedule [" + description + "] " + delay + " in the past.");
    }
    Instant due = now().plus(delay);
    Entry entry;
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("FakeCloud [" + cloudName + "] is closed.");
      }
      entry = new Entry(due, ++sequence, description, action, daemon);
      queue.add(entry);
      if (!daemon) {
        activePending++;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (mode == TimeMode.REAL) {
      startDispatcher();
    }
    return entry;
  }

  @Override
  public int pendingEvents() {
    lock.lock();
    try {
      return (int) queue.stream().filter(e -> !e.done).count();
    } finally {
      lock.unlock();
    }
  }

  /** The due time of the next event, or null when none is waiting. */
  public Instant nextDueTime() {
    lock.lock();
    try {
      dropDone();
      Entry head = queue.peek();
      return head == null ? null : head.due;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void runUntilIdle() {
    if (mode == TimeMode.REAL) {
      awaitRealIdle();
      return;
    }
    Guard guard = new Guard("runUntilIdle");
    while (true) {
      Entry next = take(null, true);
      if (next == null) {
        return;
      }
      guard.count(next);
      run(next);
    }
  }

  @Override
  public void advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException(
          "Cannot advance the clock by a negative " + duration + ".");
    }
    requireVirtual("advance");
    advanceTo(now().plus(duration));
  }

  /**
   * Runs every event due at or before {@code target}, in order, then sets the clock to {@code
   * target} (never backwards).
   */
  public void advanceTo(Instant target) {
    requireVirtual("advance");
    Guard guard = new Guard("advance");
    while (true) {
      Entry next = take(target, false);
      if (next == null) {
        break;
      }
      guard.count(next);
      run(next);
    }
    lock.lock();
    try {
      if (target.isAfter(now)) {
        now = target;
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void runUntil(BooleanSupplier condition) {
    Objects.requireNonNull(condition, "condition");
    if (mode == TimeMode.REAL) {
      awaitReal(condition);
      return;
    }
    Guard guard = new Guard("runUntil");
    while (!condition.getAsBoolean()) {
      Entry next = take(null, true);
      if (next == null) {
        throw new IllegalStateException(
            "runUntil: the condition is still false and nothing is left to run (virtual time "
                + RelativeTime.format(start, now())
                + ").");
      }
      guard.count(next);
      run(next);
    }
  }

  /**
   * Runs events until {@code condition} holds or the clock reaches {@code deadline}, whichever
   * comes first; the clock then stands at the instant the condition became true, or at the
   * deadline. Returns the condition's last value. This is how an operation that blocks in AWS (a
   * long-polling receive) waits on virtual time.
   */
  public boolean runUntil(BooleanSupplier condition, Instant deadline) {
    if (mode == TimeMode.REAL) {
      return awaitRealUntil(condition, deadline);
    }
    Guard guard = new Guard("runUntil");
    while (!condition.getAsBoolean()) {
      Entry next = take(deadline, false);
      if (next == null) {
        advanceTo(deadline);
        return condition.getAsBoolean();
      }
      guard.count(next);
      run(next);
    }
    return true;
  }

  /** Whether the REAL-mode dispatcher thread was started: never in VIRTUAL mode. */
  public boolean dispatcherStarted() {
    lock.lock();
    try {
      return dispatcher != null;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Whether the calling thread is running a scheduled event. A blocking call made by the test waits
   * on the clock; one made inside an event happens at the event's instant.
   */
  public boolean inEvent() {
    return eventDepth.get()[0] > 0;
  }

  @Override
  public Clock asJavaClock() {
    return new ClockView(this, ZoneOffset.UTC);
  }

  /** Stops the REAL-mode dispatcher and refuses further events. */
  public void close() {
    Thread toStop;
    lock.lock();
    try {
      closed = true;
      queue.clear();
      activePending = 0;
      toStop = dispatcher;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (toStop != null) {
      toStop.interrupt();
    }
  }

  /**
   * Takes the next event to run: due at or before {@code limit} (no limit when null), skipping
   * cancelled ones. With {@code onlyWhileActive}, stops when only daemon events are left.
   */
  private Entry take(Instant limit, boolean onlyWhileActive) {
    lock.lock();
    try {
      dropDone();
      if (onlyWhileActive && activePending == 0) {
        return null;
      }
      Entry head = queue.peek();
      if (head == null || (limit != null && head.due.isAfter(limit))) {
        return null;
      }
      queue.poll();
      head.done = true;
      if (!head.daemon) {
        activePending--;
      }
      if (head.due.isAfter(now)) {
        now = head.due;
      }
      running++;
      return head;
    } finally {
      lock.unlock();
    }
  }

  private void dropDone() {
    while (!queue.isEmpty() && queue.peek().done) {
      queue.poll();
    }
  }

  private void run(Entry entry) {
    int[] depth = eventDepth.get();
    depth[0]++;
    try {
      entry.action.run();
    } finally {
      depth[0]--;
      lock.lock();
      try {
        running--;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  private void requireVirtual(String operation) {
    if (mode == TimeMode.REAL) {
      throw new UnsupportedOperationException(
          operation
              + " moves virtual time, but FakeCloud ["
              + cloudName
              + "] runs in TimeMode.REAL; wait for results with Awaitility instead.");
    }
  }

  // ---- REAL mode -------------------------------------------------------------------------------

  private void startDispatcher() {
    lock.lock();
    try {
      if (dispatcher != null || closed) {
        return;
      }
      dispatcher = new Thread(this::dispatch, "cloudless-" + cloudName + "-clock");
      dispatcher.setDaemon(true);
      dispatcher.start();
    } finally {
      lock.unlock();
    }
  }

  private void dispatch() {
    while (true) {
      Entry next;
      lock.lock();
      try {
        while (true) {
          if (closed) {
            return;
          }
          dropDone();
          Entry head = queue.peek();
          if (head != null) {
            long waitNanos = Duration.between(now(), head.due).toNanos();
            if (waitNanos <= 0) {
              break;
            }
            changed.awaitNanos(waitNanos);
          } else {
            changed.await();
          }
        }
        next = take(null, false);
      } catch (InterruptedException e) {
        return;
      } finally {
        lock.unlock();
      }
      if (next != null) {
        turn.lock();
        try {
          run(next);
        } catch (RuntimeException e) {
          // An event's failure is the event's own business (it journals it); the clock goes on.
        } finally {
          turn.unlock();
        }
      }
    }
  }

  private void awaitRealIdle() {
    awaitReal(
        () -> {
          lock.lock();
          try {
            return activePending == 0 && running == 0;
          } finally {
            lock.unlock();
          }
        });
  }

  private void awaitReal(BooleanSupplier condition) {
    while (!condition.getAsBoolean()) {
      waitForChange(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }

  private boolean awaitRealUntil(BooleanSupplier condition, Instant deadline) {
    while (!condition.getAsBoolean()) {
      long left = Duration.between(now(), deadline).toNanos();
      if (left <= 0) {
        return condition.getAsBoolean();
      }
      waitForChange(Math.min(left, TimeUnit.MILLISECONDS.toNanos(10)));
    }
    return true;
  }

  private void waitForChange(long nanos) {
    lock.lock();
    try {
      changed.awaitNanos(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "Interrupted while waiting on FakeCloud [" + cloudName + "].");
    } finally {
      lock.unlock();
    }
  }

  // ---- pieces ----------------------------------------------------------------------------------

  /** Stops a run that does not end, naming the events that repeat most. */
  private final class Guard {
    private final String operation;
    private int count;
    private Map<String, Integer> recent;

    Guard(String operation) {
      this.operation = operation;
    }

    void count(Entry entry) {
      count++;
      if (count > maxEventsPerRun / 2) {
        if (recent == null) {
          recent = new HashMap<>();
        }
        recent.merge(entry.description, 1, Integer::sum);
      }
      if (count > maxEventsPerRun) {
        String top =
            recent.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(3)
                .map(e -> "'" + e.getKey() + "' x" + e.getValue())
                .collect(Collectors.joining(", "));
        throw new EndlessScheduleException(
            operation
                + " ran "
                + maxEventsPerRun
                + " events without the schedule becoming idle (virtual time now "
                + RelativeTime.format(start, now())
                + "); it looks endless. Events repeating most in the second half: "
                + top
                + ". If the work is meant to be this long, raise"
                + " FakeCloud.builder().maxEventsPerRun(...).");
      }
    }
  }

  private final class Entry implements ScheduledAction {
    final Instant due;
    final long sequence;
    final String description;
    final Runnable action;
    final boolean daemon;
    boolean done;

    Entry(Instant due, long sequence, String description, Runnable action, boolean daemon) {
      this.due = due;
      this.sequence = sequence;
      this.description = description;
      this.action = action;
      this.daemon = daemon;
    }

    @Override
    public Instant dueAt() {
      return due;
    }

    @Override
    public String description() {
      return description;
    }

    @Override
    public boolean cancel() {
      lock.lock();
      try {
        if (done) {
          return false;
        }
        done = true;
        if (!daemon) {
          activePending--;
        }
        changed.signalAll();
        return true;
      } finally {
        lock.unlock();
      }
    }

    @Override
    public String toString() {
      return description + " at " + RelativeTime.format(start, due);
    }
  }

  /** A {@link Clock} reading the scheduler. */
  private static final class ClockView extends Clock {
    private final Scheduler scheduler;
    private final ZoneId zone;

    ClockView(Scheduler scheduler, ZoneId zone) {
      this.scheduler = scheduler;
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
      return new ClockView(scheduler, newZone);
    }

    @Override
    public Instant instant() {
      return scheduler.now();
    }
  }
}
