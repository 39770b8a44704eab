package dev.cloudless.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** Runs {@link Fixture} classes through the real Jupiter engine and reads what happened. */
final class TestKit {

  /** Set only by {@link #run}: a {@link Fixture} runs when it is there. */
  private static final String FIXTURES_KEY = "cloudless.test.run-fixtures";

  private TestKit() {}

  /** The condition of {@link Fixture}. */
  static boolean runByTestKit(ExtensionContext context) {
    return context.getConfigurationParameter(FIXTURES_KEY).isPresent();
  }

  /** Runs the fixtures, in the order given, with these configuration parameters. */
  static EngineExecutionResults run(Map<String, String> parameters, Class<?>... fixtures) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(FIXTURES_KEY, "true")
        .configurationParameter(
            "junit.jupiter.testclass.order.default",
            "org.junit.jupiter.api.ClassOrderer$OrderAnnotation")
        .configurationParameters(parameters)
        .selectors(
            Arrays.stream(fixtures)
                .map(fixture -> selectClass(fixture))
                .toArray(DiscoverySelector[]::new))
        .execute();
  }

  static EngineExecutionResults run(Class<?>... fixtures) {
    return run(Map.of(), fixtures);
  }

  /** The exceptions the failed tests failed with. */
  static List<Throwable> failures(EngineExecutionResults results) {
    return failures(results.testEvents());
  }

  static List<Throwable> failures(Events events) {
    return events.failed().stream().map(TestKit::throwable).toList();
  }

  /** The exception of one finished event. */
  static Throwable throwable(Event event) {
    return event
        .getRequiredPayload(TestExecutionResult.class)
        .getThrowable()
        .orElseThrow(() -> new AssertionError("no throwable in " + event));
  }

  /** Every value published under {@code key}, by tests and containers, in order. */
  static List<String> entries(EngineExecutionResults results, String key) {
    return results.allEvents().reportingEntryPublished().stream()
        .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
        .filter(pairs -> pairs.containsKey(key))
        .map(pairs -> pairs.get(key))
        .toList();
  }

  /** Every published entry of the tests, merged into one map: for fixtures with one test. */
  static Map<String, String> entries(EngineExecutionResults results) {
    Map<String, String> merged = new LinkedHashMap<>();
    results.allEvents().reportingEntryPublished().stream()
        .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
        .forEach(merged::putAll);
    return merged;
  }
}
