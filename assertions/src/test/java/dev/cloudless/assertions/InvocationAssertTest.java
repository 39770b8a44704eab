package dev.cloudless.assertions;

import static dev.cloudless.assertions.CloudlessAssertions.assertThat;
import static dev.cloudless.assertions.CloudlessAssertions.assertThatThrownBy;
import static dev.cloudless.assertions.CloudlessAssertions.catchThrowable;
import static dev.cloudless.fakes.faults.Faults.onFunction;
import static dev.cloudless.fakes.lambda.Invocation.Outcome.SERVICE_ERROR;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.lambda.Invocation;
import dev.cloudless.fakes.lambda.InvocationType;
import dev.cloudless.fakes.lambda.LambdaFunction;
import dev.cloudless.fakes.lambda.TooManyRequestsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InvocationAssertTest {

  private final FakeCloud cloud = FakeCloud.create();

  @AfterEach
  void close() {
    cloud.close();
  }

  private LambdaFunction price() {
    RequestHandler<Object, String> logging =
        (input, context) -> {
          context.getLogger().log("pricing o-42");
          return "priced";
        };
    return cloud.lambda().create(FunctionSpec.named("price").handler(logging));
  }

  private Invocation onlyInvocation(LambdaFunction function) {
    return function.invocations().get(function.invocations().size() - 1);
  }

  @Test
  void succeededPassesForAReturnedResultAndFailsWithTheOutcomeAndError() {
    LambdaFunction price = price();
    price.invoke("{}");
    cloud
        .faults()
        .inject(onFunction("price").throwing(new IllegalStateException("no tariff")).once());
    price.invoke("{}");

    assertThat(price).invocation(1).succeeded().hasOutcome(Invocation.Outcome.SUCCEEDED);
    assertThat(price).invocation(2).failed();
    assertThatThrownBy(() -> assertThat(price).invocation(2).succeeded())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting invocation 2 of function [price] to have outcome SUCCEEDED"
                + " but it was FAILED (java.lang.IllegalStateException: no tariff).");
    assertThatThrownBy(() -> assertThat(price).invocation(1).failed())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting invocation 1 of function [price] to have outcome FAILED"
                + " but it was SUCCEEDED.");
  }

  @Test
  void timedOutAndWasThrottledReadTheOutcomesLambdaDecides() {
    LambdaFunction price = price();
    cloud.faults().inject(onFunction("price").timeout().once());
    price.invoke("{}");
    cloud.faults().inject(onFunction("price").throttle().once());
    Throwable refused = catchThrowable(() -> price.invoke("{}"));
    cloud.faults().inject(onFunction("price").serviceError().once());
    catchThrowable(() -> price.invoke("{}"));

    assertThat(refused).isInstanceOf(TooManyRequestsException.class);
    assertThat(price)
        .invocation(1)
        .timedOut()
        .hasErrorType("Sandbox.Timedout")
        .hasDuration(ofSeconds(3));
    assertThat(price)
        .invocation(2)
        .wasThrottled()
        .hasErrorType("TooManyRequestsException")
        .hasErrorMessage("ConcurrentInvocationLimitExceeded");
    assertThat(price).invocation(3).hasOutcome(SERVICE_ERROR);
    assertThatThrownBy(() -> assertThat(price).invocation(1).wasThrottled())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting invocation 1 of function [price] to have outcome THROTTLED"
                + " but it was TIMED_OUT (Sandbox.Timedout: RequestId: ");
    assertThatThrownBy(() -> assertThat(price).invocation(2).timedOut())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting invocation 2 of function [price] to have outcome TIMED_OUT"
                + " but it was THROTTLED (TooManyRequestsException: ConcurrentInvocationLimitExceeded).");
  }

  @Test
  void hasErrorTypeIsExactAndHasErrorMessageLooksForAPart() {
    LambdaFunction price = price();
    cloud.faults().inject(onFunction("price").timeout().once());
    price.invoke("{}");
    price.invoke("{}");

    assertThat(price)
        .invocation(1)
        .hasErrorType("Sandbox.Timedout")
        .hasErrorMessage("Task timed out after 3.00 seconds");
    assertThatThrownBy(() -> assertThat(price).invocation(1).hasErrorType("Sandbox"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting invocation 1 of function [price] to have error type [Sandbox]"
                + " but it was [Sandbox.Timedout].");
    assertThatThrownBy(() -> assertThat(price).invocation(1).hasErrorMessage("after 4.00 seconds"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting invocation 1 of function [price] to have an error message containing"
                + " [after 4.00 seconds] but it was [RequestId: ");
    assertThatThrownBy(() -> assertThat(price).invocation(2).hasErrorType("Sandbox.Timedout"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting invocation 2 of function [price] to have error type [Sandbox.Timedout]"
                + " but it had no error.");
    assertThatThrownBy(() -> assertThat(price).invocation(2).hasErrorMessage("timed out"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("containing [timed out] but it had no error.");
  }

  @Test
  void wasColdStartAndWasWarmStartTellNewEnvironmentsFromReusedOnes() {
    LambdaFunction price = price();
    price.invoke("{}");
    price.invoke("{}");

    assertThat(price).invocation(1).wasColdStart();
    assertThat(price).invocation(2).wasWarmStart();
    assertThatThrownBy(() -> assertThat(price).invocation(2).wasColdStart())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting invocation 2 of function [price] to be a cold start"
                + " but it ran in a warm execution environment.");
    assertThatThrownBy(() -> assertThat(price).invocation(1).wasWarmStart())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting invocation 1 of function [price] to reuse a warm execution environment"
                + " but it was a cold start.");
  }

  @Test
  void isAttemptHasRequestIdAndHasInvocationTypeIdentifyTheAttempt() {
    LambdaFunction price = price();
    cloud
        .faults()
        .inject(onFunction("price").throwing(new IllegalStateException("no tariff")).once());
    String requestId = price.invokeAsync("{}").requestId();
    cloud.runUntilIdle();

    assertThat(price)
        .invocation(2)
        .isAttempt(2)
        .hasRequestId(requestId)
        .hasInvocationType(InvocationType.EVENT);
    assertThatThrownBy(() -> assertThat(price).invocation(2).isAttempt(1))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting invocation 2 of function [price] to be attempt 1 but it was attempt 2.");
    assertThatThrownBy(() -> assertThat(price).invocation(1).hasRequestId("other"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting invocation 1 of function [price] to have request id [other]"
                + " but it was ["
                + requestId
                + "].");
    assertThatThrownBy(
            () ->
                assertThat(price).invocation(1).hasInvocationType(InvocationType.REQUEST_RESPONSE))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting invocation 1 of function [price] to be invoked as RequestResponse"
                + " but it was invoked as Event.");
  }

  @Test
  void hasDurationReadsVirtualTimeInjectedLatencyIncluded() {
    RequestHandler<Object, String> ok = (input, context) -> "ok";
    LambdaFunction slow =
        cloud.lambda().create(FunctionSpec.named("slow").handler(ok).runsFor(ofMillis(250)));
    cloud.faults().inject(onFunction("slow").latency(ofSeconds(1)).once());
    slow.invoke("{}");

    assertThat(slow).singleInvocation().hasDuration(ofMillis(1_250));
    assertThatThrownBy(() -> assertThat(slow).singleInvocation().hasDuration(ofMillis(250)))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting invocation 1 of function [slow] to last PT0.25S of virtual time"
                + " but it lasted PT1.25S.");
  }

  @Test
  void hasLogContainingSearchesTheLinesTheInvocationLogged() {
    LambdaFunction price = price();
    price.invoke("{}");

    assertThat(price)
        .singleInvocation()
        .hasLogContaining("pricing o-42")
        .hasLogContaining("REPORT");
    assertThatThrownBy(() -> assertThat(price).singleInvocation().hasLogContaining("pricing o-43"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting invocation 1 of function [price] to have logged a line containing"
                + " [pricing o-43] but it did not.")
        .hasMessageContaining("\n  pricing o-42\n");
  }

  @Test
  void aLoneInvocationIsNamedByItsRequestAndShowsItsLogsButNoFunctionStory() {
    LambdaFunction price = price();
    price.invoke("{}");
    Invocation invocation = onlyInvocation(price);

    assertThat(invocation).succeeded().isAttempt(1);
    assertThatThrownBy(() -> assertThat(invocation).failed())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting invocation [attempt 1 of request "
                + invocation.requestId()
                + "] to have outcome FAILED but it was SUCCEEDED.\n"
                + "Invocation: attempt 1  SUCCEEDED  (RequestResponse, request "
                + invocation.requestId()
                + ", version $LATEST, cold start)\n"
                + "Logs:\n"
                + "  START RequestId: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Invocations of function"));
    assertThatThrownBy(() -> assertThat((Invocation) null).succeeded())
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting an invocation but it was null.");
  }
}
