package dev.cloudless.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.THROWABLE;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.clock.TimeMode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class SettingsTest {

  /** Publishes the settings the test's cloud was built with. */
  static void publish(FakeCloud cloud, TestReporter reporter) {
    reporter.publishEntry(
        Map.of(
            "region", cloud.region(),
            "account", cloud.accountId(),
            "seed", Long.toString(cloud.seed()),
            "timeMode", cloud.timeMode().name()));
  }

  @Test
  void withNothingSetACloudHasFakeCloudsDefaults() {
    EngineExecutionResults results = TestKit.run(PlainAnnotation.class);

    assertThat(TestKit.entries(results))
        .containsEntry("region", FakeCloud.DEFAULT_REGION)
        .containsEntry("account", FakeCloud.DEFAULT_ACCOUNT_ID)
        .containsEntry("seed", Long.toString(FakeCloud.DEFAULT_SEED))
        .containsEntry("timeMode", "VIRTUAL");
  }

  @Test
  void configurationParametersSetWhatNothingElseSets() {
    EngineExecutionResults results =
        TestKit.run(
            Map.of(
                "cloudless.region", "eu-west-1",
                "cloudless.account-id", "123456789012",
                "cloudless.seed", "42",
                "cloudless.time-mode", "real"),
            PlainAnnotation.class);

    assertThat(TestKit.entries(results))
        .containsEntry("region", "eu-west-1")
        .containsEntry("account", "123456789012")
        .containsEntry("seed", "42")
        .containsEntry("timeMode", "REAL");
  }

  @Fixture
  @CloudlessTest
  static class PlainAnnotation {
    @Test
    void test(FakeCloud cloud, TestReporter reporter) {
      publish(cloud, reporter);
    }
  }

  @Test
  void annotationBeatsConfigurationAndTheMethodBeatsTheClass() {
    EngineExecutionResults results =
        TestKit.run(
            Map.of(
                "cloudless.region", "eu-west-1",
                "cloudless.account-id", "123456789012",
                "cloudless.seed", "42"),
            AnnotatedClassAndMethod.class);

    assertThat(TestKit.entries(results))
        .containsEntry("region", "ap-south-1")
        .containsEntry("seed", "7")
        .containsEntry("account", "123456789012")
        .containsEntry("timeMode", "VIRTUAL");
  }

  @Fixture
  @CloudlessTest(region = "us-west-2", seed = 3)
  static class AnnotatedClassAndMethod {
    @Test
    @CloudlessTest(region = "ap-south-1", seed = 7)
    void test(FakeCloud cloud, TestReporter reporter) {
      publish(cloud, reporter);
    }
  }

  @Test
  void builderBeatsAnnotationAndConfiguration() {
    EngineExecutionResults results =
        TestKit.run(
            Map.of("cloudless.seed", "42", "cloudless.account-id", "123456789012"),
            BuilderAndAnnotation.class);

    assertThat(TestKit.entries(results))
        .containsEntry("region", "eu-central-1")
        .containsEntry("seed", "5")
        .containsEntry("account", "210987654321")
        .containsEntry("timeMode", "VIRTUAL");
  }

  @Fixture
  @CloudlessTest(region = "us-west-2", accountId = "210987654321", timeMode = TimeMode.REAL)
  static class BuilderAndAnnotation {
    @RegisterExtension
    static final CloudlessExtension cloudless =
        CloudlessExtension.builder()
            .region("eu-central-1")
            .seed(5)
            .timeMode(TimeMode.VIRTUAL)
            .build();

    @Test
    void test(FakeCloud cloud, TestReporter reporter) {
      publish(cloud, reporter);
    }
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "cloudless.time-mode | fast | Invalid Cloudless setting: configuration parameter"
            + " cloudless.time-mode is [fast]; allowed values are virtual and real (in any case).",
        "cloudless.seed | 4x2 | Invalid Cloudless setting: configuration parameter cloudless.seed"
            + " is [4x2]; expected a whole number from -9223372036854775808 to"
            + " 9223372036854775807, or random for a fresh seed per cloud.",
        "cloudless.region | mars-1 | Invalid Cloudless setting: configuration parameter"
            + " cloudless.region is [mars-1]; region [mars-1] is not an AWS region name",
        "cloudless.account-id | 42 | Invalid Cloudless setting: configuration parameter"
            + " cloudless.account-id is [42]; account id [42] is not an AWS account id; it must"
            + " be 12 digits."
      })
  void aBadConfigurationValueFailsNamingTheKeyTheValueAndWhatIsAllowed(
      String key, String value, String message) {
    EngineExecutionResults results = TestKit.run(Map.of(key, value), PlainAnnotation.class);

    assertThat(TestKit.failures(results))
        .singleElement(THROWABLE)
        .isInstanceOf(ExtensionConfigurationException.class)
        .extracting(Throwable::getMessage)
        .asString()
        .startsWith(message);
  }

  @Test
  void aBadAnnotationValueIsReportedWhereItWasWritten() {
    EngineExecutionResults results = TestKit.run(BadAnnotation.class);

    assertThat(TestKit.failures(results))
        .singleElement(THROWABLE)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith(
            "Invalid Cloudless setting: @CloudlessTest(region) on method "
                + BadAnnotation.class.getName()
                + ".test() is [Europe]");
  }

  @Fixture
  static class BadAnnotation {
    @Test
    @CloudlessTest(region = "Europe")
    void test() {}
  }

  @Test
  void moreThanOneSeedInTheAnnotationIsRefused() {
    EngineExecutionResults results = TestKit.run(TwoSeeds.class);

    assertThat(TestKit.failures(results))
        .singleElement(THROWABLE)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("gives 2 seeds; give at most one");
  }

  @Fixture
  @CloudlessTest(seed = {1, 2})
  static class TwoSeeds {
    @Test
    void test() {}
  }

  @Test
  void theBuilderRefusesABadRegionWhenBuilt() {
    CloudlessExtension.Builder builder = CloudlessExtension.builder().region("moon");

    assertThatThrownBy(builder::build)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith(
            "Invalid Cloudless setting: CloudlessExtension.builder().region() is [moon]");
  }

  @Test
  void aRandomSeedIsDrawnForEachCloudAndPrintedWhenTheTestFails() {
    EngineExecutionResults results =
        TestKit.run(Map.of("cloudless.seed", "random"), RandomSeedFails.class);

    String seed = TestKit.entries(results, "seed").get(0);
    assertThat(TestKit.failures(results))
        .singleElement(THROWABLE)
        .extracting(failure -> failure.getSuppressed()[0].getMessage())
        .asString()
        .contains("Cloudless seed: " + seed)
        .contains("replay this run with cloudless.seed=" + seed);
  }

  @Fixture
  @CloudlessTest
  static class RandomSeedFails {
    @Test
    void test(FakeCloud cloud, TestReporter reporter) {
      publish(cloud, reporter);
      throw new AssertionError("fails on purpose");
    }
  }
}
