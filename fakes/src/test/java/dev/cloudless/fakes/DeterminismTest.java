package dev.cloudless.fakes;

import static dev.cloudless.fakes.faults.Faults.onFunction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudless.fakes.faults.FaultFired;
import dev.cloudless.fakes.journal.JournalEvent;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.sqs.Queue;
import dev.cloudless.trace.Segment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Same seed, same test: same journal, event for event. Another seed: other random choices. */
class DeterminismTest {

  /** The journal and traces of a scenario with retries, a dead-letter queue and random faults. */
  private record Run(List<JournalEvent> journal, List<Segment> segments) {}

  private static Run scenario(long seed) {
    try (FakeCloud cloud = FakeCloud.builder().seed(seed).build()) {
      Queue dlq = cloud.sqs().createQueue("dlq");
      cloud
          .lambda()
          .create(
              FunctionSpec.named("charge")
                  .deadLetterQueue(dlq)
                  .handler(
                      Map.class,
                      (input, ctx) -> {
                        if (((Number) input.get("n")).intValue() % 7 == 0) {
                          throw new IllegalStateException("multiple of seven");
                        }
                        return "charged " + input.get("n");
                      }));
      cloud
          .faults()
          .inject(
              onFunction("charge")
                  .functionError("Runtime.ExitError", "flaky")
                  .withProbability(0.5));
      for (int n = 0; n < 20; n++) {
        cloud.lambda().invokeAsync("charge", "{\"n\":" + n + "}");
      }
      cloud.runUntilIdle();
      return new Run(cloud.journal().events(), cloud.traces().segments());
    }
  }

  @Test
  void theSameSeedGivesTheSameJournalEventForEvent() {
    Run first = scenario(42);
    Run second = scenario(42);

    assertThat(first.journal()).hasSizeGreaterThan(100);
    assertThat(second.journal()).containsExactlyElementsOf(first.journal());
    assertThat(second.segments()).containsExactlyElementsOf(first.segments());
  }

  @Test
  void anotherSeedMakesOtherRandomChoices() {
    Run first = scenario(42);
    Run other = scenario(7);

    List<Integer> firedOn42 = hits(first);
    List<Integer> firedOn7 = hits(other);
    assertThat(firedOn42).isNotEmpty();
    assertThat(firedOn7).isNotEmpty().isNotEqualTo(firedOn42);
    assertThat(other.journal()).isNotEqualTo(first.journal());
  }

  private static List<Integer> hits(Run run) {
    return run.journal().stream()
        .filter(FaultFired.class::isInstance)
        .map(e -> ((FaultFired) e).hit())
        .toList();
  }
}
