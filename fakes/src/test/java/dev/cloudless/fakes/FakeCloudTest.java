package dev.cloudless.fakes;

import static dev.cloudless.fakes.faults.Faults.onFunction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.clock.TimeMode;
import dev.cloudless.fakes.lambda.FunctionSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeCloudTest {

  @Test
  void hasAwsDefaults() {
    try (FakeCloud cloud = FakeCloud.create()) {
      assertThat(cloud.accountId()).isEqualTo("000000000000");
      assertThat(cloud.region()).isEqualTo("us-east-1");
      assertThat(cloud.seed()).isZero();
      assertThat(cloud.timeMode()).isEqualTo(TimeMode.VIRTUAL);
    }
  }

  @Test
  void buildsArnsFromItsAccountAndRegion() {
    try (FakeCloud cloud =
        FakeCloud.builder().accountId("123456789012").region("eu-west-1").build()) {
      assertThat(cloud.sqs().createQueue("q").arn())
          .isEqualTo("arn:aws:sqs:eu-west-1:123456789012:q");
      assertThat(
              cloud
                  .lambda()
                  .create(FunctionSpec.named("f").handler(Map.class, (in, ctx) -> null))
                  .arn())
          .isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:f");
    }
    try (FakeCloud china = FakeCloud.builder().region("cn-north-1").build()) {
      assertThat(china.sqs().createQueue("q").arn()).startsWith("arn:aws-cn:sqs:cn-north-1:");
    }
  }

  @Test
  void refusesSettingsAwsWouldNotAccept() {
    assertThatThrownBy(() -> FakeCloud.builder().accountId("42"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[42]")
        .hasMessageContaining("12 digits");
    assertThatThrownBy(() -> FakeCloud.builder().region("Europe"))
        .hasMessageContaining("[Europe]")
        .hasMessageContaining("eu-west-1");
    assertThatThrownBy(() -> FakeCloud.builder().maxEventsPerRun(0))
        .hasMessageContaining("at least 1");
  }

  @Test
  void startsAtTheInstantItIsGiven() {
    Instant start = Instant.parse("2030-06-01T12:00:00Z");
    try (FakeCloud cloud = FakeCloud.builder().startAt(start).build()) {
      assertThat(cloud.clock().now()).isEqualTo(start);
    }
  }

  @Test
  void aClosedCloudRefusesUse() {
    FakeCloud cloud = FakeCloud.create();
    cloud.close();

    assertThatThrownBy(cloud::lambda)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(cloud::runUntilIdle).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void diagnosticsTellTheSeedTheFaultsTheJournalAndTheTimeline() {
    try (FakeCloud cloud = FakeCloud.builder().seed(1234).build()) {
      cloud.lambda().create(FunctionSpec.named("charge").handler(Map.class, (in, ctx) -> "ok"));
      cloud
          .faults()
          .inject(onFunction("charge").throwing(new IllegalStateException("boom")).once());
      cloud.lambda().invokeAsync("charge", "{}");
      cloud.runUntilIdle();

      String diagnostics = cloud.diagnostics();

      assertThat(diagnostics)
          .contains("Cloudless seed: 1234")
          .contains("Faults fired: 1")
          .contains("onFunction(\"charge\").throwing(IllegalStateException: boom).once()")
          .contains("Journal:")
          .contains("InvocationFinished")
          .contains("Timeline:")
          .contains("AWS::Lambda::Function charge");
      assertThat(cloud.clock().elapsed()).isGreaterThan(Duration.ofMinutes(1));
    }
  }
}
