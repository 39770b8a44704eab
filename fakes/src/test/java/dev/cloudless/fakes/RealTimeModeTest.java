package dev.cloudless.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudless.fakes.clock.TimeMode;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.lambda.Invocation;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TimeMode.REAL follows the wall clock and runs scheduled work on a background thread. These tests
 * wait for outcomes (runUntilIdle waits until nothing is left), never for durations.
 */
class RealTimeModeTest {

  @Test
  void asynchronousWorkRunsOnItsOwnAndRunUntilIdleWaitsForIt() {
    try (FakeCloud cloud = FakeCloud.builder().timeMode(TimeMode.REAL).build()) {
      cloud
          .lambda()
          .create(
              FunctionSpec.named("f").runsFor(Duration.ZERO).handler(Map.class, (in, ctx) -> "ok"));

      cloud.lambda().invokeAsync("f", "{}");
      cloud.runUntilIdle();

      assertThat(cloud.lambda().function("f").invocations())
          .extracting(Invocation::outcome)
          .containsExactly(Invocation.Outcome.SUCCEEDED);
    }
  }

  @Test
  void theClockFollowsTheWallClock() {
    try (FakeCloud cloud = FakeCloud.builder().timeMode(TimeMode.REAL).build()) {
      assertThat(cloud.clock().now()).isAfter(FakeCloud.DEFAULT_START);
      assertThat(cloud.clock().now()).isAfterOrEqualTo(cloud.clock().startTime());
    }
  }
}
