package dev.cloudless.fakes.lambda;

import static dev.cloudless.fakes.faults.Faults.onFunction;
import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutionEnvironmentsTest {

  private final FakeCloud cloud = FakeCloud.create();
  private final FakeLambda lambda = cloud.lambda();

  @AfterEach
  void close() {
    cloud.close();
  }

  private List<Boolean> coldStarts(String function) {
    return lambda.function(function).invocations().stream().map(Invocation::coldStart).toList();
  }

  @Test
  void anEnvironmentIdleLongerThanTheIdleTimeoutIsRecycled() {
    lambda.settings(LambdaSettings.defaults().environmentIdleTimeout(Duration.ofMinutes(5)));
    lambda.create(FunctionSpec.named("f").handler(Map.class, (in, ctx) -> "ok"));

    lambda.invoke("f", "{}");
    cloud.advance(Duration.ofMinutes(4));
    lambda.invoke("f", "{}");
    cloud.advance(Duration.ofMinutes(5));
    lambda.invoke("f", "{}");

    assertThat(coldStarts("f")).containsExactly(true, false, true);
    assertThat(cloud.journal().events(LambdaEvent.EnvironmentRecycled.class))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.reason()).isEqualTo("idle");
              // Idle from the end of the second call (t+4m0.2s) for five minutes.
              assertThat(Duration.between(FakeCloud.DEFAULT_START, e.time()))
                  .isEqualTo(Duration.ofMinutes(9).plusMillis(200));
            });
  }

  @Test
  void forceColdStartAndTheColdStartFaultGiveFreshEnvironments() {
    lambda.create(FunctionSpec.named("f").handler(Map.class, (in, ctx) -> "ok"));

    lambda.invoke("f", "{}");
    lambda.forceColdStart("f");
    lambda.invoke("f", "{}");
    cloud.faults().inject(onFunction("f").coldStart().once());
    lambda.invoke("f", "{}");
    lambda.invoke("f", "{}");

    assertThat(coldStarts("f")).containsExactly(true, true, true, false);
  }

  /** Counts files it writes to /tmp, found through the library's API. */
  public static final class TmpWriter implements RequestHandler<Map<String, Object>, Integer> {
    @Override
    public Integer handleRequest(Map<String, Object> input, Context context) {
      Path tmp = LambdaEnvironment.of(context).tmpDirectory();
      try {
        Files.write(tmp.resolve("call-" + context.getAwsRequestId()), new byte[16]);
        int size = ((Number) input.getOrDefault("bytes", 0)).intValue();
        if (size > 0) {
          // A sparse file: as large as asked on the file system, without writing the bytes.
          try (RandomAccessFile big = new RandomAccessFile(tmp.resolve("big").toFile(), "rw")) {
            big.setLength(size);
          }
        }
        try (var files = Files.list(tmp)) {
          return (int) files.count();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Test
  void tmpIsPerEnvironmentKeptWhileWarmGoneWhenRecycled() {
    lambda.create(FunctionSpec.named("f").handler(TmpWriter.class));

    String first = lambda.invoke("f", "{}").payload();
    String second = lambda.invoke("f", "{}").payload();
    lambda.forceColdStart("f");
    String afterRecycle = lambda.invoke("f", "{}").payload();

    assertThat(List.of(first, second, afterRecycle)).containsExactly("1", "2", "1");
  }

  @Test
  void tmpSurvivesTheResetAfterATimeout() {
    lambda.create(FunctionSpec.named("f").handler(TmpWriter.class));
    lambda.invoke("f", "{}");
    cloud.faults().inject(onFunction("f").timeout().once());

    lambda.invoke("f", "{}");
    String afterReset = lambda.invoke("f", "{}").payload();

    assertThat(coldStarts("f")).containsExactly(true, false, true);
    assertThat(afterReset).isEqualTo("2");
  }

  @Test
  void leavingMoreInTmpThanItsSizeFailsTheInvocationAsAFullDiskDoes() {
    lambda.create(FunctionSpec.named("f").handler(TmpWriter.class).ephemeralStorage(512));

    InvocationResult result = lambda.invoke("f", "{\"bytes\":" + (513 * 1024 * 1024) + "}");

    assertThat(result.functionError()).isEqualTo("Unhandled");
    assertThatJson(result.payload())
        .isEqualTo(
            "{\"errorMessage\":\"No space left on device\",\"errorType\":\"java.io.IOException\","
                + "\"stackTrace\":[]}");
  }

  @Test
  void environmentVariablesReachTheHandlerBesideLambdasOwn() {
    List<String> seen = new ArrayList<>();
    lambda.create(
        FunctionSpec.named("f")
            .memory(1769)
            .environmentVariable("TABLE", "orders")
            .handler(
                Map.class,
                (in, ctx) -> {
                  LambdaEnvironment env = LambdaEnvironment.of(ctx);
                  seen.add(env.variable("TABLE").orElseThrow());
                  seen.add(env.variable("AWS_LAMBDA_FUNCTION_NAME").orElseThrow());
                  seen.add(env.variable("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").orElseThrow());
                  seen.add(env.variable("AWS_REGION").orElseThrow());
                  seen.add(String.valueOf(env.vcpus()));
                  return null;
                }));

    lambda.invoke("f", "{}");

    assertThat(seen).containsExactly("orders", "f", "1769", "us-east-1", "1.0");
  }

  @Test
  void aHandlerFactoryReceivesTheEnvironmentOncePerEnvironment() {
    List<String> constructed = new ArrayList<>();
    lambda.create(
        FunctionSpec.named("f")
            .environmentVariable("GREETING", "hello")
            .handlerFactory(
                env -> {
                  String greeting = env.variable("GREETING").orElseThrow();
                  constructed.add(greeting);
                  return (RequestHandler<Map<?, ?>, String>) (in, ctx) -> greeting + " world";
                }));

    InvocationResult first = lambda.invoke("f", "{}");
    lambda.invoke("f", "{}");

    assertThat(first.payload()).isEqualTo("\"hello world\"");
    assertThat(constructed).containsExactly("hello");
  }

  @Test
  void environmentVariablesFollowAwsRules() {
    assertThatThrownBy(() -> FunctionSpec.named("f").environmentVariable("AWS_REGION", "x"))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageContaining("Reserved keys used in this request: AWS_REGION");
    assertThatThrownBy(() -> FunctionSpec.named("f").environmentVariable("1BAD", "x"))
        .hasMessageContaining("Value '1BAD' at 'environment.variables'");
    assertThatThrownBy(() -> FunctionSpec.named("f").environmentVariable("BIG", "x".repeat(4096)))
        .hasMessageContaining("exceeded the 4KB limit");
  }

  @Test
  void memoryBuysCpuSoMoreMemoryRunsFaster() {
    lambda.create(
        FunctionSpec.named("f")
            .memory(512)
            .runsFor(Duration.ofMillis(800))
            .handler(Map.class, (in, ctx) -> "ok"));
    lambda.invoke("f", "{}");

    lambda.updateFunctionConfiguration("f", spec -> spec.memory(1024));
    lambda.invoke("f", "{}");
    lambda.updateFunctionConfiguration("f", spec -> spec.memory(3008));
    lambda.invoke("f", "{}");

    assertThat(lambda.function("f").invocations())
        .extracting(Invocation::duration)
        .containsExactly(
            Duration.ofMillis(800), Duration.ofMillis(400), Duration.ofNanos(231_543_245L));
  }

  @Test
  void initDurationDelaysColdStartsIsReportedAndBilled() {
    lambda.create(
        FunctionSpec.named("f")
            .initDuration(Duration.ofMillis(450))
            .handler(Map.class, (in, ctx) -> "ok"));

    lambda.invoke("f", "{}");
    lambda.invoke("f", "{}");

    List<Invocation> calls = lambda.function("f").invocations();
    assertThat(calls.get(0).duration()).isEqualTo(Duration.ofMillis(550));
    assertThat(calls.get(0).billedDuration()).isEqualTo(Duration.ofMillis(550));
    assertThat(calls.get(0).logs().get(calls.get(0).logs().size() - 1))
        .endsWith("\tInit Duration: 450.00 ms\t");
    assertThat(calls.get(1).duration()).isEqualTo(Duration.ofMillis(100));
    assertThat(calls.get(1).logs().get(calls.get(1).logs().size() - 1))
        .doesNotContain("Init Duration");
    assertThatThrownBy(() -> FunctionSpec.named("g").initDuration(Duration.ofSeconds(11)))
        .hasMessageContaining("caps the Init phase at 10 seconds");
  }

  @Test
  void usingMoreMemoryThanConfiguredIsKilledAsLambdaKillsIt() {
    lambda.create(
        FunctionSpec.named("f").memory(128).memoryUsed(200).handler(Map.class, (in, ctx) -> "ok"));

    InvocationResult result = lambda.invoke("f", "{}");

    assertThat(result.functionError()).isEqualTo("Unhandled");
    assertThatJson(result.payload())
        .isEqualTo(
            "{\"errorMessage\":\"RequestId: "
                + result.requestId()
                + " Error: Runtime exited with error: signal: killed\","
                + "\"errorType\":\"Runtime.ExitError\"}");
    assertThat(lambda.function("f").invocations().get(0).logs())
        .last()
        .asString()
        .contains("\tMax Memory Used: 128 MB\t");
  }

  @Test
  void costIsComputedFromBilledDurationAndMemory() {
    lambda.create(
        FunctionSpec.named("f")
            .memory(1024)
            .runsFor(Duration.ofMillis(1000))
            .handler(Map.class, (in, ctx) -> "ok"));
    lambda.settings(
        LambdaSettings.defaults().prices(new BigDecimal("0.00001"), new BigDecimal("0.20")));

    for (int i = 0; i < 4; i++) {
      lambda.invoke("f", "{}");
    }

    LambdaCost cost = lambda.function("f").cost();
    assertThat(cost.requests()).isEqualTo(4);
    assertThat(cost.gbSeconds()).isEqualByComparingTo("4");
    assertThat(cost.computeCost()).isEqualByComparingTo("0.00004");
    assertThat(cost.requestCost()).isEqualByComparingTo("0.0000008");
    assertThat(cost.total()).isEqualByComparingTo("0.0000408");
    assertThat(lambda.cost()).isEqualTo(cost);
  }
}
