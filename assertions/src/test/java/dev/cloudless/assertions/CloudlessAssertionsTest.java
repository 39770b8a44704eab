package dev.cloudless.assertions;

import static dev.cloudless.assertions.CloudlessAssertions.assertThat;
import static dev.cloudless.assertions.CloudlessAssertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.lambda.Invocation;
import dev.cloudless.fakes.lambda.InvocationResult;
import dev.cloudless.fakes.lambda.LambdaFunction;
import dev.cloudless.fakes.sqs.Message;
import dev.cloudless.fakes.sqs.Queue;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The entry point: one static import must reach the Cloudless asserts and AssertJ's own. The typed
 * local variables are the proof that overload resolution picks Cloudless's {@code assertThat} for
 * the interfaces and records of the fakes: if AssertJ's generic {@code assertThat(T)} won, they
 * would not compile.
 */
class CloudlessAssertionsTest {

  private final FakeCloud cloud = FakeCloud.create();

  @AfterEach
  void close() {
    cloud.close();
  }

  @Test
  void oneStaticImportResolvesEachFakeTypeToItsCloudlessAssert() {
    RequestHandler<Object, String> ok = (input, context) -> "ok";
    LambdaFunction function = cloud.lambda().create(FunctionSpec.named("f").handler(ok));
    InvocationResult result = function.invoke("{}");
    Invocation invocation = function.invocations().get(0);
    Queue queue = cloud.sqs().createQueue("q");
    queue.send("hello");
    Message message = queue.peek().get(0);

    FunctionAssert functionAssert = assertThat(function);
    InvocationAssert invocationAssert = assertThat(invocation);
    InvocationResultAssert resultAssert = assertThat(result);
    QueueAssert queueAssert = assertThat(queue);
    MessageAssert messageAssert = assertThat(message);

    functionAssert.hasInvocations(1);
    invocationAssert.succeeded();
    resultAssert.hasStatusCode(200);
    queueAssert.hasSize(1);
    messageAssert.hasBody("hello");
  }

  @Test
  void assertJsOwnAssertionsComeThroughTheSameImport() {
    assertThat(List.of(1, 2)).containsExactly(1, 2);
    assertThat("journal").startsWith("jour");
    assertThatThrownBy(() -> assertThat(3).isEqualTo(4)).isInstanceOf(AssertionError.class);
  }

  @Test
  void aQueueHeldInAVariableOfItsInterfaceTypeGetsTheQueueAssert() {
    // Queue is an interface: it must resolve to assertThat(Queue), not to AssertJ's assertThat(T).
    var queue = cloud.sqs().createQueue("orders");

    assertThat(assertThat(queue)).isExactlyInstanceOf(QueueAssert.class);
    assertThatThrownBy(() -> assertThat(queue).hasSize(1))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Expecting queue [orders] to contain exactly 1 message");
  }
}
