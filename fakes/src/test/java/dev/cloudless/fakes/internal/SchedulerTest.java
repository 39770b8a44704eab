package dev.cloudless.fakes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.clock.TimeMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class SchedulerTest {

  private final Scheduler scheduler =
      new Scheduler(TimeMode.VIRTUAL, FakeCloud.DEFAULT_START, 1_000, new ReentrantLock(), "test");

  @Test
  void housekeepingEventsDoNotKeepRunUntilIdleGoingButRunWhenTimePassesThem() {
    List<String> ran = new ArrayList<>();
    scheduler.scheduleDaemon(Duration.ofDays(4), "expire message", () -> ran.add("expired"));
    scheduler.schedule(Duration.ofMinutes(1), "retry", () -> ran.add("retried"));

    scheduler.runUntilIdle();

    assertThat(ran).containsExactly("retried");
    assertThat(scheduler.elapsed()).isEqualTo(Duration.ofMinutes(1));

    scheduler.advance(Duration.ofDays(4));
    assertThat(ran).containsExactly("retried", "expired");
  }

  @Test
  void anInstantInThePastIsScheduledForNow() {
    scheduler.advance(Duration.ofSeconds(10));
    List<Duration> ranAt = new ArrayList<>();

    scheduler.scheduleAt(FakeCloud.DEFAULT_START, "late", () -> ranAt.add(scheduler.elapsed()));
    scheduler.runUntilIdle();

    assertThat(ranAt).containsExactly(Duration.ofSeconds(10));
  }

  @Test
  void knowsWhenItIsRunningAnEvent() {
    List<Boolean> inside = new ArrayList<>();
    scheduler.schedule(Duration.ZERO, "probe", () -> inside.add(scheduler.inEvent()));

    scheduler.runUntilIdle();

    assertThat(inside).containsExactly(true);
    assertThat(scheduler.inEvent()).isFalse();
  }
}
