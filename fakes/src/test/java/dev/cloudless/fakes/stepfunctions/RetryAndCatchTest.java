package dev.cloudless.fakes.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudless.fakes.FakeCloud;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retry back-off and Catch, as the AWS guide's "Handling errors" page describes them. */
class RetryAndCatchTest {

  private static final String RESOURCE = "arn:aws:states:us-east-1:000000000000:activity:work";

  private final FakeCloud cloud = FakeCloud.builder().seed(7).build();
  private final FakeStepFunctions sfn = cloud.stepFunctions();
  private final List<Instant> calls = new ArrayList<>();

  @AfterEach
  void close() {
    cloud.close();
  }

  private Execution run(String task, String input) {
    sfn.createStateMachine(
        StateMachineSpec.named("sm")
            .definition(
                "{\"StartAt\": \"Work\", \"States\": {\"Work\": "
                    + task
                    + (task.contains("Caught")
                        ? ", \"Caught\": {\"Type\": \"Pass\", \"End\": true}"
                        : "")
                    + "}}"));
    return sfn.startExecution("sm", input).awaitCompletion();
  }

  /** Fails with the errors given, in order, then succeeds. */
  private void failWith(String... errors) {
    AtomicInteger n = new AtomicInteger();
    sfn.taskHandler(
        RESOURCE,
        request -> {
          calls.add(cloud.clock().now());
          int i = n.getAndIncrement();
          if (i < errors.length) {
            throw new TaskFailedException(errors[i], "attempt " + i);
          }
          return "{\"ok\":true}";
        });
  }

  private List<Duration> gaps() {
    List<Duration> gaps = new ArrayList<>();
    for (int i = 1; i < calls.size(); i++) {
      gaps.add(Duration.between(calls.get(i - 1), calls.get(i)));
    }
    return gaps;
  }

  @Test
  void backOffGrowsByTheRateOnTheVirtualClock() {
    failWith("Boom", "Boom");

    Execution run =
        run(
            "{\"Type\": \"Task\", \"Resource\": \""
                + RESOURCE
                + "\", \"End\": true,"
                + " \"Retry\": [{\"ErrorEquals\": [\"Boom\"], \"IntervalSeconds\": 3,"
                + " \"BackoffRate\": 1.5, \"MaxAttempts\": 2}]}",
            "{}");

    // The guide's example: interval 3, rate 1.5, two attempts -> waits of 3 s and 4.5 s.
    assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(gaps()).containsExactly(Duration.ofSeconds(3), Duration.ofMillis(4500));
    assertThat(cloud.journal().events(StepFunctionsEvent.RetryScheduled.class))
        .extracting(StepFunctionsEvent.RetryScheduled::retryCount)
        .containsExactly(1, 2);
  }

  @Test
  void retrierCountersPersistAcrossErrorsAsTheGuideDescribes() {
    failWith("A", "B", "C", "B");

    Execution run =
        run(
            "{\"Type\": \"Task\", \"Resource\": \""
                + RESOURCE
                + "\", \"End\": true,"
                + " \"Retry\": [{\"ErrorEquals\": [\"A\", \"B\"], \"IntervalSeconds\": 1,"
                + " \"BackoffRate\": 2, \"MaxAttempts\": 2},"
                + " {\"ErrorEquals\": [\"C\"], \"IntervalSeconds\": 5}],"
                + " \"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Caught\"}]}",
            "{}");

    // The guide's "complex retry scenario" (concepts-error-handling): errors A, B, C, B wait 1, 2
    // and 5 seconds; the fourth finds the first retrier spent (MaxAttempts 2) and goes to Catch.
    assertThat(gaps())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5));
    assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(run.output()).contains("{\"Error\":\"B\",\"Cause\":\"attempt 3\"}");
  }

  @Test
  void maxDelaySecondsCapsTheWait() {
    failWith("Boom", "Boom", "Boom");

    run(
        "{\"Type\": \"Task\", \"Resource\": \""
            + RESOURCE
            + "\", \"End\": true,"
            + " \"Retry\": [{\"ErrorEquals\": [\"States.ALL\"], \"IntervalSeconds\": 10,"
            + " \"BackoffRate\": 3, \"MaxDelaySeconds\": 20}]}",
        "{}");

    assertThat(gaps())
        .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(20));
  }

  @Test
  void fullJitterDrawsBelowTheWaitFromTheSeed() {
    failWith("Boom", "Boom", "Boom");
    String task =
        "{\"Type\": \"Task\", \"Resource\": \""
            + RESOURCE
            + "\", \"End\": true,"
            + " \"Retry\": [{\"ErrorEquals\": [\"Boom\"], \"IntervalSeconds\": 10,"
            + " \"JitterStrategy\": \"FULL\"}]}";

    run(task, "{}");
    List<Duration> first = gaps();

    assertThat(first).hasSize(3);
    assertThat(first.get(0)).isLessThanOrEqualTo(Duration.ofSeconds(10));
    assertThat(first.get(1)).isLessThanOrEqualTo(Duration.ofSeconds(20));
    assertThat(first.get(2)).isLessThanOrEqualTo(Duration.ofSeconds(40));
    assertThat(first).doesNotContain(Duration.ofSeconds(10), Duration.ofSeconds(20));
    try (FakeCloud again = FakeCloud.builder().seed(7).build()) {
      List<Instant> replay = new ArrayList<>();
      AtomicInteger n = new AtomicInteger();
      again
          .stepFunctions()
          .taskHandler(
              RESOURCE,
              r -> {
                replay.add(again.clock().now());
                if (n.getAndIncrement() < 3) {
                  throw new TaskFailedException("Boom", null);
                }
                return "{}";
              });
      again
          .stepFunctions()
          .createStateMachine(
              StateMachineSpec.named("sm")
                  .definition("{\"StartAt\": \"Work\", \"States\": {\"Work\": " + task + "}}"));
      again.stepFunctions().startExecution("sm", "{}").awaitCompletion();
      assertThat(Duration.between(replay.get(0), replay.get(3)))
          .isEqualTo(Duration.between(calls.get(0), calls.get(3)));
    }
  }

  @Test
  void maxAttemptsZeroNeverRetriesAndTheErrorEndsTheExecution() {
    failWith("Boom");

    Execution run =
        run(
            "{\"Type\": \"Task\", \"Resource\": \""
                + RESOURCE
                + "\", \"End\": true,"
                + " \"Retry\": [{\"ErrorEquals\": [\"Boom\"], \"MaxAttempts\": 0}]}",
            "{}");

    assertThat(calls).hasSize(1);
    assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(run.error()).contains("Boom");
    assertThat(run.cause()).contains("attempt 0");
  }

  @Test
  void catchPlacesTheErrorOutputAtItsResultPath() {
    failWith("Boom");

    Execution run =
        run(
            "{\"Type\": \"Task\", \"Resource\": \""
                + RESOURCE
                + "\", \"End\": true,"
                + " \"Catch\": [{\"ErrorEquals\": [\"States.TaskFailed\"],"
                + " \"ResultPath\": \"$.error\", \"Next\": \"Caught\"}]}",
            "{\"order\":42}");

    assertThat(run.output())
        .contains("{\"order\":42,\"error\":{\"Error\":\"Boom\",\"Cause\":\"attempt 0\"}}");
  }

  @Test
  void statesRuntimeIsNeverCaught() {
    sfn.taskHandler(RESOURCE, request -> "{}");

    Execution run =
        run(
            "{\"Type\": \"Task\", \"Resource\": \""
                + RESOURCE
                + "\", \"End\": true,"
                + " \"OutputPath\": \"$.missing\","
                + " \"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Caught\"}]}",
            "{}");

    assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(run.error()).contains("States.Runtime");
    assertThat(run.cause())
        .contains(
            "An error occurred while executing the state 'Work' (entered at the event id #2)."
                + " Invalid path '$.missing' : No results for path: $['missing']");
  }

  @Test
  void timeoutSecondsFailsATaskThatRunsLongerWithStatesTimeout() {
    sfn.createStateMachine(
        StateMachineSpec.named("child")
            .definition(
                "{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 120,"
                    + " \"End\": true}}}"));

    Execution run =
        run(
            "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::states:startExecution.sync:2\","
                + " \"Parameters\": {\"StateMachineArn\":"
                + " \"arn:aws:states:us-east-1:000000000000:stateMachine:child\"},"
                + " \"TimeoutSeconds\": 60, \"End\": true}",
            "{}");

    assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(run.error()).contains("States.Timeout");
    assertThat(run.stopDate()).contains(FakeCloud.DEFAULT_START.plusSeconds(60));
  }
}
