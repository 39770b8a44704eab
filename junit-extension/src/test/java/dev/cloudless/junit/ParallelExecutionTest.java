package dev.cloudless.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.journal.JournalEvent;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.sqs.Message;
import dev.cloudless.fakes.sqs.Queue;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Runs many tests at once, each on its own cloud, and checks that none sees another's work. It
 * proves isolation whatever the interleaving: nothing here waits for, or counts on, an order.
 */
class ParallelExecutionTest {

  private static final int REPETITIONS = 12;
  private static final int TESTS = REPETITIONS + 4;

  @Test
  void concurrentTestsEachGetTheirOwnIsolatedCloud() {
    EngineExecutionResults results =
        TestKit.run(
            Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"),
            ConcurrentTests.class);

    results.testEvents().assertStatistics(stats -> stats.started(TESTS).succeeded(TESTS));
    results.containerEvents().assertStatistics(stats -> stats.failed(0));
    assertThat(TestKit.entries(results, "mode")).hasSize(TESTS).containsOnly("CONCURRENT");
    assertThat(TestKit.entries(results, "checked"))
        .containsExactly(TESTS + " distinct clouds, each closed");
  }

  @Fixture
  @CloudlessTest
  @Execution(ExecutionMode.CONCURRENT)
  @ExtendWith(ExtensionContextParameter.class)
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class ConcurrentTests {
    private final Map<String, FakeCloud> clouds = new ConcurrentHashMap<>();

    @RepeatedTest(REPETITIONS)
    void repeated(
        RepetitionInfo repetition,
        FakeCloud cloud,
        ExtensionContext context,
        TestReporter reporter) {
      useAlone("repeated-" + repetition.getCurrentRepetition(), cloud, context, reporter);
    }

    @Test
    void orders(FakeCloud cloud, ExtensionContext context, TestReporter reporter) {
      useAlone("orders", cloud, context, reporter);
    }

    @Test
    void payments(FakeCloud cloud, ExtensionContext context, TestReporter reporter) {
      useAlone("payments", cloud, context, reporter);
    }

    @Test
    void shipping(FakeCloud cloud, ExtensionContext context, TestReporter reporter) {
      useAlone("shipping", cloud, context, reporter);
    }

    @Test
    void invoices(FakeCloud cloud, ExtensionContext context, TestReporter reporter) {
      useAlone("invoices", cloud, context, reporter);
    }

    /** Works a cloud under {@code name}, then checks it holds nothing but that work. */
    private void useAlone(
        String name, FakeCloud cloud, ExtensionContext context, TestReporter reporter) {
      assertThat(clouds.put(name, cloud)).isNull();
      Queue queue = cloud.sqs().createQueue(name);
      for (int i = 0; i < 20; i++) {
        queue.send(name + " #" + i);
      }
      cloud.lambda().create(FunctionSpec.named(name).handler(String.class, (in, c) -> in));
      cloud.lambda().invoke(name, "\"" + name + "\"");
      cloud.runUntilIdle();

      assertThat(cloud.sqs().queues()).extracting(Queue::name).containsExactly(name);
      assertThat(queue.peek())
          .hasSize(20)
          .extracting(Message::body)
          .allMatch(b -> b.startsWith(name));
      assertThat(cloud.journal().events())
          .isNotEmpty()
          .allSatisfy(event -> assertThat(resourceName(event)).contains(name));
      reporter.publishEntry("mode", context.getExecutionMode().name());
    }

    private static java.util.List<String> resourceName(JournalEvent event) {
      return Arrays.asList(event.resourceArn().split(":"));
    }

    @AfterAll
    void eachCloudWasItsOwnAndIsClosed(TestReporter reporter) {
      Map<FakeCloud, Boolean> distinct = new IdentityHashMap<>();
      clouds.values().forEach(cloud -> distinct.put(cloud, true));
      assertThat(distinct).hasSize(TESTS);
      for (FakeCloud cloud : clouds.values()) {
        assertThatThrownBy(cloud::sqs).isInstanceOf(IllegalStateException.class);
      }
      reporter.publishEntry("checked", TESTS + " distinct clouds, each closed");
    }
  }
}
