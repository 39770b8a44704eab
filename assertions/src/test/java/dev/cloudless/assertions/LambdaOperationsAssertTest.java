package dev.cloudless.assertions;

import static dev.cloudless.assertions.CloudlessAssertions.assertThat;
import static dev.cloudless.assertions.CloudlessAssertions.assertThatThrownBy;
import static dev.cloudless.fakes.faults.Faults.onFunction;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.lambda.AliasSpec;
import dev.cloudless.fakes.lambda.FunctionCode;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.lambda.LambdaFunction;
import dev.cloudless.fakes.lambda.LambdaSettings;
import dev.cloudless.fakes.lambda.TooManyRequestsException;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Assertions on what versions, concurrency, cost and destinations leave in the journal. */
class LambdaOperationsAssertTest {

  private final FakeCloud cloud = FakeCloud.create();

  @AfterEach
  void close() {
    cloud.close();
  }

  private LambdaFunction function(String name) {
    RequestHandler<Object, String> ok = (input, context) -> "ok";
    return cloud.lambda().create(FunctionSpec.named(name).handler(ok));
  }

  @Test
  void throttlesAreCountedWithTheirReasons() {
    LambdaFunction f = function("f");
    cloud
        .faults()
        .inject(
            onFunction("f").throttle("ReservedFunctionConcurrentInvocationLimitExceeded").once());
    try {
      f.invoke("{}");
    } catch (TooManyRequestsException expected) {
      // The assertion reads the journal, not the exception.
    }
    f.invoke("{}");

    assertThat(f)
        .hasThrottles(1)
        .hasThrottleReasons("ReservedFunctionConcurrentInvocationLimitExceeded");
    assertThat(f)
        .firstInvocation()
        .wasThrottledWithReason("ReservedFunctionConcurrentInvocationLimitExceeded");
    assertThatThrownBy(() -> assertThat(f).hasThrottles(2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Expecting function [f] to have been throttled 2 times but it was throttled 1 time.");
    assertThatThrownBy(
            () ->
                assertThat(f)
                    .firstInvocation()
                    .wasThrottledWithReason("ConcurrentInvocationLimitExceeded"))
        .hasMessageContaining(
            "to be throttled with reason [ConcurrentInvocationLimitExceeded] but it was THROTTLED"
                + " (TooManyRequestsException: ReservedFunctionConcurrentInvocationLimitExceeded)");
  }

  @Test
  void theShareOfAVersionIsCheckedWithinATolerance() {
    RequestHandler<Object, String> ok = (input, context) -> "ok";
    cloud.lambda().create(FunctionSpec.named("f").handler(ok).runsFor(Duration.ZERO));
    cloud.lambda().publishVersion("f");
    cloud
        .lambda()
        .updateFunctionCode(
            "f", FunctionCode.handler((RequestHandler<Object, String>) (in, c) -> "v2"));
    cloud.lambda().publishVersion("f");
    cloud.lambda().createAlias("f", AliasSpec.named("live").version("1").routing("2", 0.25));
    LambdaFunction f = cloud.lambda().function("f");
    for (int i = 0; i < 2000; i++) {
      f.invoke("{}");
    }
    cloud.lambda().invoke("f:live", "{}");

    assertThat(f).firstInvocation().hasExecutedVersion("$LATEST");
    assertThatThrownBy(() -> assertThat(f).hasExecutedVersionShare("2", 0.25, 0.02))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to run version [2] for 0.2500 (+/- 0.0200) of its invocations")
        .hasMessageContaining("versions run: {$LATEST=2000, ");
  }

  @Test
  void aWeightedAliasMeetsItsShare() {
    RequestHandler<Object, String> ok = (input, context) -> "ok";
    cloud.lambda().create(FunctionSpec.named("f").handler(ok).runsFor(Duration.ZERO));
    cloud.lambda().publishVersion("f");
    cloud
        .lambda()
        .updateFunctionCode(
            "f", FunctionCode.handler((RequestHandler<Object, String>) (in, c) -> "v2"));
    cloud.lambda().publishVersion("f");
    cloud.lambda().createAlias("f", AliasSpec.named("live").version("1").routing("2", 0.25));
    for (int i = 0; i < 2000; i++) {
      cloud.lambda().invoke("f:live", "{}");
    }

    assertThat(cloud.lambda().function("f")).hasExecutedVersionShare("2", 0.25, 0.03);
  }

  @Test
  void costIsAssertedInUsd() {
    LambdaFunction f = function("f");
    cloud
        .lambda()
        .settings(LambdaSettings.defaults().prices(new BigDecimal("0.00001"), new BigDecimal("1")));
    f.invoke("{}");

    // 100 ms at 128 MB: 0.0125 GB-s, plus one request of a million at USD 1.
    assertThat(f).hasCost(new BigDecimal("0.000000125").add(new BigDecimal("0.000001")));
    assertThat(f).costsAtMost(new BigDecimal("0.01"));
    assertThatThrownBy(() -> assertThat(f).costsAtMost(new BigDecimal("0.000001")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to cost at most USD 0.000001 but it cost 1 requests, 0.0125 GB-s");
  }

  @Test
  void destinationRecordsAreAssertedByCondition() {
    var successes = cloud.sqs().createQueue("successes");
    RequestHandler<Object, String> ok = (input, context) -> "ok";
    LambdaFunction f =
        cloud.lambda().create(FunctionSpec.named("f").handler(ok).onSuccess(successes));
    f.invokeAsync("{}");
    cloud.runUntilIdle();

    assertThat(f).hasDestinationRecords("Success");
    assertThat(successes)
        .singleMessage()
        .jsonBody()
        .inPath("requestContext.condition")
        .isEqualTo("Success");
    assertThatThrownBy(() -> assertThat(f).hasDestinationRecords("RetriesExhausted"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "to have sent records [RetriesExhausted] to its destinations but it sent [Success].");
  }

  @Test
  void billedDurationIsAsserted() {
    RequestHandler<Object, String> ok = (input, context) -> "ok";
    LambdaFunction f =
        cloud
            .lambda()
            .create(
                FunctionSpec.named("f")
                    .handler(ok)
                    .runsFor(Duration.ofNanos(1_200_001))
                    .initDuration(Duration.ofMillis(300)));
    f.invoke("{}");

    assertThat(f).singleInvocation().hasBilledDuration(Duration.ofMillis(302));
  }
}
