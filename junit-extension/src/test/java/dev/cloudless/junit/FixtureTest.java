package dev.cloudless.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class FixtureTest {

  @Test
  void aFixtureRunAnyOtherWayThanByTestKitIsSkipped() {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(FailsIfRun.class)).execute();

    results.containerEvents().assertStatistics(stats -> stats.skipped(1));
    results.testEvents().assertStatistics(stats -> stats.started(0));
  }

  @Test
  void aFixtureRunByTestKitRuns() {
    EngineExecutionResults results = TestKit.run(FailsIfRun.class);

    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
  }

  @Fixture
  static class FailsIfRun {
    @Test
    void test() {
      throw new AssertionError("fails on purpose");
    }
  }
}
