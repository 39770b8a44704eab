package dev.cloudless.fakes.lambda;

import static dev.cloudless.fakes.faults.Faults.onFunction;
import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SyncInvokeTest {

  private final FakeCloud cloud = FakeCloud.create();

  @AfterEach
  void close() {
    cloud.close();
  }

  public static final class Order {
    public String orderId;
    public int quantity;
  }

  public static final class Receipt {
    public String orderId;
    public int total;

    public Receipt(String orderId, int total) {
      this.orderId = orderId;
      this.total = total;
    }
  }

  public static final class PriceHandler implements RequestHandler<Order, Receipt> {
    @Override
    public Receipt handleRequest(Order order, Context context) {
      context.getLogger().log("pricing " + order.orderId);
      return new Receipt(order.orderId, order.quantity * 10);
    }
  }

  @Test
  void invokesAHandlerWithThePojoItDeclaresAndSerializesItsResult() {
    cloud.lambda().create(FunctionSpec.named("price").handler(new PriceHandler()));

    InvocationResult result =
        cloud.lambda().invoke("price", "{\"orderId\":\"o-1\",\"quantity\":3}");

    assertThat(result.statusCode()).isEqualTo(200);
    assertThat(result.functionError()).isNull();
    assertThat(result.executedVersion()).isEqualTo("$LATEST");
    assertThatJson(result.payload()).isEqualTo("{\"orderId\":\"o-1\",\"total\":30}");
  }

  @Test
  void deserializesLambdaEventTypesAsTheJavaRuntimeDoes() {
    AtomicReference<SQSEvent> received = new AtomicReference<>();
    cloud
        .lambda()
        .create(
            FunctionSpec.named("consumer")
                .handler(
                    SQSEvent.class,
                    (event, ctx) -> {
                      received.set(event);
                      return null;
                    }));

    cloud
        .lambda()
        .invoke(
            "consumer",
            "{\"Records\":[{\"messageId\":\"m-1\",\"body\":\"hello\",\"eventSource\":\"aws:sqs\","
                + "\"eventSourceARN\":\"arn:aws:sqs:us-east-1:000000000000:q\","
                + "\"messageAttributes\":{\"kind\":{\"stringValue\":\"greeting\",\"dataType\":\"String\"}}}]}");

    SQSEvent.SQSMessage message = received.get().getRecords().get(0);
    assertThat(message.getMessageId()).isEqualTo("m-1");
    assertThat(message.getBody()).isEqualTo("hello");
    assertThat(message.getEventSourceArn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:q");
    assertThat(message.getMessageAttributes().get("kind").getStringValue()).isEqualTo("greeting");
  }

  public static final class ApiHandler
      implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    @Override
    public APIGatewayProxyResponseEvent handleRequest(
        APIGatewayProxyRequestEvent request, Context context) {
      return new APIGatewayProxyResponseEvent()
          .withStatusCode(201)
          .withHeaders(Map.of("Content-Type", "application/json"))
          .withBody("{\"path\":\"" + request.getPath() + "\"}");
    }
  }

  @Test
  void apiGatewayProxyEventsRoundTripThroughTheEventSerializers() {
    cloud.lambda().create(FunctionSpec.named("api").handler(new ApiHandler()));

    InvocationResult result =
        cloud.lambda().invoke("api", "{\"httpMethod\":\"POST\",\"path\":\"/orders\"}");

    assertThatJson(result.payload())
        .isEqualTo(
            "{\"statusCode\":201,\"headers\":{\"Content-Type\":\"application/json\"},"
                + "\"body\":\"{\\\"path\\\":\\\"/orders\\\"}\"}");
  }

  @Test
  void streamHandlersGetTheRawEventBytes() {
    RequestStreamHandler echo =
        (InputStream in, OutputStream out, Context ctx) -> out.write(in.readAllBytes());
    cloud.lambda().create(FunctionSpec.named("echo").handler(echo));

    assertThat(cloud.lambda().invoke("echo", "{\"a\":[1,2]}").payload()).isEqualTo("{\"a\":[1,2]}");
  }

  @Test
  void aLambdaWithoutInputTypeReceivesMapsAndAVoidResultIsNull() {
    AtomicReference<Object> seen = new AtomicReference<>();
    RequestHandler<Object, Void> handler =
        (input, ctx) -> {
          seen.set(input);
          return null;
        };
    cloud.lambda().create(FunctionSpec.named("sink").handler(handler));

    InvocationResult result = cloud.lambda().invoke("sink", "{\"k\":\"v\"}");

    assertThat(seen.get()).isEqualTo(Map.of("k", "v"));
    assertThat(result.payload()).isEqualTo("null");
  }

  @Test
  void anEmptyPayloadIsAnEmptyObject() {
    AtomicReference<Object> seen = new AtomicReference<>();
    cloud
        .lambda()
        .create(
            FunctionSpec.named("f")
                .handler(
                    Map.class,
                    (input, ctx) -> {
                      seen.set(input);
                      return "ok";
                    }));

    assertThat(cloud.lambda().invoke("f", null).payload()).isEqualTo("\"ok\"");
    assertThat(seen.get()).isEqualTo(Map.of());
  }

  public static final class FailingHandler implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
      throw new IllegalStateException("card declined");
    }
  }

  @Test
  void anUncaughtExceptionIsAnUnhandledFunctionErrorWithTheJavaRuntimePayload() {
    cloud.lambda().create(FunctionSpec.named("charge").handler(new FailingHandler()));

    InvocationResult result = cloud.lambda().invoke("charge", "{}");

    assertThat(result.statusCode()).isEqualTo(200);
    assertThat(result.functionError()).isEqualTo("Unhandled");
    assertThatJson(result.payload())
        .isObject()
        .containsOnlyKeys("errorMessage", "errorType", "stackTrace")
        .containsEntry("errorMessage", "card declined")
        .containsEntry("errorType", "java.lang.IllegalStateException");
    assertThatJson(result.payload())
        .inPath("stackTrace[0]")
        .isString()
        .startsWith(FailingHandler.class.getName() + ".handleRequest(");
    assertThat(result.payload()).doesNotContain("dev.cloudless.fakes.lambda.internal");
  }

  @Test
  void anEventThatDoesNotFitTheInputTypeFailsAsTheRuntimeFailsIt() {
    cloud.lambda().create(FunctionSpec.named("price").handler(new PriceHandler()));

    InvocationResult result = cloud.lambda().invoke("price", "[1,2,3]");

    assertThat(result.functionError()).isEqualTo("Unhandled");
    assertThatJson(result.payload())
        .inPath("errorMessage")
        .isEqualTo("An error occurred during JSON parsing");
  }

  @Test
  void theContextCarriesTheInvocationsIdentityAndVirtualRemainingTime() {
    AtomicReference<String> seen = new AtomicReference<>();
    cloud
        .lambda()
        .create(
            FunctionSpec.named("introspect")
                .memory(512)
                .timeout(Duration.ofSeconds(30))
                .handler(
                    Map.class,
                    (input, ctx) -> {
                      seen.set(
                          String.join(
                              "|",
                              ctx.getFunctionName(),
                              ctx.getFunctionVersion(),
                              ctx.getInvokedFunctionArn(),
                              String.valueOf(ctx.getMemoryLimitInMB()),
                              String.valueOf(ctx.getRemainingTimeInMillis()),
                              ctx.getLogGroupName(),
                              ctx.getAwsRequestId()));
                      return null;
                    }));

    InvocationResult result = cloud.lambda().invoke("introspect", "{}");

    assertThat(seen.get())
        .isEqualTo(
            "introspect|$LATEST|arn:aws:lambda:us-east-1:000000000000:function:introspect|512|30000"
                + "|/aws/lambda/introspect|"
                + result.requestId());
  }

  @Test
  void remainingTimeShrinksByInjectedLatency() {
    AtomicReference<Integer> remaining = new AtomicReference<>();
    cloud
        .lambda()
        .create(
            FunctionSpec.named("slow")
                .timeout(Duration.ofSeconds(10))
                .handler(
                    Map.class,
                    (input, ctx) -> {
                      remaining.set(ctx.getRemainingTimeInMillis());
                      return null;
                    }));
    cloud.faults().inject(onFunction("slow").latency(Duration.ofSeconds(4)).once());

    cloud.lambda().invoke("slow", "{}");

    assertThat(remaining.get()).isEqualTo(6000);
  }

  @Test
  void anUnknownFunctionIsA404WithTheQualifiedArn() {
    assertThatThrownBy(() -> cloud.lambda().invoke("doesnotexist", "{}"))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(404);
              assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
            })
        .hasMessage(
            "Function not found: arn:aws:lambda:us-east-1:000000000000:function:doesnotexist:$LATEST");
  }

  @Test
  void aPayloadThatIsNotJsonIsRefusedBeforeTheFunctionRuns() {
    cloud.lambda().create(FunctionSpec.named("price").handler(new PriceHandler()));

    assertThatThrownBy(() -> cloud.lambda().invoke("price", "{not json"))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("InvalidRequestContentException"))
        .hasMessageStartingWith(
            "Could not parse request body into json: Could not parse payload into json: ");
    assertThatThrownBy(() -> cloud.lambda().invoke("price", "{} {}"))
        .hasMessageContaining("Unexpected content after the JSON value");
    assertThat(cloud.lambda().function("price").invocations()).isEmpty();
  }

  @Test
  void aTimeoutFaultGivesAwsTimeoutPayloadWithTwoDecimals() {
    cloud.lambda().create(FunctionSpec.named("price").handler(new PriceHandler()));
    cloud.faults().inject(onFunction("price").timeout().once());

    InvocationResult result = cloud.lambda().invoke("price", "{}");

    assertThat(result.functionError()).isEqualTo("Unhandled");
    assertThat(result.payload())
        .isEqualTo(
            "{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"RequestId: "
                + result.requestId()
                + " Error: Task timed out after 3.00 seconds\"}");
    Invocation invocation = cloud.lambda().function("price").invocations().get(0);
    assertThat(invocation.outcome()).isEqualTo(Invocation.Outcome.TIMED_OUT);
    assertThat(invocation.duration()).isEqualTo(Duration.ofSeconds(3));
    assertThat(invocation.logs())
        .last()
        .isEqualTo(
            "REPORT RequestId: "
                + result.requestId()
                + "\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\t"
                + "Max Memory Used: 85 MB\tInit Duration: 0.00 ms\tStatus: timeout");
  }

  @Test
  void latencyBeyondTheTimeoutTimesTheInvocationOut() {
    cloud.lambda().create(FunctionSpec.named("price").handler(new PriceHandler()));
    cloud.faults().inject(onFunction("price").latency(Duration.ofSeconds(5)).once());

    InvocationResult result = cloud.lambda().invoke("price", "{\"orderId\":\"o\"}");

    assertThatJson(result.payload()).inPath("errorType").isEqualTo("Sandbox.Timedout");
  }

  @Test
  void aThrottleFaultIsA429WithAwsReason() {
    cloud.lambda().create(FunctionSpec.named("price").handler(new PriceHandler()));
    cloud.faults().inject(onFunction("price").throttle().once());

    assertThatThrownBy(() -> cloud.lambda().invoke("price", "{}"))
        .isInstanceOfSatisfying(
            TooManyRequestsException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(429);
              assertThat(e.reason()).isEqualTo("ConcurrentInvocationLimitExceeded");
              assertThat(e.errorType()).isEqualTo("User");
            })
        .hasMessage("Rate Exceeded.");
    assertThat(cloud.lambda().invoke("price", "{}").functionError()).isNull();
  }

  @Test
  void aFunctionErrorFaultReturnsTheGivenTypeAndMessage() {
    cloud.lambda().create(FunctionSpec.named("price").handler(new PriceHandler()));
    cloud
        .faults()
        .inject(
            onFunction("price")
                .functionError("Runtime.ExitError", "Runtime exited without providing a reason")
                .once());

    InvocationResult result = cloud.lambda().invoke("price", "{}");

    assertThat(result.payload())
        .isEqualTo(
            "{\"errorMessage\":\"Runtime exited without providing a reason\","
                + "\"errorType\":\"Runtime.ExitError\"}");
  }

  public static final class CountingHandler
      implements RequestHandler<Map<String, Object>, Integer> {
    private final int instance;
    private int calls;

    public CountingHandler() {
      instance = INSTANCES.incrementAndGet();
    }

    static final java.util.concurrent.atomic.AtomicInteger INSTANCES =
        new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public Integer handleRequest(Map<String, Object> input, Context context) {
      return instance * 1000 + ++calls;
    }
  }

  @Test
  void aHandlerClassIsInstantiatedPerEnvironmentAndWarmInvocationsReuseIt() {
    int before = CountingHandler.INSTANCES.get();
    cloud.lambda().create(FunctionSpec.named("count").handler(CountingHandler.class));

    List<String> payloads =
        List.of(
            cloud.lambda().invoke("count", "{}").payload(),
            cloud.lambda().invoke("count", "{}").payload());
    cloud.faults().inject(onFunction("count").timeout().once());
    cloud.lambda().invoke("count", "{}");
    cloud.clock().advance(Duration.ofSeconds(5));
    String afterReset = cloud.lambda().invoke("count", "{}").payload();

    int first = before + 1;
    assertThat(payloads).containsExactly(first * 1000 + 1 + "", first * 1000 + 2 + "");
    assertThat(afterReset).isEqualTo((first + 1) * 1000 + 1 + "");
    assertThat(cloud.lambda().function("count").invocations())
        .extracting(Invocation::coldStart)
        .containsExactly(true, false, false, true);
  }

  @Test
  void logTailReturnsStartEndAndReportLines() {
    cloud.lambda().create(FunctionSpec.named("price").handler(new PriceHandler()));

    InvocationResult result =
        cloud
            .lambda()
            .invoke(
                InvokeRequest.function("price")
                    .payload("{\"orderId\":\"o-7\"}")
                    .logType(LogType.TAIL));

    String id = result.requestId();
    assertThat(result.logTail())
        .isEqualTo(
            "START RequestId: "
                + id
                + " Version: $LATEST\npricing o-7\nEND RequestId: "
                + id
                + "\nREPORT RequestId: "
                + id
                + "\tDuration: 100.00 ms\tBilled Duration: 100 ms\tMemory Size: 128 MB\t"
                + "Max Memory Used: 85 MB\tInit Duration: 0.00 ms\t\n");
    assertThat(
            new String(
                java.util.Base64.getDecoder().decode(result.logResult()), StandardCharsets.UTF_8))
        .isEqualTo(result.logTail());
  }

  @Test
  void configurationIsCheckedWithAwsValidationMessages() {
    assertThatThrownBy(() -> FunctionSpec.named("f").memory(20_000))
        .isInstanceOf(AwsServiceException.class)
        .hasMessage(
            "1 validation error detected: Value '20000' at 'memorySize' failed to satisfy"
                + " constraint: Member must have value less than or equal to 10240");
    assertThatThrownBy(() -> FunctionSpec.named("f").timeout(Duration.ofSeconds(901)))
        .hasMessageContaining("Value '901' at 'timeout'");
    assertThatThrownBy(() -> FunctionSpec.named("f").maximumRetryAttempts(3))
        .hasMessageContaining("Value '3' at 'maximumRetryAttempts'");
    assertThatThrownBy(() -> FunctionSpec.named("f").maximumEventAge(Duration.ofSeconds(59)))
        .hasMessageContaining("Value '59' at 'maximumEventAgeInSeconds'");
    assertThatThrownBy(() -> FunctionSpec.named("bad name"))
        .hasMessageContaining("Value 'bad name' at 'functionName'");
    assertThatThrownBy(() -> cloud.lambda().create(FunctionSpec.named("nohandler")))
        .hasMessageContaining("has no code");
  }

  @Test
  void creatingAFunctionTwiceIsAConflict() {
    cloud.lambda().create(FunctionSpec.named("price").handler(new PriceHandler()));

    assertThatThrownBy(
            () -> cloud.lambda().create(FunctionSpec.named("price").handler(new PriceHandler())))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("ResourceConflictException"))
        .hasMessage("Function already exist: price");
  }
}
