package dev.cloudless.fakes.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

  private final FakeCloud cloud = FakeCloud.create();
  private final VirtualClock clock = cloud.clock();

  @AfterEach
  void close() {
    cloud.close();
  }

  @Test
  void startsAtTheDefaultInstantAndStandsStillUntilRun() {
    assertThat(clock.startTime()).isEqualTo(FakeCloud.DEFAULT_START);
    assertThat(clock.now()).isEqualTo(FakeCloud.DEFAULT_START);
    assertThat(clock.elapsed()).isZero();
  }

  @Test
  void aDelayOfOneYearCompletesWhenRunUntilIdle() {
    List<Instant> ranAt = new ArrayList<>();
    clock.schedule(Duration.ofDays(365), "one year later", () -> ranAt.add(clock.now()));

    clock.runUntilIdle();

    assertThat(ranAt).containsExactly(FakeCloud.DEFAULT_START.plus(Duration.ofDays(365)));
    assertThat(clock.elapsed()).isEqualTo(Duration.ofDays(365));
    assertThat(clock.pendingEvents()).isZero();
  }

  @Test
  void eventsAtTheSameInstantRunInSchedulingOrder() {
    List<String> order = new ArrayList<>();
    for (String name : List.of("c", "a", "d", "b")) {
      clock.schedule(Duration.ofSeconds(5), name, () -> order.add(name));
    }
    clock.schedule(Duration.ofSeconds(1), "earlier", () -> order.add("earlier"));

    clock.runUntilIdle();

    assertThat(order).containsExactly("earlier", "c", "a", "d", "b");
  }

  @Test
  void advanceRunsExactlyWhatIsDueAndStopsAtTheNewInstant() {
    List<String> ran = new ArrayList<>();
    clock.schedule(Duration.ofSeconds(1), "at 1s", () -> ran.add("1s"));
    clock.schedule(Duration.ofSeconds(2), "at 2s", () -> ran.add("2s"));
    clock.schedule(Duration.ofSeconds(3), "at 3s", () -> ran.add("3s"));

    clock.advance(Duration.ofSeconds(2));

    assertThat(ran).containsExactly("1s", "2s");
    assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(2));
    assertThat(clock.pendingEvents()).isEqualTo(1);

    clock.advance(Duration.ofMillis(999));
    assertThat(ran).containsExactly("1s", "2s");
    assertThat(clock.elapsed()).isEqualTo(Duration.ofMillis(2999));
  }

  @Test
  void eventsScheduledWhileRunningRunInTheSameRunAtTheirOwnTime() {
    List<Duration> ranAt = new ArrayList<>();
    clock.schedule(
        Duration.ofMinutes(1),
        "first",
        () -> {
          ranAt.add(clock.elapsed());
          clock.schedule(Duration.ofMinutes(2), "second", () -> ranAt.add(clock.elapsed()));
        });

    clock.runUntilIdle();

    assertThat(ranAt).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(3));
  }

  @Test
  void runUntilStopsAsSoonAsTheConditionHolds() {
    List<Integer> ran = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      int n = i;
      clock.schedule(Duration.ofSeconds(i), "event " + i, () -> ran.add(n));
    }

    clock.runUntil(() -> ran.size() == 2);

    assertThat(ran).containsExactly(1, 2);
    assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void runUntilFailsClearlyWhenTheScheduleRunsOutFirst() {
    clock.schedule(Duration.ofSeconds(1), "only event", () -> {});

    assertThatThrownBy(() -> clock.runUntil(() -> false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("condition is still false and nothing is left to run")
        .hasMessageContaining("t+1.000s");
  }

  @Test
  void cancelledEventsDoNotRun() {
    List<String> ran = new ArrayList<>();
    ScheduledAction action = clock.schedule(Duration.ofSeconds(1), "cancelled", () -> ran.add("x"));

    assertThat(action.cancel()).isTrue();
    assertThat(action.cancel()).isFalse();
    clock.runUntilIdle();

    assertThat(ran).isEmpty();
    assertThat(clock.elapsed()).isZero();
  }

  @Test
  void anEndlessScheduleIsStoppedWithAMessageNamingTheLoop() {
    try (FakeCloud small = FakeCloud.builder().maxEventsPerRun(1_000).build()) {
      VirtualClock c = small.clock();
      Runnable[] loop = new Runnable[1];
      loop[0] = () -> c.schedule(Duration.ofDays(1), "wait one day and loop", loop[0]);
      c.schedule(Duration.ZERO, "wait one day and loop", loop[0]);

      assertThatThrownBy(c::runUntilIdle)
          .isInstanceOf(EndlessScheduleException.class)
          .hasMessageContaining("ran 1000 events without the schedule becoming idle")
          .hasMessageContaining("'wait one day and loop'")
          .hasMessageContaining("maxEventsPerRun");
    }
  }

  @Test
  void aNegativeDelayOrAdvanceIsRefused() {
    assertThatThrownBy(() -> clock.schedule(Duration.ofSeconds(-1), "past", () -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("in the past");
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
  }

  @Test
  void theJavaClockViewReadsVirtualTime() {
    clock.advance(Duration.ofHours(5));

    assertThat(clock.asJavaClock().instant()).isEqualTo(clock.now());
  }

  @Test
  void realTimeModeRefusesToAdvance() {
    try (FakeCloud real = FakeCloud.builder().timeMode(TimeMode.REAL).build()) {
      assertThatThrownBy(() -> real.clock().advance(Duration.ofSeconds(1)))
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("TimeMode.REAL");
    }
  }
}
