package dev.cloudless.fakes.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.lambda.Invocation.Outcome;
import dev.cloudless.fakes.sqs.Queue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Concurrency is decided on virtual intervals: every call below starts at the same instant, from
 * scheduled events, and holds its slot for the function's two-second duration.
 */
class ConcurrencyTest {

  private final FakeCloud cloud = FakeCloud.create();
  private final FakeLambda lambda = cloud.lambda();

  @AfterEach
  void close() {
    cloud.close();
  }

  private void createFunction(String name) {
    lambda.create(
        FunctionSpec.named(name)
            .runsFor(Duration.ofSeconds(2))
            .handler(Map.class, (in, ctx) -> "ok"));
  }

  /**
   * Starts {@code count} synchronous invokes at the same instant; returns 429 reasons, in order.
   */
  private List<String> burst(String function, int count) {
    List<String> throttled = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      cloud
          .clock()
          .schedule(
              Duration.ZERO,
              "call " + function,
              () -> {
                try {
                  lambda.invoke(function, "{}");
                } catch (TooManyRequestsException e) {
                  throttled.add(e.reason());
                }
              });
    }
    cloud.runUntilIdle();
    return throttled;
  }

  @Test
  void theThousandAndFirstCallAtOneInstantExceedsTheAccountLimit() {
    createFunction("f");

    List<String> throttled = burst("f", 1001);

    assertThat(throttled).containsExactly("ConcurrentInvocationLimitExceeded");
    assertThat(lambda.function("f").invocations())
        .filteredOn(i -> i.outcome() == Outcome.THROTTLED)
        .hasSize(1);
  }

  @Test
  void slotsAreFreeAgainWhenTheVirtualIntervalEnds() {
    lambda.settings(LambdaSettings.defaults().concurrentExecutions(1).minimumUnreserved(0));
    createFunction("f");

    assertThat(burst("f", 1)).isEmpty();
    cloud.advance(Duration.ofMillis(1999));
    assertThat(burst("f", 1)).containsExactly("ConcurrentInvocationLimitExceeded");
    cloud.advance(Duration.ofMillis(1));
    assertThat(burst("f", 1)).isEmpty();
  }

  @Test
  void aFunctionAtItsReservedConcurrencyIsThrottledWithTheReservedReason() {
    createFunction("f");
    lambda.putFunctionConcurrency("f", 2);

    assertThat(burst("f", 3)).containsExactly("ReservedFunctionConcurrentInvocationLimitExceeded");
  }

  @Test
  void reservedConcurrencyIsSetAsideFromTheUnreservedPool() {
    lambda.settings(LambdaSettings.defaults().concurrentExecutions(10).minimumUnreserved(2));
    createFunction("reserved");
    createFunction("shared");
    lambda.putFunctionConcurrency("reserved", 8);

    assertThat(burst("shared", 3)).containsExactly("ConcurrentInvocationLimitExceeded");
    assertThat(burst("reserved", 8)).isEmpty();
  }

  @Test
  void reservedZeroThrottlesEverySynchronousCall() {
    createFunction("off");
    lambda.putFunctionConcurrency("off", 0);

    assertThatThrownBy(() -> lambda.invoke("off", "{}"))
        .isInstanceOfSatisfying(
            TooManyRequestsException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(429);
              assertThat(e.reason()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
            });
  }

  @Test
  void reservedZeroSendsAsynchronousEventsStraightToTheDeadLetterQueueWithoutRetries() {
    Queue dlq = cloud.sqs().createQueue("dlq");
    lambda.create(
        FunctionSpec.named("off")
            .handler(Map.class, (in, ctx) -> "ok")
            .deadLetterQueue(dlq)
            .reservedConcurrency(0));

    InvocationResult accepted = lambda.invokeAsync("off", "{\"n\":1}");
    cloud.runUntilIdle();

    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(lambda.function("off").invocations()).isEmpty();
    assertThat(dlq.peek()).singleElement().extracting(m -> m.body()).isEqualTo("{\"n\":1}");
    assertThat(cloud.clock().elapsed()).isZero();
  }

  @Test
  void aThrottledAsynchronousEventIsKeptAndRetriedWithBackOff() {
    lambda.settings(LambdaSettings.defaults().concurrentExecutions(1).minimumUnreserved(0));
    createFunction("f");

    lambda.invokeAsync("f", "{}");
    lambda.invokeAsync("f", "{}");
    cloud.runUntilIdle();

    List<Invocation> attempts = lambda.function("f").invocations();
    assertThat(attempts)
        .extracting(Invocation::outcome)
        .containsExactly(
            Outcome.SUCCEEDED, Outcome.THROTTLED, Outcome.THROTTLED, Outcome.SUCCEEDED);
    // Back-off: 1 s, then 2 s; the first call freed its slot after 2 s.
    assertThat(attempts)
        .extracting(i -> Duration.between(FakeCloud.DEFAULT_START, i.startedAt()))
        .containsExactly(
            Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(3));
  }

  @Test
  void theUnreservedMinimumCannotBeReserved() {
    createFunction("a");
    createFunction("b");
    lambda.putFunctionConcurrency("a", 850);

    assertThatThrownBy(() -> lambda.putFunctionConcurrency("b", 51))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("InvalidParameterValueException"))
        .hasMessage(
            "Specified ReservedConcurrentExecutions for function decreases account's"
                + " UnreservedConcurrentExecution below its minimum value of [100].");
    lambda.putFunctionConcurrency("b", 50);
    assertThat(lambda.function("b").reservedConcurrency()).hasValue(50);
  }

  @Test
  void aSmallAccountKeepsItsWholeQuotaUnreserved() {
    lambda.settings(LambdaSettings.defaults().concurrentExecutions(10));
    createFunction("a");

    assertThatThrownBy(() -> lambda.putFunctionConcurrency("a", 1))
        .hasMessageContaining("below its minimum value of [10].");
  }

  @Test
  void provisionedEnvironmentsStartWarm() {
    List<String> initialisation = new ArrayList<>();
    lambda.create(
        FunctionSpec.named("f")
            .handlerFactory(
                env -> {
                  initialisation.add(env.variable("AWS_LAMBDA_INITIALIZATION_TYPE").orElseThrow());
                  return (com.amazonaws.services.lambda.runtime.RequestHandler<Map<?, ?>, String>)
                      (in, ctx) -> "ok";
                }));
    lambda.publishVersion("f");
    lambda.createAlias("f", AliasSpec.named("live").version("1"));

    ProvisionedConcurrencyConfig config = lambda.putProvisionedConcurrencyConfig("f", "live", 2);
    lambda.invoke("f:live", "{}");
    lambda.invoke("f:live", "{}");

    assertThat(config.status()).isEqualTo("READY");
    assertThat(config.availableProvisionedConcurrentExecutions()).isEqualTo(2);
    assertThat(initialisation)
        .containsExactly("provisioned-concurrency", "provisioned-concurrency");
    assertThat(lambda.function("f").invocations())
        .extracting(Invocation::coldStart)
        .containsOnly(false);
  }

  @Test
  void beyondItsProvisionedEnvironmentsAnAliasSpillsOverToOnDemand() {
    createFunction("f");
    lambda.publishVersion("f");
    lambda.createAlias("f", AliasSpec.named("live").version("1"));
    lambda.putProvisionedConcurrencyConfig("f", "live", 1);

    burst("f:live", 2);

    assertThat(cloud.journal().events(LambdaEvent.InvocationStarted.class))
        .extracting(LambdaEvent.InvocationStarted::initializationType)
        .containsExactly("provisioned-concurrency", "on-demand");
  }

  @Test
  void provisioningFollowsAwsRules() {
    createFunction("f");
    lambda.publishVersion("f");

    assertThatThrownBy(() -> lambda.putProvisionedConcurrencyConfig("f", "$LATEST", 1))
        .hasMessage(
            "Provisioned Concurrency Configs cannot be applied to unpublished function versions.");
    lambda.putFunctionConcurrency("f", 2);
    assertThatThrownBy(() -> lambda.putProvisionedConcurrencyConfig("f", "1", 3))
        .hasMessage(
            "Requested Provisioned Concurrency should not be greater than the"
                + " reservedConcurrentExecution for function");
    lambda.deleteFunctionConcurrency("f");
    assertThatThrownBy(() -> lambda.putProvisionedConcurrencyConfig("f", "1", 901))
        .hasMessage(
            "Specified ConcurrentExecutions for function is greater than account's unreserved"
                + " concurrency [1000].");
  }

  @Test
  void provisionedConcurrencyComesOutOfTheUnreservedPool() {
    lambda.settings(LambdaSettings.defaults().concurrentExecutions(10).minimumUnreserved(2));
    createFunction("warm");
    createFunction("other");
    lambda.publishVersion("warm");
    lambda.putProvisionedConcurrencyConfig("warm", "1", 6);

    assertThat(burst("other", 5)).containsExactly("ConcurrentInvocationLimitExceeded");
  }

  @Test
  void aFailingInitialisationFailsTheProvisioning() {
    lambda.create(
        FunctionSpec.named("broken")
            .handlerFactory(
                env -> {
                  throw new IllegalStateException("no config");
                }));
    lambda.publishVersion("broken");

    ProvisionedConcurrencyConfig config = lambda.putProvisionedConcurrencyConfig("broken", "1", 1);

    assertThat(config.status()).isEqualTo("FAILED");
    assertThat(config.statusReason()).isEqualTo("FUNCTION_ERROR_INIT_FAILURE");
  }
}
