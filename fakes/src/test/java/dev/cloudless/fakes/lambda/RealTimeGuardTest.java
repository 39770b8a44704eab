package dev.cloudless.fakes.lambda;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudless.fakes.FakeCloud;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * A handler that never returns is stopped at its timeout on the real clock too, with AWS's timeout
 * error. The test waits for the guard (one real second), but asserts only the outcome.
 */
class RealTimeGuardTest {

  @Test
  void aHungHandlerIsInterruptedAtItsTimeoutAndItsEnvironmentReset() {
    CountDownLatch never = new CountDownLatch(1);
    try (FakeCloud cloud = FakeCloud.create()) {
      cloud
          .lambda()
          .create(
              FunctionSpec.named("hung")
                  .timeout(Duration.ofSeconds(1))
                  .handler(
                      Map.class,
                      (in, ctx) -> {
                        try {
                          never.await();
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        return "unreachable";
                      }));

      InvocationResult result = cloud.lambda().invoke("hung", "{}");

      assertThat(result.functionError()).isEqualTo("Unhandled");
      assertThatJson(result.payload())
          .isEqualTo(
              "{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"RequestId: "
                  + result.requestId()
                  + " Error: Task timed out after 1.00 seconds\"}");
      assertThat(cloud.lambda().function("hung").invocations())
          .singleElement()
          .satisfies(
              i -> {
                assertThat(i.outcome()).isEqualTo(Invocation.Outcome.TIMED_OUT);
                assertThat(i.duration()).isEqualTo(Duration.ofSeconds(1));
              });
    }
  }
}
