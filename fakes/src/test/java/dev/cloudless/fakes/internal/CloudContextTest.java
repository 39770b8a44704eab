package dev.cloudless.fakes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.clock.TimeMode;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.lambda.internal.LambdaService;
import dev.cloudless.fakes.sqs.internal.SqsService;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudContextTest {

  @Test
  void aCloudStartsNoThreadUntilAHandlerRuns() {
    try (CloudContext cloud =
        new CloudContext(
            "000000000000",
            "us-east-1",
            0,
            TimeMode.VIRTUAL,
            FakeCloud.DEFAULT_START,
            1_000,
            "test")) {
      LambdaService lambda = new LambdaService(cloud);
      new SqsService(cloud).createQueue("q").send("hello");
      lambda.create(FunctionSpec.named("f").handler(Map.class, (in, ctx) -> "ok"));
      lambda.invokeAsync("f", "{}");

      assertThat(cloud.workers().started()).isFalse();
      assertThat(cloud.scheduler().dispatcherStarted()).isFalse();

      cloud.scheduler().runUntilIdle();

      assertThat(cloud.workers().started()).isTrue();
      assertThat(cloud.scheduler().dispatcherStarted()).isFalse();
    }
  }
}
