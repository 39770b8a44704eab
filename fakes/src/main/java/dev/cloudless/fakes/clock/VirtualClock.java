package dev.cloudless.fakes.clock;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.apiguardian.api.API;

/**
 * The only clock the fakes read, and the scheduler that every AWS delay is an event on: async retry
 * delays, visibility timeouts, message delays, Wait states, back-off, TTLs.
 *
 * <p>Events are ordered by (virtual time, scheduling sequence), so events due at the same instant
 * run in the order they were scheduled. In {@link dev.cloudless.fakes.clock.TimeMode#VIRTUAL} mode
 * the clock only moves when a test asks: {@link #runUntilIdle()} jumps from event to event until
 * none is left, {@link #advance(Duration)} runs exactly what falls due in the given span.
 *
 * <pre>{@code
 * cloud.lambda().invokeAsync("charge", "{}");   // fails, retries in 1 and 2 minutes
 * cloud.clock().runUntilIdle();                 // takes milliseconds
 * cloud.clock().elapsed();                      // PT3M and a little
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface VirtualClock {

  /** The current virtual instant. */
  Instant now();

  /** The instant the cloud started at; timelines show times relative to it. */
  Instant startTime();

  /** Virtual time passed since {@link #startTime()}. */
  default Duration elapsed() {
    return Duration.between(startTime(), now());
  }

  /**
   * Runs every scheduled event, jumping the clock to each in turn, until nothing but background
   * housekeeping (such as message retention expiry) is left.
   *
   * @throws EndlessScheduleException when the schedule does not end within the cloud's event limit
   */
  void runUntilIdle();

  /**
   * Moves the clock forward by {@code duration}, running exactly the events due up to and including
   * the new instant, in order.
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   * @throws UnsupportedOperationException in {@link dev.cloudless.fakes.clock.TimeMode#REAL} mode
   */
  void advance(Duration duration);

  /**
   * Runs events, in order, until {@code condition} holds; checks it before the first event and
   * after each one.
   *
   * @throws IllegalStateException if the schedule runs out while the condition is still false
   * @throws EndlessScheduleException when the schedule does not end within the cloud's event limit
   */
  void runUntil(BooleanSupplier condition);

  /**
   * Schedules {@code action} to run {@code delay} from now, on the scheduler's thread. Use it to
   * script a scenario ("at t+5 minutes, send a message"); the fakes schedule their own delays.
   *
   * @param description shown in diagnostics, such as the endless-schedule report
   */
  ScheduledAction schedule(Duration delay, String description, Runnable action);

  /** The number of events waiting to run, housekeeping included. */
  int pendingEvents();

  /** A {@link java.time.Clock} view, for code under test that takes a {@code Clock}. */
  Clock asJavaClock();
}
