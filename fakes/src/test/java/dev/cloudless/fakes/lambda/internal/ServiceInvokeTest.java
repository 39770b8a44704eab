package dev.cloudless.fakes.lambda.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.clock.TimeMode;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.FunctionInvoker;
import dev.cloudless.fakes.internal.FunctionInvoker.ServiceInvocation;
import dev.cloudless.fakes.lambda.FunctionSpec;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The invoke other services make: Lambda's checks and limits, with the clock left alone. */
class ServiceInvokeTest {

  private final CloudContext cloud =
      new CloudContext(
          "123456789012", "us-east-1", 0, TimeMode.VIRTUAL, FakeCloud.DEFAULT_START, 1_000, "test");
  private final LambdaService lambda = new LambdaService(cloud);
  private final FunctionInvoker invoker = cloud.resources().functions();

  @AfterEach
  void close() {
    cloud.close();
  }

  @Test
  void aServiceInvokeAnswersWithTheEndButLeavesTheClockWhereItIs() {
    lambda.create(
        FunctionSpec.named("echo")
            .handler(Map.class, (in, ctx) -> in)
            .runsFor(Duration.ofMillis(250)));

    ServiceInvocation answer = invoker.invoke("echo", null, "RequestResponse", "{\"a\":1}", null);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.payload()).isEqualTo("{\"a\":1}");
    assertThat(answer.executedVersion()).isEqualTo("$LATEST");
    assertThat(answer.functionError()).isNull();
    assertThat(answer.endedAt()).isEqualTo(FakeCloud.DEFAULT_START.plusMillis(250));
    assertThat(cloud.now()).isEqualTo(FakeCloud.DEFAULT_START);
  }

  @Test
  void aFunctionErrorIsAnAnswerNotAnException() {
    lambda.create(
        FunctionSpec.named("boom")
            .handler(
                Map.class,
                (in, ctx) -> {
                  throw new IllegalStateException("no stock");
                }));

    ServiceInvocation answer =
        invoker.invoke(
            "arn:aws:lambda:us-east-1:123456789012:function:boom",
            null,
            "RequestResponse",
            "{}",
            null);

    assertThat(answer.functionError()).isEqualTo("Unhandled");
    assertThat(answer.payload()).contains("\"errorMessage\":\"no stock\"");
  }

  @Test
  void anEventInvokeIsQueuedAndAnsweredAtOnce() {
    lambda.create(FunctionSpec.named("later").handler(Map.class, (in, ctx) -> "ok"));

    ServiceInvocation answer = invoker.invoke("later", null, "Event", "{}", null);

    assertThat(answer.statusCode()).isEqualTo(202);
    assertThat(answer.endedAt()).isEqualTo(cloud.now());
    assertThat(lambda.function("later").invocations()).isEmpty();
    cloud.scheduler().runUntilIdle();
    assertThat(lambda.function("later").invocations()).hasSize(1);
  }

  @Test
  void refusalsAreLambdasOwnErrors() {
    lambda.create(FunctionSpec.named("f").handler(Map.class, (in, ctx) -> "ok"));
    lambda.putFunctionConcurrency("f", 0);

    assertThatThrownBy(() -> invoker.invoke("f", null, "RequestResponse", "{}", null))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("TooManyRequestsException"));
    assertThatThrownBy(() -> invoker.invoke("missing", null, "RequestResponse", "{}", null))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException"));
    assertThatThrownBy(() -> invoker.invoke("f", null, "Sometimes", "{}", null))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e ->
                assertThat(e.getMessage())
                    .contains("Value 'Sometimes' at 'invocationType' failed to satisfy"));
  }
}
