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
import java.util.function.Function;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.SoftAssertions;

/**
 * Soft assertions on the fakes: every failure is collected and reported together by {@link
 * #assertAll()}, so one run shows everything that is wrong. Extends AssertJ's {@link
 * SoftAssertions}, so AssertJ's own soft assertions come with it.
 *
 * <pre>{@code
 * CloudlessSoftAssertions softly = new CloudlessSoftAssertions();
 * softly.assertThat(cloud.lambda().function("charge")).hasInvocations(3);
 * softly.assertThat(dlq).singleMessage().hasJsonBody("{\"orderId\":\"o-42\"}");
 * softly.assertAll();
 * }</pre>
 *
 * <p>It also works with JUnit's {@code SoftAssertionsExtension} and {@code @InjectSoftAssertions},
 * and with {@code SoftAssertions.assertSoftly(CloudlessSoftAssertions.class, softly -> ...)}.
 *
 * <p>Navigation is soft too: when {@code singleMessage()} or {@code invocation(n)} finds nothing to
 * navigate to, that failure is collected and the assertions chained after it are skipped, so the
 * missing subject is reported once. {@code jsonBody()} and {@code payloadJson()} return json-unit's
 * own asserts, which AssertJ cannot make soft: use {@code hasJsonBody} and {@code hasJsonPayload}
 * inside soft assertions.
 *
 * <p>Open for extension, so that a project can add soft assertions on its own types.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class CloudlessSoftAssertions extends SoftAssertions {

  /** Children are proxied through these soft assertions, so their failures are collected too. */
  private final Navigator navigator =
      new Navigator() {
        @Override
        public <A extends AbstractAssert<A, T>, T> A child(
            Class<A> assertType, Class<T> actualType, T actual, Function<T, A> constructor) {
          return proxy(assertType, actualType, actual);
        }

        @Override
        public void navigationFailed(AssertionError error) {
          collectAssertionError(error);
        }
      };

  /** Soft assertions on a function's invocations. */
  public FunctionAssert assertThat(LambdaFunction actual) {
    FunctionAssert softly = proxy(FunctionAssert.class, LambdaFunction.class, actual);
    softly.navigator = navigator;
    return softly;
  }

  /** Soft assertions on one invocation attempt. */
  public InvocationAssert assertThat(Invocation actual) {
    return proxy(InvocationAssert.class, Invocation.class, actual);
  }

  /** Soft assertions on what {@code Invoke} answered. */
  public InvocationResultAssert assertThat(InvocationResult actual) {
    return proxy(InvocationResultAssert.class, InvocationResult.class, actual);
  }

  /** Soft assertions on a queue and the messages it holds. */
  public QueueAssert assertThat(Queue actual) {
    QueueAssert softly = proxy(QueueAssert.class, Queue.class, actual);
    softly.navigator = navigator;
    return softly;
  }

  /** Soft assertions on one message. */
  public MessageAssert assertThat(Message actual) {
    return proxy(MessageAssert.class, Message.class, actual);
  }

  /** Soft assertions on a topic and its subscriptions. */
  public TopicAssert assertThat(Topic actual) {
    TopicAssert softly = proxy(TopicAssert.class, Topic.class, actual);
    softly.navigator = navigator;
    return softly;
  }

  /** Soft assertions on a Step Functions execution. */
  public ExecutionAssert assertThat(Execution actual) {
    ExecutionAssert softly = proxy(ExecutionAssert.class, Execution.class, actual);
    softly.navigator = navigator;
    return softly;
  }

  /** Soft assertions on what API Gateway answered. */
  public ApiResponseAssert assertThat(ApiResponse actual) {
    return proxy(ApiResponseAssert.class, ApiResponse.class, actual);
  }

  /** Soft assertions on an API stage and its routes. */
  public StageAssert assertThat(Stage actual) {
    StageAssert softly = proxy(StageAssert.class, Stage.class, actual);
    softly.navigator = navigator;
    return softly;
  }

  /** Soft assertions on one subscription. */
  public SubscriptionAssert assertThat(Subscription actual) {
    return proxy(SubscriptionAssert.class, Subscription.class, actual);
  }

  /** Soft assertions on a WebSocket API. */
  public WebSocketApiAssert assertThat(WebSocketApi actual) {
    return proxy(WebSocketApiAssert.class, WebSocketApi.class, actual);
  }

  /** Soft assertions on an in-process WebSocket client. */
  public WebSocketClientAssert assertThat(WebSocketClient actual) {
    return proxy(WebSocketClientAssert.class, WebSocketClient.class, actual);
  }

  /**
   * Drops the errors of assertions chained after a failed navigation: the navigation's own failure
   * was collected and says what is missing; repeating it for every chained call would be noise.
   */
  @Override
  public void collectAssertionError(AssertionError error) {
    if (!(error instanceof NotReached)) {
      super.collectAssertionError(error);
    }
  }
}
