package dev.cloudless.assertions;

import static dev.cloudless.assertions.CloudlessAssertions.assertThat;
import static dev.cloudless.assertions.CloudlessAssertions.assertThatThrownBy;
import static dev.cloudless.fakes.faults.Faults.onFunction;
import static dev.cloudless.fakes.lambda.Invocation.Outcome.FAILED;
import static dev.cloudless.fakes.lambda.Invocation.Outcome.SUCCEEDED;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.lambda.LambdaFunction;
import dev.cloudless.fakes.sqs.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FunctionAssertTest {

  private final FakeCloud cloud = FakeCloud.create();

  @AfterEach
  void close() {
    cloud.close();
  }

  private LambdaFunction charge() {
    RequestHandler<Object, String> ok = (input, context) -> "charged";
    return cloud.lambda().create(FunctionSpec.named("charge").handler(ok));
  }

  /** One asynchronous event that fails twice, then succeeds on the third attempt. */
  private LambdaFunction chargeRetriedTwice() {
    LambdaFunction charge = charge();
    cloud.faults().inject(onFunction("charge").throwing(new RuntimeException("psp slow")).times(2));
    charge.invokeAsync("{\"orderId\":\"o-42\"}");
    cloud.runUntilIdle();
    return charge;
  }

  @Test
  void hasInvocationsCountsEveryAttemptRetriesIncluded() {
    LambdaFunction charge = chargeRetriedTwice();

    assertThat(charge).hasInvocations(3);
    assertThatThrownBy(() -> assertThat(charge).hasInvocations(1))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting function [charge] to have been invoked 1 time (every attempt counts,"
                + " retries included) but it was invoked 3 times.\n"
                + "Invocations of function [charge]:\n")
        .hasMessageContaining(
            "#1   t+0.000s     attempt 1  FAILED  java.lang.RuntimeException: psp slow  (Event,")
        .hasMessageContaining("#2   t+60.100s    attempt 2  FAILED  java.lang.RuntimeException")
        .hasMessageContaining("#3   t+180.200s   attempt 3  SUCCEEDED  (Event, request ")
        .hasMessageContaining(
            "Faults fired:\n"
                + "  fault onFunction(\"charge\").throwing(RuntimeException: psp slow).times(2)"
                + " fired on hit 1\n"
                + "  fault onFunction(\"charge\").throwing(RuntimeException: psp slow).times(2)"
                + " fired on hit 2");
  }

  @Test
  void hasNoInvocationsPassesForAFunctionNeverInvokedAndSaysSoWhenItFails() {
    LambdaFunction charge = charge();

    assertThat(charge).hasNoInvocations().hasInvocations(0);
    charge.invoke("{}");
    assertThatThrownBy(() -> assertThat(charge).hasNoInvocations())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting function [charge] not to have been invoked but it was invoked 1 time.")
        .hasMessageContaining("attempt 1  SUCCEEDED  (RequestResponse, request ")
        .hasMessageEndingWith("Faults fired: none");
  }

  @Test
  void aFunctionWithoutInvocationsSaysSoInItsStory() {
    LambdaFunction charge = charge();

    assertThatThrownBy(() -> assertThat(charge).hasInvocations(2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Invocations of function [charge]:\n  (no invocations)\n");
  }

  @Test
  void hasOutcomesComparesEveryAttemptInOrder() {
    LambdaFunction charge = chargeRetriedTwice();

    assertThat(charge).hasOutcomes(FAILED, FAILED, SUCCEEDED);
    assertThatThrownBy(() -> assertThat(charge).hasOutcomes(FAILED, SUCCEEDED))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting function [charge] to have outcomes [FAILED, SUCCEEDED]"
                + " but they were [FAILED, FAILED, SUCCEEDED].");
  }

  @Test
  void allInvocationsSucceededFailsOnAnyFailureAndOnNoInvocationAtAll() {
    LambdaFunction charge = charge();

    assertThatThrownBy(() -> assertThat(charge).allInvocationsSucceeded())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting function [charge] to have only successful invocations"
                + " but it was never invoked.");
    charge.invoke("{}");
    assertThat(charge).allInvocationsSucceeded();
    cloud.faults().inject(onFunction("charge").functionError("Runtime.ExitError", "exit").once());
    charge.invoke("{}");
    assertThatThrownBy(() -> assertThat(charge).allInvocationsSucceeded())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting function [charge] to have only successful invocations"
                + " but 1 of 2 did not succeed.")
        .hasMessageContaining("attempt 1  FAILED  Runtime.ExitError: exit");
  }

  @Test
  void hasColdStartsCountsNewExecutionEnvironments() {
    LambdaFunction charge = charge();
    charge.invoke("{}");
    charge.invoke("{}");

    assertThat(charge).hasColdStarts(1);
    assertThatThrownBy(() -> assertThat(charge).hasColdStarts(2))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting function [charge] to have had 2 cold starts but it had 1.")
        .hasMessageContaining(", cold start)");
  }

  @Test
  void hasRetryDelaysMeasuresFromTheEndOfAnAttemptToTheStartOfTheNext() {
    LambdaFunction charge = chargeRetriedTwice();

    assertThat(charge).hasRetryDelays(ofMinutes(1), ofMinutes(2));
    assertThatThrownBy(() -> assertThat(charge).hasRetryDelays(ofSeconds(30), ofMinutes(1)))
        .isInstanceOf(AssertionError.class)
        .hasMessageMatching(
            "(?s)Expecting function \\[charge] to retry request \\[[0-9a-f-]{36}] after"
                + " \\[PT30S, PT1M] but the delays were \\[PT1M, PT2M] \\(3 attempts\\)\\.\n"
                + "Invocations of function \\[charge]:\n.*");
  }

  @Test
  void anEventThatSucceededAtOnceHasNoRetryDelays() {
    LambdaFunction charge = charge();
    charge.invokeAsync("{}");
    cloud.runUntilIdle();

    assertThat(charge).hasRetryDelays();
    assertThatThrownBy(() -> assertThat(charge).hasRetryDelays(ofMinutes(1)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("after [PT1M] but the delays were [] (1 attempt).");
  }

  @Test
  void hasRetryDelaysWantsARequestIdWhenTheFunctionHadSeveralAsynchronousEvents() {
    LambdaFunction charge = charge();
    cloud.faults().inject(onFunction("charge").throwing(new RuntimeException("psp slow")).once());
    String first = charge.invokeAsync("{\"orderId\":\"o-1\"}").requestId();
    String second = charge.invokeAsync("{\"orderId\":\"o-2\"}").requestId();
    cloud.runUntilIdle();

    assertThat(charge).hasRetryDelays(first, ofMinutes(1)).hasRetryDelays(second);
    assertThatThrownBy(() -> assertThat(charge).hasRetryDelays(ofMinutes(1)))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting function [charge] to have retried one asynchronous event but it had 2 ["
                + first
                + ", "
                + second
                + "]; name one with hasRetryDelays(requestId, delays...).");
  }

  @Test
  void hasRetryDelaysNamesTheRequestsItKnowsWhenTheRequestIdIsUnknown() {
    LambdaFunction charge = charge();
    String requestId = charge.invoke("{}").requestId();

    assertThatThrownBy(() -> assertThat(charge).hasRetryDelays("no-such-request"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting function [charge] to have invocations of request [no-such-request]"
                + " but it had none; its requests were ["
                + requestId
                + "].");
    assertThatThrownBy(() -> assertThat(charge).hasRetryDelays())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting function [charge] to have retried an asynchronous event"
                + " but it had no asynchronous invocation.");
  }

  @Test
  void invocationNavigatesToTheNthAttemptCountingFromOne() {
    LambdaFunction charge = chargeRetriedTwice();

    assertThat(charge).invocation(2).failed().isAttempt(2);
    assertThat(charge).firstInvocation().wasColdStart().hasErrorMessage("psp slow");
    assertThat(charge).lastInvocation().succeeded().isAttempt(3);
    assertThat(charge)
        .invocation(1, first -> first.failed().wasColdStart())
        .invocation(3, third -> third.succeeded().wasWarmStart());
    assertThatThrownBy(() -> assertThat(charge).invocation(2).succeeded())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting invocation 2 of function [charge] to have outcome SUCCEEDED"
                + " but it was FAILED (java.lang.RuntimeException: psp slow).\n"
                + "Invocation: attempt 2  FAILED  java.lang.RuntimeException: psp slow  (Event,")
        .hasMessageContaining("Logs:\n  START RequestId: ")
        .hasMessageContaining("Invocations of function [charge]:\n  #1 ")
        .hasMessageContaining("Faults fired:\n  fault onFunction(\"charge\")");
  }

  @Test
  void invocationBeyondTheLastFailsWithTheStory() {
    LambdaFunction charge = charge();
    charge.invoke("{}");

    assertThatThrownBy(() -> assertThat(charge).invocation(2))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting function [charge] to have an invocation 2 but it was invoked 1 time.\n"
                + "Invocations of function [charge]:\n  #1 ");
    assertThatThrownBy(() -> assertThat(charge).invocation(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invocations are counted from 1, as attempts are; got invocation(0).");
  }

  @Test
  void singleInvocationFailsUnlessThereIsExactlyOne() {
    LambdaFunction charge = charge();

    assertThatThrownBy(() -> assertThat(charge).singleInvocation())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting function [charge] to have been invoked exactly once"
                + " but it was invoked 0 times.");
    assertThatThrownBy(() -> assertThat(charge).lastInvocation())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting function [charge] to have a last invocation but it was invoked 0 times.");
    charge.invoke("{}");
    assertThat(charge).singleInvocation().succeeded().isAttempt(1);
  }

  @Test
  void theStoryTellsWhereAnEventLambdaGaveUpOnWent() {
    Queue dlq = cloud.sqs().createQueue("charge-dlq");
    RequestHandler<Object, String> ok = (input, context) -> "charged";
    LambdaFunction charge =
        cloud
            .lambda()
            .create(
                FunctionSpec.named("charge")
                    .handler(ok)
                    .maximumRetryAttempts(0)
                    .deadLetterQueue(dlq));
    cloud.faults().inject(onFunction("charge").throwing(new RuntimeException("psp slow")).once());
    charge.invokeAsync("{}");
    cloud.runUntilIdle();

    assertThatThrownBy(() -> assertThat(charge).allInvocationsSucceeded())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Asynchronous events given up:\n")
        .hasMessageContaining(
            "(RetriesExhausted), sent to dead-letter queue"
                + " arn:aws:sqs:us-east-1:000000000000:charge-dlq");
  }

  @Test
  void aLongStoryKeepsItsBeginningAndItsEnd() {
    LambdaFunction charge = charge();
    for (int k = 0; k < 40; k++) {
      charge.invoke("{}");
    }

    assertThatThrownBy(() -> assertThat(charge).hasNoInvocations())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("  #20 ")
        .hasMessageContaining("  ... 10 more ...\n  #31 ")
        .hasMessageContaining("  #40 ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("  #21 ", "  #30 "));
  }

  @Test
  void aDescriptionPrefixesTheMessageAndNavigationKeepsIt() {
    LambdaFunction charge = charge();
    charge.invoke("{}");

    assertThatThrownBy(() -> assertThat(charge).as("after checkout").hasInvocations(2))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("[after checkout] Expecting function [charge]");
    assertThatThrownBy(() -> assertThat(charge).as("after checkout").invocation(1).failed())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("[after checkout] Expecting invocation 1 of function [charge]");
  }

  @Test
  void aNullFunctionFailsWithAPlainMessage() {
    assertThatThrownBy(() -> assertThat((LambdaFunction) null).hasInvocations(1))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting a function but it was null.");
    assertThatThrownBy(() -> assertThat((LambdaFunction) null).invocation(1))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting a function but it was null.");
  }
}
