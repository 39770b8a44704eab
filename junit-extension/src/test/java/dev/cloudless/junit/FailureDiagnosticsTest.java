package dev.cloudless.junit;

import static dev.cloudless.fakes.faults.Faults.onFunction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.THROWABLE;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.lambda.InvocationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class FailureDiagnosticsTest {

  @TempDir Path reports;

  private EngineExecutionResults run(Class<?> fixture) {
    return TestKit.run(Map.of("cloudless.reports-dir", reports.toString()), fixture);
  }

  @Fixture
  @CloudlessTest(seed = 42)
  static class FailsAfterAFault {
    @Test
    void chargeFails(FakeCloud cloud) {
      cloud.lambda().create(FunctionSpec.named("charge").handler(String.class, (in, c) -> "ok"));
      cloud
          .faults()
          .inject(onFunction("charge").functionError("PaymentTimeout", "psp slow").once());

      InvocationResult result = cloud.lambda().invoke("charge", "\"o-42\"");

      assertThat(result.functionError()).as("function error").isNull();
    }
  }

  @Test
  void aFailedTestKeepsItsFailureAndCarriesTheSeedFaultsAndTimeline() {
    EngineExecutionResults results = run(FailsAfterAFault.class);

    Throwable failure = TestKit.failures(results).get(0);
    assertThat(failure).isInstanceOf(AssertionError.class).hasMessageContaining("function error");
    assertThat(failure.getSuppressed())
        .singleElement()
        .extracting(Throwable::getMessage)
        .asString()
        .contains(
            "Cloudless diagnostics for [chargeFails(FakeCloud)]",
            "Cloudless seed: 42",
            "Faults fired: 1",
            "charge",
            "Journal:",
            "Timeline:");
  }

  @Test
  void aFailedTestPublishesTheSeedAndDiagnosticsAsReportEntries() {
    EngineExecutionResults results = run(FailsAfterAFault.class);

    assertThat(TestKit.entries(results, "cloudless.seed")).containsExactly("42");
    assertThat(TestKit.entries(results, "cloudless.diagnostics"))
        .singleElement()
        .asString()
        .contains("Cloudless seed: 42", "Faults fired: 1");
  }

  @Test
  void aFailedTestWritesAReportFileNamedAfterItsClassAndMethod() throws IOException {
    EngineExecutionResults results = run(FailsAfterAFault.class);

    Path file = reports.resolve(FailsAfterAFault.class.getName()).resolve("chargeFails.txt");
    assertThat(file).exists();
    assertThat(Files.readString(file)).contains("Cloudless seed: 42", "Faults fired: 1");
    assertThat(TestKit.entries(results, "cloudless.report-file"))
        .containsExactly(file.toAbsolutePath().toString());
    assertThat(TestKit.failures(results).get(0).getSuppressed()[0])
        .hasMessageContaining("Report file: " + file.toAbsolutePath());
  }

  @Test
  void aReportFileThatCannotBeWrittenDoesNotHideTheFailure() throws IOException {
    Path notADirectory = Files.writeString(reports.resolve("occupied"), "a file");

    EngineExecutionResults results =
        TestKit.run(
            Map.of("cloudless.reports-dir", notADirectory.toString()), FailsAfterAFault.class);

    Throwable failure = TestKit.failures(results).get(0);
    assertThat(failure).isInstanceOf(AssertionError.class).hasMessageContaining("function error");
    assertThat(failure.getSuppressed()[0])
        .hasMessageContaining("Report file not written")
        .hasMessageContaining("Cloudless seed: 42");
  }

  @Test
  void aPassingTestLeavesNoReport() throws IOException {
    EngineExecutionResults results = run(Passes.class);

    results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    assertThat(TestKit.entries(results)).isEmpty();
    assertThat(listed(reports)).isEmpty();
  }

  @Fixture
  @CloudlessTest
  static class Passes {
    @Test
    void test(FakeCloud cloud) {
      cloud.sqs().createQueue("orders");
    }
  }

  @Test
  void anAbortedTestIsNotAFailureAndGetsNoDiagnostics() throws IOException {
    EngineExecutionResults results = run(Aborts.class);

    Throwable aborted = TestKit.throwable(results.testEvents().aborted().list().get(0));
    assertThat(aborted.getSuppressed()).isEmpty();
    assertThat(listed(reports)).isEmpty();
  }

  @Fixture
  @CloudlessTest
  static class Aborts {
    @Test
    void test() {
      Assumptions.assumeTrue(false, "not here");
    }
  }

  @Test
  void aFailingAfterEachMethodIsDescribedToo() {
    EngineExecutionResults results = run(AfterEachFails.class);

    assertThat(TestKit.failures(results))
        .singleElement(THROWABLE)
        .satisfies(
            failure -> {
              assertThat(failure).hasMessage("clean-up failed");
              assertThat(failure.getSuppressed()[0]).hasMessageContaining("Cloudless seed: 0");
            });
    assertThat(reports.resolve(AfterEachFails.class.getName()).resolve("test.txt")).exists();
  }

  @Fixture
  @CloudlessTest
  static class AfterEachFails {
    @Test
    void test() {}

    @AfterEach
    void cleanUp() {
      throw new IllegalStateException("clean-up failed");
    }
  }

  @Test
  void eachInvocationOfARepeatedTestGetsItsOwnReportFile() throws IOException {
    run(RepeatedFailure.class);

    assertThat(listed(reports.resolve(RepeatedFailure.class.getName())))
        .containsExactlyInAnyOrder("test[1].txt", "test[2].txt");
  }

  @Fixture
  @CloudlessTest
  static class RepeatedFailure {
    @RepeatedTest(2)
    void test() {
      throw new AssertionError("fails on purpose");
    }
  }

  private static List<String> listed(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(file -> file.getFileName().toString()).toList();
    }
  }
}
