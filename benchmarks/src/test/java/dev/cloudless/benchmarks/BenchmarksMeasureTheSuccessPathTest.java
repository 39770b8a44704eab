package dev.cloudless.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.lambda.InvocationResult;
import dev.cloudless.fakes.sqs.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A benchmark that silently measured an error path would report a flattering number. These run each
 * benchmark's operation a few times, through its JMH setup and teardown, and check the result is
 * the success the benchmark claims to measure. Nothing here is timed.
 */
class BenchmarksMeasureTheSuccessPathTest {

  @Test
  void lifecycleBenchmarkInvokesTheHandlerInItsOwnCloud() {
    InvocationResult result = new FakeCloudLifecycleBenchmark().createInvokeOnceAndClose();

    assertThat(result.isFunctionError()).isFalse();
    assertThat(result.payload()).isEqualTo(PriceHandler.RESPONSE);
  }

  @Test
  void apiGatewayBenchmarkGetsTheSameAnswerInProcessOverHttpAndFromWireMock() {
    ApiGatewayBenchmark benchmark = new ApiGatewayBenchmark();
    try {
      benchmark.start();
      for (int i = 0; i < 3; i++) {
        assertThat(benchmark.inProcess().bodyAsString()).isEqualTo(ApiGatewayBenchmark.BODY);
        assertThat(benchmark.loopbackHttp().body()).isEqualTo(ApiGatewayBenchmark.BODY);
        assertThat(benchmark.wireMockHttp().body()).isEqualTo(ApiGatewayBenchmark.BODY);
        assertThat(benchmark.inProcess().header("Content-Type")).isEqualTo("application/json");
      }
    } finally {
      benchmark.closeCloud();
      benchmark.stopWireMock();
    }
  }

  @Test
  void invokeBenchmarkGetsTheHandlersAnswerAcrossCloudReplacements() {
    LambdaInvokeBenchmark benchmark = new LambdaInvokeBenchmark();
    benchmark.opsPerCloud = "2";
    benchmark.newCloud();
    try {
      for (int i = 0; i < 5; i++) {
        InvocationResult latency = benchmark.invokeLatency();
        InvocationResult throughput = benchmark.invokeThroughput();

        assertThat(latency.statusCode()).isEqualTo(200);
        assertThat(latency.payload()).isEqualTo(PriceHandler.RESPONSE);
        assertThat(throughput.payload()).isEqualTo(PriceHandler.RESPONSE);
      }
    } finally {
      benchmark.closeCloud();
    }
  }

  @Test
  void sqsBenchmarkReceivesAndDeletesWhatItSendsAcrossCloudReplacements() {
    SqsBenchmark benchmark = new SqsBenchmark();
    benchmark.opsPerCloud = "2";
    benchmark.newCloud();
    try {
      for (int i = 0; i < 5; i++) {
        List<Message> one = benchmark.sendReceiveDelete();
        List<Message> ten = benchmark.sendTenReceiveOnceDeleteTen();

        assertThat(one).singleElement().extracting(Message::body).isEqualTo(SqsBenchmark.BODY);
        assertThat(ten).hasSize(10).allMatch(m -> m.body().equals(SqsBenchmark.BODY));
      }
    } finally {
      benchmark.closeCloud();
    }
  }

  @Test
  void handoffBaselineReturnsTheWorkersResult() throws Exception {
    WorkerHandoffBaseline baseline = new WorkerHandoffBaseline();
    baseline.startPool();
    try {
      assertThat(baseline.handoffLatency()).isEqualTo(42);
      assertThat(baseline.handoffThroughput()).isEqualTo(42);
    } finally {
      baseline.stopPool();
    }
  }

  @Test
  void cloudLifetimeIsAPositiveCountOrOneIteration() {
    assertThat(CloudLifetime.opsPerCloud("1000")).isEqualTo(1000);
    assertThat(CloudLifetime.opsPerCloud("iteration")).isEqualTo(Integer.MAX_VALUE);
    assertThatThrownBy(() -> CloudLifetime.opsPerCloud("0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("opsPerCloud")
        .hasMessageContaining("0");
  }

  @Test
  void stepFunctionsBenchmarkRunsTheTenStatesWithTheRetryAndTheOneDayWait() {
    StepFunctionsBenchmark benchmark = new StepFunctionsBenchmark();
    benchmark.opsPerCloud = "2";
    benchmark.newCloud();
    try {
      for (int i = 0; i < 5; i++) {
        dev.cloudless.fakes.stepfunctions.Execution run = benchmark.execute();

        assertThat(run.stopDate()).contains(run.startDate().plusSeconds(86_401));
        assertThat(run.history()).filteredOn(e -> e.type().endsWith("StateEntered")).hasSize(9);
        assertThat(run.history()).filteredOn(e -> e.type().equals("TaskFailed")).hasSize(1);
      }
    } finally {
      benchmark.closeCloud();
    }
  }

  @Test
  void retriesAndYearWaitBenchmarkWaitsTheYearThenRetriesTwice() {
    try (dev.cloudless.fakes.FakeCloud cloud = dev.cloudless.fakes.FakeCloud.create()) {
      RetriesAndYearWaitBenchmark.run(cloud);

      assertThat(cloud.clock().now())
          .isEqualTo(
              dev.cloudless.fakes.FakeCloud.DEFAULT_START
                  .plusSeconds(31_449_600)
                  .plus(java.time.Duration.ofMinutes(3))
                  // three attempts of the modelled 100 ms each; retries wait from an attempt's end
                  .plusMillis(300));
    }
  }
}
