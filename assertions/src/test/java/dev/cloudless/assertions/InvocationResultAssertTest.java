package dev.cloudless.assertions;

import static dev.cloudless.assertions.CloudlessAssertions.assertThat;
import static dev.cloudless.assertions.CloudlessAssertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.lambda.InvocationResult;
import dev.cloudless.fakes.lambda.InvokeRequest;
import dev.cloudless.fakes.lambda.LogType;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvocationResultAssertTest {

  private final FakeCloud cloud = FakeCloud.create();

  @BeforeEach
  void createFunctions() {
    RequestHandler<Object, Map<String, Object>> receipt =
        (input, context) -> {
          context.getLogger().log("pricing o-1");
          return Map.of("orderId", "o-1", "total", 30);
        };
    RequestHandler<Object, String> failing =
        (input, context) -> {
          throw new IllegalStateException("card declined");
        };
    cloud.lambda().create(FunctionSpec.named("price").handler(receipt));
    cloud.lambda().create(FunctionSpec.named("charge").handler(failing));
  }

  @AfterEach
  void close() {
    cloud.close();
  }

  @Test
  void hasStatusCodeTellsSynchronousFromAsynchronousAnswers() {
    InvocationResult sync = cloud.lambda().invoke("price", "{}");
    InvocationResult async = cloud.lambda().invokeAsync("price", "{}");

    assertThat(sync).hasStatusCode(200);
    assertThat(async).hasStatusCode(202);
    assertThatThrownBy(() -> assertThat(async).hasStatusCode(200))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting invocation result [request "
                + async.requestId()
                + "] to have status code 200 but it was 202.\n"
                + "Result: status 202, FunctionError null, executed version null\n"
                + "Payload: (empty)");
  }

  @Test
  void aHandlerThatThrowsIsAFunctionErrorNotAnException() {
    InvocationResult failed = cloud.lambda().invoke("charge", "{}");
    InvocationResult priced = cloud.lambda().invoke("price", "{}");

    assertThat(failed).hasStatusCode(200).isFunctionError();
    assertThat(priced).hasNoFunctionError();
    assertThatThrownBy(() -> assertThat(failed).hasNoFunctionError())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting invocation result [request "
                + failed.requestId()
                + "] to have no function error but it had FunctionError [Unhandled].")
        .hasMessageContaining("\"errorMessage\":\"card declined\"");
    assertThatThrownBy(() -> assertThat(priced).isFunctionError())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be a function error but the function did not fail.");
  }

  @Test
  void hasJsonPayloadComparesJsonNotText() {
    InvocationResult priced = cloud.lambda().invoke("price", "{}");

    assertThat(priced).hasJsonPayload("{ \"total\": 30, \"orderId\": \"o-1\" }");
    assertThatThrownBy(
            () -> assertThat(priced).hasJsonPayload("{\"orderId\":\"o-1\",\"total\":31}"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting invocation result [request "
                + priced.requestId()
                + "] to have a JSON payload equal to\n"
                + "  {\"orderId\":\"o-1\",\"total\":31}\n"
                + "but JSON documents are different:\n"
                + "Different value found in node \"total\", expected: <31> but was: <30>.");
  }

  @Test
  void hasPayloadComparesTheTextExactly() {
    InvocationResult priced = cloud.lambda().invoke("price", "{}");
    String payload = priced.payload();

    assertThat(priced).hasPayload(payload);
    assertThatThrownBy(() -> assertThat(priced).hasPayload("{}"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have payload\n  {}\nbut it was\n  " + payload);
  }

  @Test
  void payloadJsonNavigatesIntoThePayloadWithJsonUnit() {
    InvocationResult failed = cloud.lambda().invoke("charge", "{}");

    assertThat(failed)
        .payloadJson()
        .inPath("errorType")
        .isEqualTo("java.lang.IllegalStateException");
    assertThatThrownBy(() -> assertThat(failed).payloadJson().isArray())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "payload of invocation result [request "
                + failed.requestId()
                + "] has invalid type, expected: <array>");
    assertThatThrownBy(
            () -> assertThat(failed).payloadJson().inPath("errorMessage").isEqualTo("ok"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Different value found in node \"errorMessage\", expected: <\"ok\">"
                + " but was: <\"card declined\">.");
  }

  @Test
  void hasExecutedVersionReadsTheVersionThatRan() {
    InvocationResult priced = cloud.lambda().invoke("price", "{}");

    assertThat(priced).hasExecutedVersion("$LATEST");
    assertThatThrownBy(() -> assertThat(priced).hasExecutedVersion("1"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have executed version [1] but it was [$LATEST].");
  }

  @Test
  void hasLogTailContainingReadsTheDecodedTailAndSaysWhenNoneWasAskedFor() {
    InvocationResult withTail =
        cloud.lambda().invoke(InvokeRequest.function("price").payload("{}").logType(LogType.TAIL));
    InvocationResult withoutTail = cloud.lambda().invoke("price", "{}");

    assertThat(withTail).hasLogTailContaining("pricing o-1");
    assertThatThrownBy(() -> assertThat(withTail).hasLogTailContaining("pricing o-2"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have a log tail containing [pricing o-2] but it did not.");
    assertThatThrownBy(() -> assertThat(withoutTail).hasLogTailContaining("pricing o-1"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but it had none (was LogType.TAIL asked for?).");
  }

  @Test
  void aNullResultFailsWithAPlainMessage() {
    assertThatThrownBy(() -> assertThat((InvocationResult) null).hasStatusCode(200))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting an invocation result but it was null.");
  }
}
