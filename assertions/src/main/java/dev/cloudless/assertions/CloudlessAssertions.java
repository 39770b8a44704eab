package dev.cloudless.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.apigateway.ApiResponse;
import dev.cloudless.fakes.apigateway.Stage;
import dev.cloudless.fakes.apigateway.WebSocketApi;
import dev.cloudless.fakes.apigateway.WebSocketClient;
import dev.cloudless.fakes.lambda.Invocation;
import dev.cloudless.fakes.lambda.InvocationResult;
import dev.cloudless.fakes.lambda.LambdaFunction;
import dev.cloudless.fakes.sns.Subscription;
import dev.cloudless.fakes.sns.Topic;
import dev.cloudless.fakes.sqs.Message;
import dev.cloudless.fakes.sqs.Queue;
import dev.cloudless.fakes.stepfunctions.Execution;
import org.apiguardian.api.API;
import org.assertj.core.api.Assertions;

/**
 * The entry point for Cloudless assertions. It extends AssertJ's {@link Assertions}, so one static
 * import serves both the fakes and everything else:
 *
 * <pre>{@code
 * import static dev.cloudless.assertions.CloudlessAssertions.assertThat;
 *
 * cloud.faults().inject(onFunction("charge").throwing(new PaymentTimeout("psp slow")).always());
 * cloud.lambda().invokeAsync("charge", "{\"orderId\":\"o-42\"}");
 * cloud.runUntilIdle();
 *
 * assertThat(cloud.lambda().function("charge"))
 *     .hasInvocations(3)
 *     .hasRetryDelays(ofMinutes(1), ofMinutes(2));
 * assertThat(dlq).singleMessage().hasJsonBody("{\"orderId\":\"o-42\"}");
 * assertThat(List.of(1, 2)).hasSize(2); // AssertJ's own, through the same import
 * }</pre>
 *
 * <p>Failure messages name the subject in brackets and tell what the journal knows: a function's
 * invocations, a queue's events, and the faults that fired.
 *
 * <p>Open for extension, as AssertJ's entry points are, so that a project can add its own {@code
 * assertThat} overloads and still need one static import.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class CloudlessAssertions extends Assertions {

  /** For subclasses that add their own entry points; everything here is static. */
  protected CloudlessAssertions() {}

  /** Assertions on a function's invocations. */
  public static FunctionAssert assertThat(LambdaFunction actual) {
    return new FunctionAssert(actual);
  }

  /** Assertions on one invocation attempt. */
  public static InvocationAssert assertThat(Invocation actual) {
    return new InvocationAssert(actual);
  }

  /** Assertions on what {@code Invoke} answered. */
  public static InvocationResultAssert assertThat(InvocationResult actual) {
    return new InvocationResultAssert(actual);
  }

  /** Assertions on a queue and the messages it holds. */
  public static QueueAssert assertThat(Queue actual) {
    return new QueueAssert(actual);
  }

  /** Assertions on one message. */
  public static MessageAssert assertThat(Message actual) {
    return new MessageAssert(actual);
  }

  /** Assertions on a topic: what was published, and what each subscription received. */
  public static TopicAssert assertThat(Topic actual) {
    return new TopicAssert(actual);
  }

  /** Assertions on one subscription: what reached it, what its filter dropped. */
  public static SubscriptionAssert assertThat(Subscription actual) {
    return new SubscriptionAssert(actual);
  }

  /** Assertions on what API Gateway answered: status, headers, body. */
  public static ApiResponseAssert assertThat(ApiResponse actual) {
    return new ApiResponseAssert(actual);
  }

  /** Assertions on an API stage and its routes: calls, cache hits, throttles, authorizers. */
  public static StageAssert assertThat(Stage actual) {
    return new StageAssert(actual);
  }

  /** Assertions on a WebSocket API: connections and the messages sent to each. */
  public static WebSocketApiAssert assertThat(WebSocketApi actual) {
    return new WebSocketApiAssert(actual);
  }

  /** Assertions on an in-process WebSocket client: what it received, whether it is open. */
  public static WebSocketClientAssert assertThat(WebSocketClient actual) {
    return new WebSocketClientAssert(actual);
  }

  /** Assertions on a Step Functions execution: status, output, states visited, retries. */
  public static ExecutionAssert assertThat(Execution actual) {
    return new ExecutionAssert(actual);
  }
}
