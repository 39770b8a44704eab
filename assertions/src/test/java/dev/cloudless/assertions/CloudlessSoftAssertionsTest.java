package dev.cloudless.assertions;

import static dev.cloudless.assertions.CloudlessAssertions.assertThat;
import static dev.cloudless.assertions.CloudlessAssertions.assertThatCode;
import static dev.cloudless.assertions.CloudlessAssertions.assertThatThrownBy;
import static dev.cloudless.fakes.faults.Faults.onFunction;
import static java.time.Duration.ofMinutes;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.lambda.InvocationResult;
import dev.cloudless.fakes.lambda.LambdaFunction;
import dev.cloudless.fakes.sqs.Queue;
import org.assertj.core.api.SoftAssertionsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CloudlessSoftAssertionsTest {

  private final FakeCloud cloud = FakeCloud.create();
  private final CloudlessSoftAssertions softly = new CloudlessSoftAssertions();
  private LambdaFunction charge;
  private Queue dlq;
  private InvocationResult accepted;

  /** An event that fails twice and then succeeds, so the dead-letter queue stays empty. */
  @BeforeEach
  void chargeWithTwoRetries() {
    dlq = cloud.sqs().createQueue("payments-dlq");
    RequestHandler<Object, String> ok = (input, context) -> "charged";
    charge = cloud.lambda().create(FunctionSpec.named("charge").handler(ok).deadLetterQueue(dlq));
    cloud.faults().inject(onFunction("charge").throwing(new RuntimeException("psp slow")).times(2));
    accepted = charge.invokeAsync("{\"orderId\":\"o-42\"}");
    cloud.runUntilIdle();
  }

  @AfterEach
  void close() {
    cloud.close();
  }

  @Test
  void passingSoftAssertionsReportNothing() {
    softly.assertThat(charge).hasInvocations(3).hasRetryDelays(ofMinutes(1), ofMinutes(2));
    softly.assertThat(charge).lastInvocation().succeeded();
    softly.assertThat(charge.invocations().get(0)).failed();
    softly.assertThat(accepted).hasStatusCode(202);
    softly.assertThat(dlq).isEmpty();

    assertThat(softly.errorsCollected()).isEmpty();
    assertThatCode(softly::assertAll).doesNotThrowAnyException();
  }

  @Test
  void everyFailureIsCollectedAndReportedTogether() {
    softly.assertThat(charge).hasInvocations(1);
    softly.assertThat(dlq).hasSize(1);
    softly.assertThat(accepted).hasStatusCode(200);
    softly.assertThat("AssertJ's own").isEqualTo("soft too");

    assertThat(softly.errorsCollected()).hasSize(4);
    assertThatThrownBy(softly::assertAll)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting function [charge] to have been invoked 1 time")
        .hasMessageContaining("Expecting queue [payments-dlq] to contain exactly 1 message")
        .hasMessageContaining("to have status code 200 but it was 202.")
        .hasMessageContaining("soft too");
  }

  @Test
  void assertionsAfterASuccessfulNavigationAreSoftToo() {
    dlq.send("{\"orderId\":\"o-42\"}");

    softly.assertThat(dlq).singleMessage().hasBody("other").hasReceiveCount(5);
    softly.assertThat(charge).invocation(1).succeeded().isAttempt(2);

    assertThat(softly.errorsCollected())
        .extracting(Throwable::getMessage)
        .satisfiesExactly(
            m ->
                assertThat(m)
                    .startsWith("Expecting message 1 of queue [payments-dlq] to have body"),
            m ->
                assertThat(m)
                    .startsWith("Expecting message 1 of queue [payments-dlq] to have been"),
            m ->
                assertThat(m)
                    .startsWith("Expecting invocation 1 of function [charge] to have outcome"),
            m ->
                assertThat(m)
                    .startsWith("Expecting invocation 1 of function [charge] to be attempt"));
  }

  @Test
  void aFailedNavigationIsReportedOnceAndTheAssertionsChainedAfterItAreSkipped() {
    softly.assertThat(dlq).singleMessage().hasBody("x").hasReceiveCount(3);
    softly.assertThat(charge).invocation(7).succeeded().isAttempt(7);
    softly.assertThat((Queue) null).firstMessage().hasBody("x");

    assertThat(softly.errorsCollected())
        .extracting(Throwable::getMessage)
        .satisfiesExactly(
            m ->
                assertThat(m)
                    .startsWith(
                        "Expecting queue [payments-dlq] to contain exactly 1 message"
                            + " but it contained 0."),
            m ->
                assertThat(m)
                    .startsWith(
                        "Expecting function [charge] to have an invocation 7"
                            + " but it was invoked 3 times."),
            // Soft errors end with the line they were raised at, which AssertJ appends.
            m -> assertThat(m).startsWith("Expecting a queue but it was null.\nat "));
  }

  @Test
  void nestedRequirementsAreSoftAndTheChainGoesOn() {
    softly
        .assertThat(charge)
        .invocation(1, first -> first.succeeded())
        .invocation(3, third -> third.succeeded().isAttempt(3))
        .hasInvocations(2);

    assertThat(softly.errorsCollected())
        .extracting(Throwable::getMessage)
        .satisfiesExactly(
            m ->
                assertThat(m)
                    .startsWith("Expecting invocation 1 of function [charge] to have outcome"),
            m ->
                assertThat(m)
                    .startsWith("Expecting function [charge] to have been invoked 2 times"));
  }

  @Test
  void worksWithAssertSoftly() {
    assertThatThrownBy(
            () ->
                SoftAssertionsProvider.assertSoftly(
                    CloudlessSoftAssertions.class,
                    s -> {
                      s.assertThat(charge).hasNoInvocations();
                      s.assertThat(dlq).isNotEmpty();
                    }))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting function [charge] not to have been invoked")
        .hasMessageContaining("Expecting queue [payments-dlq] not to be empty");
  }
}
