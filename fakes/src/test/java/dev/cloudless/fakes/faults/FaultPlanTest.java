package dev.cloudless.fakes.faults;

import static dev.cloudless.fakes.faults.Faults.onFunction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.lambda.InvocationResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

  private final FakeCloud cloud = FakeCloud.create();

  @BeforeEach
  void createFunction() {
    cloud.lambda().create(FunctionSpec.named("charge").handler(Map.class, (in, ctx) -> "ok"));
    cloud.lambda().create(FunctionSpec.named("other").handler(Map.class, (in, ctx) -> "ok"));
  }

  @AfterEach
  void close() {
    cloud.close();
  }

  /** Invokes {@code charge} n times and tells, per call, whether it failed. */
  private List<Boolean> failures(int n) {
    List<Boolean> failed = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      InvocationResult r = cloud.lambda().invoke("charge", "{}");
      failed.add(r.isFunctionError());
    }
    return failed;
  }

  @Test
  void onceFiresOnTheFirstHitOnly() {
    cloud.faults().inject(onFunction("charge").throwing(new RuntimeException("boom")).once());

    assertThat(failures(3)).containsExactly(true, false, false);
  }

  @Test
  void timesFiresOnTheFirstNHits() {
    cloud.faults().inject(onFunction("charge").throwing(new RuntimeException("boom")).times(2));

    assertThat(failures(4)).containsExactly(true, true, false, false);
  }

  @Test
  void onAttemptsFiresOnTheNumberedHits() {
    cloud
        .faults()
        .inject(onFunction("charge").functionError("Runtime.ExitError", "exit").onAttempts(2, 4));

    assertThat(failures(5)).containsExactly(false, true, false, true, false);
  }

  @Test
  void alwaysFiresOnEveryHit() {
    cloud.faults().inject(onFunction("charge").throwing(new RuntimeException("boom")).always());

    assertThat(failures(3)).containsExactly(true, true, true);
  }

  @Test
  void withProbabilityDrawsFromTheSeed() {
    cloud
        .faults()
        .inject(onFunction("charge").throwing(new RuntimeException("boom")).withProbability(0.3));

    List<Boolean> failed = failures(200);

    long count = failed.stream().filter(f -> f).count();
    assertThat(count).isBetween(40L, 80L);
    try (FakeCloud again = FakeCloud.create()) {
      again.lambda().create(FunctionSpec.named("charge").handler(Map.class, (in, ctx) -> "ok"));
      again
          .faults()
          .inject(onFunction("charge").throwing(new RuntimeException("boom")).withProbability(0.3));
      List<Boolean> replay = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        replay.add(again.lambda().invoke("charge", "{}").isFunctionError());
      }
      assertThat(replay).isEqualTo(failed);
    }
  }

  @Test
  void betweenFiresOnlyInsideTheVirtualTimeWindow() {
    cloud
        .faults()
        .inject(
            onFunction("charge")
                .throwing(new RuntimeException("boom"))
                .between(Duration.ofMinutes(1), Duration.ofMinutes(2)));

    List<Boolean> failed = new ArrayList<>();
    failed.add(cloud.lambda().invoke("charge", "{}").isFunctionError());
    cloud.advance(Duration.ofMinutes(1));
    failed.add(cloud.lambda().invoke("charge", "{}").isFunctionError());
    cloud.advance(Duration.ofMinutes(1));
    failed.add(cloud.lambda().invoke("charge", "{}").isFunctionError());

    assertThat(failed).containsExactly(false, true, false);
  }

  @Test
  void rulesOnlyHitTheirTarget() {
    cloud.faults().inject(onFunction("charge").throwing(new RuntimeException("boom")).always());

    assertThat(cloud.lambda().invoke("other", "{}").isFunctionError()).isFalse();
    assertThat(cloud.faults().injected().get(0).hits()).isZero();
  }

  @Test
  void everyFaultThatFiresIsJournaledWithTheRuleAsWritten() {
    cloud
        .faults()
        .inject(onFunction("charge").throwing(new IllegalStateException("psp slow")).times(2));

    failures(3);

    assertThat(cloud.journal().events(FaultFired.class))
        .extracting(FaultFired::rule, FaultFired::hit)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "onFunction(\"charge\").throwing(IllegalStateException: psp slow).times(2)", 1),
            org.assertj.core.groups.Tuple.tuple(
                "onFunction(\"charge\").throwing(IllegalStateException: psp slow).times(2)", 2));
    FaultPlan.InjectedFault injected = cloud.faults().injected().get(0);
    assertThat(injected.hits()).isEqualTo(3);
    assertThat(injected.fired()).isEqualTo(2);
  }

  @Test
  void aRemovedRuleNoLongerFires() {
    FaultPlan.InjectedFault rule =
        cloud.faults().inject(onFunction("charge").throwing(new RuntimeException("boom")).always());

    rule.remove();

    assertThat(failures(1)).containsExactly(false);
  }

  @Test
  void badSchedulesAreRefusedWithTheRule() {
    assertThatThrownBy(() -> onFunction("charge").timeout().times(0))
        .hasMessageContaining("times(n) needs n >= 1; got 0");
    assertThatThrownBy(() -> onFunction("charge").timeout().withProbability(1.5))
        .hasMessageContaining("0.0 <= p <= 1.0; got 1.5");
    assertThatThrownBy(() -> onFunction("charge").timeout().onAttempts(0))
        .hasMessageContaining("each >= 1");
    assertThatThrownBy(
            () ->
                onFunction("charge")
                    .timeout()
                    .between(Duration.ofMinutes(2), Duration.ofMinutes(1)))
        .hasMessageContaining("0 <= from < to");
  }
}
