package dev.cloudless.fakes.stepfunctions.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs every recorded Amazon States Language case of {@code shared/conformance/asl} (README.md and
 * CHECKER.md there) as a dynamic test, then the gate: at least 98% of {@code cases/} pass with
 * exact comparison. The report prints totals per set and per feature, lists the failures, and
 * counts separately the cases that would pass only with the {@code event-id} relaxation, which is
 * never applied to the verdict. A case that does not match shows as aborted with its reason (so
 * that the report lists it without breaking the build); the gate test fails the build when fewer
 * than 98% of {@code cases/} match.
 *
 * <p>The folder comes from the system property {@code cloudless.conformance.asl} (Surefire sets it
 * to {@code ../shared/conformance/asl} beside the project); without it the harness looks for {@code
 * ../../shared/conformance/asl} from the module directory, and skips itself when the folder is
 * absent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AslConformanceTest {

  static final List<String> SETS = List.of("cases", "cases_lenient", "cases_docs");
  static final double GATE = 0.98;

  private final List<CaseRunner.Verdict> verdicts = new ArrayList<>();

  static Path casesDirectory() {
    String property = System.getProperty("cloudless.conformance.asl");
    if (property != null && !property.isBlank()) {
      return Path.of(property).normalize();
    }
    Path fromModule = Path.of("../../shared/conformance/asl");
    if (Files.isDirectory(fromModule)) {
      return fromModule.toAbsolutePath().normalize();
    }
    return Path.of("../shared/conformance/asl").toAbsolutePath().normalize();
  }

  @TestFactory
  Stream<DynamicNode> recordedAwsCases() {
    Path dir = casesDirectory();
    if (!Files.isDirectory(dir.resolve("cases"))) {
      // One skipped test that says why, so the build's summary shows the harness did not run
      // (an assumption failing in the factory itself would leave no trace in the summary).
      String reason =
          "The ASL conformance cases are not at "
              + dir
              + "; set -Dcloudless.conformance.asl=<folder> to run them.";
      System.out.println("[ASL conformance] skipped: " + reason);
      return Stream.of(
          DynamicTest.dynamicTest("conformance cases not found", () -> Assumptions.abort(reason)));
    }
    List<DynamicNode> nodes = new ArrayList<>();
    CaseRunner runner = new CaseRunner();
    for (String set : SETS) {
      List<DynamicTest> tests = new ArrayList<>();
      for (Path file : files(dir.resolve(set))) {
        ConformanceCase c = ConformanceCase.load(set, file);
        tests.add(
            DynamicTest.dynamicTest(
                c.name(),
                file.toUri(),
                () -> {
                  CaseRunner.Verdict v = runner.run(c);
                  synchronized (verdicts) {
                    verdicts.add(v);
                  }
                  if (!v.passed()) {
                    // A case that does not match AWS shows as aborted with its reason; the gate
                    // below decides whether the build passes, so one unmatched recording among
                    // hundreds reports itself without breaking the build.
                    Assumptions.abort(v.line());
                  }
                }));
      }
      nodes.add(DynamicContainer.dynamicContainer(set, tests));
    }
    nodes.add(
        DynamicTest.dynamicTest(
            "gate: at least 98% of cases/ pass with exact comparison", this::gateAndReport));
    return nodes.stream();
  }

  private static List<Path> files(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void gateAndReport() {
    List<CaseRunner.Verdict> all;
    synchronized (verdicts) {
      all = List.copyOf(verdicts);
    }
    StringBuilder report =
        new StringBuilder("\nASL conformance (").append(casesDirectory()).append(")\n");
    for (String set : SETS) {
      List<CaseRunner.Verdict> in = all.stream().filter(v -> v.c().set().equals(set)).toList();
      long pass = in.stream().filter(CaseRunner.Verdict::passed).count();
      long strict = in.stream().filter(CaseRunner.Verdict::strictPassed).count();
      long relaxed = in.stream().filter(CaseRunner.Verdict::passesWithEventIdRelaxation).count();
      report
          .append(String.format("  %-14s %4d/%-4d pass", set, pass, in.size()))
          .append(String.format(" (%.1f%%)", in.isEmpty() ? 0.0 : 100.0 * pass / in.size()))
          .append(", strict (key order, 0 vs 0.0) ")
          .append(strict)
          .append(", event-id relaxation would add ")
          .append(relaxed)
          .append(" (not applied)\n");
    }
    Map<String, int[]> perFeature = new TreeMap<>();
    for (CaseRunner.Verdict v : all) {
      if (!v.c().gate()) {
        continue;
      }
      for (String f : v.c().features()) {
        int[] counts = perFeature.computeIfAbsent(f, k -> new int[2]);
        counts[1]++;
        if (v.passed()) {
          counts[0]++;
        }
      }
    }
    report.append("  per feature (cases/):\n");
    perFeature.forEach((f, n) -> report.append(String.format("    %-28s %4d/%d%n", f, n[0], n[1])));
    report.append("  failures:\n");
    all.stream()
        .filter(v -> !v.passed())
        .forEach(
            v ->
                report
                    .append("    [")
                    .append(v.c().set())
                    .append("] ")
                    .append(v.line())
                    .append('\n'));
    report.append("  strict differences (reported, not gated):\n");
    all.stream()
        .filter(v -> v.passed() && !v.strictPassed())
        .forEach(
            v ->
                report
                    .append("    [")
                    .append(v.c().set())
                    .append("] ")
                    .append(v.line())
                    .append('\n'));
    System.out.println(report);

    List<CaseRunner.Verdict> gate = all.stream().filter(v -> v.c().gate()).toList();
    long passed = gate.stream().filter(CaseRunner.Verdict::passed).count();
    assertThat(gate).as("cases/ ran").isNotEmpty();
    assertThat((double) passed / gate.size())
        .as("share of cases/ passing (%d of %d)%s", passed, gate.size(), report)
        .isGreaterThanOrEqualTo(GATE);
  }
}
