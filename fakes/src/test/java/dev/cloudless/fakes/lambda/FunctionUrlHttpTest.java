package dev.cloudless.fakes.lambda;

import static dev.cloudless.fakes.faults.Faults.onFunction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.clock.TimeMode;
import dev.cloudless.trace.Segment;
import java.net.ConnectException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FunctionUrlHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeCloud cloud = FakeCloud.create();
  private final UrlClient client = new UrlClient();

  @AfterEach
  void close() {
    cloud.close();
  }

  /** A function that answers with the event it got: the URL then returns it as JSON. */
  private FunctionUrlConfig echoUrl(FunctionUrlSpec spec) {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("echo")
                .handler((RequestStreamHandler) (in, out, ctx) -> in.transferTo(out)));
    return cloud.lambda().createFunctionUrlConfig("echo", null, spec);
  }

  private FunctionUrlConfig echoUrl() {
    return echoUrl(FunctionUrlSpec.of(FunctionUrlAuthType.NONE));
  }

  /** A function that returns {@code result} (JSON) whatever the event. */
  private FunctionUrlConfig returning(String name, String result) {
    cloud
        .lambda()
        .create(
            FunctionSpec.named(name)
                .handler(
                    (RequestStreamHandler)
                        (in, out, ctx) -> out.write(result.getBytes(StandardCharsets.UTF_8))));
    return cloud
        .lambda()
        .createFunctionUrlConfig(name, null, FunctionUrlSpec.of(FunctionUrlAuthType.NONE));
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static String header(HttpResponse<String> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  @Test
  void aGetReachesTheFunctionAsAPayloadFormat2Event() throws Exception {
    FunctionUrlConfig url = echoUrl();
    Instant now = cloud.clock().now();

    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(
                    UrlClient.resolve(url, "/orders/42?status=open&status=paid&note=a%20b"))
                .header("Cookie", "session=s1; theme=dark")
                .header("X-Custom", "one")
                .header("X-Custom", "two")
                .header("User-Agent", "cloudless-test")
                .GET()
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode event = json(response);
    assertThat(event.get("version").asText()).isEqualTo("2.0");
    assertThat(event.get("routeKey").asText()).isEqualTo("$default");
    assertThat(event.get("rawPath").asText()).isEqualTo("/orders/42");
    assertThat(event.get("rawQueryString").asText())
        .isEqualTo("status=open&status=paid&note=a%20b");
    assertThat(event.get("cookies"))
        .extracting(JsonNode::asText)
        .containsExactly("session=s1", "theme=dark");
    JsonNode headers = event.get("headers");
    assertThat(headers.get("x-custom").asText()).isEqualTo("one,two");
    assertThat(headers.get("user-agent").asText()).isEqualTo("cloudless-test");
    assertThat(headers.has("cookie")).as("cookies move to the cookies field").isFalse();
    assertThat(headers.get("x-forwarded-proto").asText()).isEqualTo("http");
    assertThat(headers.get("x-forwarded-for").asText()).isEqualTo("127.0.0.1");
    assertThat(headers.get("x-forwarded-port").asText())
        .isEqualTo(Integer.toString(url.uri().getPort()));
    assertThat(headers.get("x-amzn-trace-id").asText()).startsWith("Root=1-");
    headers.fieldNames().forEachRemaining(name -> assertThat(name).isLowerCase());
    assertThat(event.get("queryStringParameters").get("status").asText()).isEqualTo("open,paid");
    assertThat(event.get("queryStringParameters").get("note").asText()).isEqualTo("a b");

    JsonNode context = event.get("requestContext");
    assertThat(context.get("accountId").asText()).isEqualTo("anonymous");
    assertThat(context.get("apiId").asText()).isEqualTo(url.urlId());
    assertThat(context.get("domainName").asText())
        .isEqualTo(url.urlId() + ".lambda-url.us-east-1.on.aws");
    assertThat(context.get("domainPrefix").asText()).isEqualTo(url.urlId());
    assertThat(context.get("http").get("method").asText()).isEqualTo("GET");
    assertThat(context.get("http").get("path").asText()).isEqualTo("/orders/42");
    assertThat(context.get("http").get("protocol").asText()).isEqualTo("HTTP/1.1");
    assertThat(context.get("http").get("sourceIp").asText()).isEqualTo("127.0.0.1");
    assertThat(context.get("http").get("userAgent").asText()).isEqualTo("cloudless-test");
    assertThat(context.get("requestId").asText()).isEqualTo(header(response, "x-amzn-RequestId"));
    assertThat(context.get("routeKey").asText()).isEqualTo("$default");
    assertThat(context.get("stage").asText()).isEqualTo("$default");
    assertThat(context.get("time").asText()).isEqualTo("01/Jan/2025:00:00:00 +0000");
    assertThat(context.get("timeEpoch").asLong()).isEqualTo(now.toEpochMilli());
    assertThat(context.has("authorizer")).as("no authorizer for auth type NONE").isFalse();
    assertThat(event.has("body")).isFalse();
    assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
  }

  @Test
  void aTextBodyArrivesAsTextAndABinaryOneAsBase64() throws Exception {
    FunctionUrlConfig url = echoUrl();
    byte[] binary = {0, (byte) 0xff, 0x10, 0x7f};

    JsonNode text =
        json(
            client.send(
                HttpRequest.newBuilder(url.uri())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"orderId\":\"o-1\"}"))
                    .build()));
    JsonNode bytes =
        json(
            client.send(
                HttpRequest.newBuilder(url.uri())
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(binary))
                    .build()));

    assertThat(text.get("requestContext").get("http").get("method").asText()).isEqualTo("POST");
    assertThat(text.get("body").asText()).isEqualTo("{\"orderId\":\"o-1\"}");
    assertThat(text.get("isBase64Encoded").asBoolean()).isFalse();
    assertThat(bytes.get("body").asText()).isEqualTo(Base64.getEncoder().encodeToString(binary));
    assertThat(bytes.get("isBase64Encoded").asBoolean()).isTrue();
  }

  @Test
  void theEventDeserializesIntoTheJavaLibrarysHttpApiEvent() {
    AtomicReference<APIGatewayV2HTTPEvent> seen = new AtomicReference<>();
    cloud
        .lambda()
        .create(
            FunctionSpec.named("typed")
                .handler(
                    APIGatewayV2HTTPEvent.class,
                    (event, ctx) -> {
                      seen.set(event);
                      return APIGatewayV2HTTPResponse.builder()
                          .withStatusCode(201)
                          .withHeaders(Map.of("Content-Type", "text/plain"))
                          .withBody("made " + event.getQueryStringParameters().get("id"))
                          .build();
                    }));
    FunctionUrlConfig url =
        cloud
            .lambda()
            .createFunctionUrlConfig("typed", null, FunctionUrlSpec.of(FunctionUrlAuthType.NONE));

    HttpResponse<String> response = client.get(url, "/things?id=7");

    assertThat(response.statusCode())
        .as(cloud.journal().render(cloud.clock().startTime()))
        .isEqualTo(201);
    assertThat(response.body()).isEqualTo("made 7");
    assertThat(header(response, "Content-Type")).isEqualTo("text/plain");
    assertThat(seen.get().getRawPath()).isEqualTo("/things");
    assertThat(seen.get().getRequestContext().getHttp().getMethod()).isEqualTo("GET");
    assertThat(seen.get().getRequestContext().getDomainPrefix()).isEqualTo(url.urlId());
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        // AWS recorded these (test_lambda_url_invocation): JSON without statusCode is the body.
        "`{\"hello\": \"world\"}`                       | 200 | `{\"hello\":\"world\"}`",
        "`\"hello\"`                                    | 200 | hello",
        "`[\"hello\", 3, true]`                         | 200 | `[\"hello\",3,true]`",
        "3.1                                            | 200 | 3.1",
        "true                                           | 200 | true",
        "`{\"statusCode\": 200, \"body\": \"body123\"}` | 200 | body123",
        "`{\"statusCode\": \"418\", \"body\": \"i'm a teapot\"}` | 418 | i'm a teapot",
        "`{\"statusCode\": 200, \"body\": \"aGk=\", \"isBase64Encoded\": true}` | 200 | hi",
      })
  void theFunctionsResultBecomesTheResponse(String result, int status, String body) {
    FunctionUrlConfig url = returning("fn", result);

    HttpResponse<String> response = client.get(url, "/");

    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.body()).isEqualTo(body);
    assertThat(header(response, "Content-Type")).isEqualTo("application/json");
    assertThat(header(response, "x-amzn-RequestId")).matches("[0-9a-f-]{36}");
  }

  @Test
  void aResponseObjectSetsHeadersAndOneSetCookiePerCookie() {
    FunctionUrlConfig url =
        returning(
            "fn",
            "{\"statusCode\": 201, \"headers\": {\"Content-Type\": \"text/html\","
                + " \"My-Custom-Header\": \"Custom Value\"}, \"body\": \"<p>made</p>\","
                + " \"cookies\": [\"a=1; Max-Age=60\", \"b=2\"]}");

    HttpResponse<String> response = client.get(url, "/");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.body()).isEqualTo("<p>made</p>");
    assertThat(header(response, "content-type")).isEqualTo("text/html");
    assertThat(header(response, "my-custom-header")).isEqualTo("Custom Value");
    assertThat(response.headers().allValues("set-cookie"))
        .containsExactly("a=1; Max-Age=60", "b=2");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "`{\"statusCode\": \"test\"}`",
        "`{\"statusCode\": 200, \"headers\": [\"x\"]}`",
        "`{\"statusCode\": 200, \"cookies\": \"a=1\"}`",
        "`{\"statusCode\": 200, \"body\": \"%%%\", \"isBase64Encoded\": true}`",
      })
  void aResponseLambdaCannotReadIsABadGateway(String result) {
    FunctionUrlConfig url = returning("fn", result);

    HttpResponse<String> response = client.get(url, "/");

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.body()).isEqualTo("Internal Server Error");
    assertThat(cloud.journal().events(FunctionUrlEvent.RequestServed.class))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).startsWith("invalid response: "));
  }

  @Test
  void aFunctionErrorIsABadGatewayAndTheRequestIdIsTheInvocations() {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("fails")
                .handler(
                    Map.class,
                    (in, ctx) -> {
                      throw new IllegalStateException("boom");
                    }));
    FunctionUrlConfig url =
        cloud
            .lambda()
            .createFunctionUrlConfig("fails", null, FunctionUrlSpec.of(FunctionUrlAuthType.NONE));

    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(url.uri())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.body()).isEqualTo("Internal Server Error");
    Invocation invocation = cloud.lambda().function("fails").invocations().get(0);
    assertThat(invocation.requestId()).isEqualTo(header(response, "x-amzn-RequestId"));
    assertThat(invocation.outcome()).isEqualTo(Invocation.Outcome.FAILED);
  }

  @Test
  void aTimeoutIsABadGatewayAndAThrottleATooManyRequests() {
    FunctionUrlConfig url = returning("slow", "\"ok\"");

    cloud.faults().inject(onFunction("slow").timeout().once());
    HttpResponse<String> timedOut = client.get(url, "/");
    cloud.faults().inject(onFunction("slow").throttle().once());
    HttpResponse<String> throttled = client.get(url, "/");
    HttpResponse<String> fine = client.get(url, "/");

    assertThat(timedOut.statusCode()).isEqualTo(502);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(header(throttled, "x-amzn-ErrorType")).isEqualTo("TooManyRequestsException");
    assertThat(throttled.body())
        .isEqualTo(
            "{\"Reason\":\"ConcurrentInvocationLimitExceeded\",\"Type\":\"User\","
                + "\"message\":\"Rate Exceeded.\"}");
    assertThat(fine.statusCode()).isEqualTo(200);
    assertThat(fine.body()).isEqualTo("ok");
    assertThat(cloud.journal().events(FunctionUrlEvent.RequestServed.class))
        .extracting(FunctionUrlEvent.RequestServed::detail)
        .containsExactly(
            "function error: Sandbox.Timedout",
            "throttled: ConcurrentInvocationLimitExceeded",
            "invoked");
  }

  @Test
  void aPreflightIsAnsweredByLambdaWithoutInvokingTheFunction() {
    FunctionUrlConfig url =
        echoUrl(
            FunctionUrlSpec.of(FunctionUrlAuthType.NONE)
                .cors(
                    Cors.allowingOrigins("https://shop.example")
                        .allowMethods("GET", "POST")
                        .allowHeaders("x-custom")
                        .allowCredentials(true)
                        .maxAge(300)));

    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(UrlClient.resolve(url, "/orders"))
                .header("Origin", "https://shop.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "access-control-allow-origin")).isEqualTo("https://shop.example");
    assertThat(header(response, "access-control-allow-methods")).isEqualTo("GET,POST");
    assertThat(header(response, "access-control-allow-headers")).isEqualTo("x-custom");
    assertThat(header(response, "access-control-allow-credentials")).isEqualTo("true");
    assertThat(header(response, "access-control-max-age")).isEqualTo("300");
    assertThat(cloud.lambda().function("echo").invocations()).isEmpty();
    assertThat(cloud.journal().events(FunctionUrlEvent.RequestServed.class))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.detail()).isEqualTo("CORS preflight");
              assertThat(e.invoked()).isFalse();
            });
  }

  @Test
  void theUrlsCorsHeadersReplaceTheFunctions() {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("cors")
                .handler(
                    (RequestStreamHandler)
                        (in, out, ctx) ->
                            out.write(
                                ("{\"statusCode\": 200, \"headers\": {\"Access-Control-Allow-Origin\":"
                                        + " \"https://evil.example\"}, \"body\": \"ok\"}")
                                    .getBytes(StandardCharsets.UTF_8))));
    FunctionUrlConfig url =
        cloud
            .lambda()
            .createFunctionUrlConfig(
                "cors",
                null,
                FunctionUrlSpec.of(FunctionUrlAuthType.NONE)
                    .cors(Cors.allowingOrigins("*").exposeHeaders("x-total")));

    HttpResponse<String> withOrigin =
        client.send(
            HttpRequest.newBuilder(url.uri()).header("Origin", "https://shop.example").build());
    HttpResponse<String> withoutOrigin = client.get(url, "/");

    assertThat(withOrigin.headers().allValues("access-control-allow-origin")).containsExactly("*");
    assertThat(header(withOrigin, "access-control-expose-headers")).isEqualTo("x-total");
    assertThat(withoutOrigin.headers().allValues("access-control-allow-origin")).isEmpty();
  }

  @Test
  void awsIamRefusesAnUnsignedRequestAsAwsDoes() {
    FunctionUrlConfig url = echoUrl(FunctionUrlSpec.of(FunctionUrlAuthType.AWS_IAM));

    HttpResponse<String> response = client.get(url, "/");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(header(response, "x-amzn-ErrorType")).isEqualTo("AccessDeniedException");
    assertThat(response.body())
        .isEqualTo(
            "{\"Message\":\"Forbidden. For troubleshooting Function URL authorization issues,"
                + " see: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html\"}");
    assertThat(cloud.lambda().function("echo").invocations()).isEmpty();
    assertThat(cloud.journal().events(FunctionUrlEvent.RequestServed.class))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("not signed"));
  }

  @Test
  void awsIamAcceptsASignedRequestAndNamesTheCaller() throws Exception {
    FunctionUrlConfig url = echoUrl(FunctionUrlSpec.of(FunctionUrlAuthType.AWS_IAM));

    HttpResponse<String> signed = client.send(signed(url, "us-east-1").build());
    HttpResponse<String> otherRegion = client.send(signed(url, "eu-west-1").build());

    assertThat(signed.statusCode()).isEqualTo(200);
    JsonNode context = json(signed).get("requestContext");
    assertThat(context.get("accountId").asText()).isEqualTo("000000000000");
    JsonNode iam = context.get("authorizer").get("iam");
    assertThat(iam.get("accessKey").asText()).isEqualTo("AKIDEXAMPLE");
    assertThat(iam.get("accountId").asText()).isEqualTo("000000000000");
    assertThat(iam.get("userArn").asText()).isEqualTo("arn:aws:iam::000000000000:root");
    assertThat(otherRegion.statusCode()).isEqualTo(403);
    assertThat(cloud.journal().events(FunctionUrlEvent.RequestServed.class).get(1).detail())
        .contains("region [eu-west-1]");
  }

  private static HttpRequest.Builder signed(FunctionUrlConfig url, String region) {
    return HttpRequest.newBuilder(url.uri())
        .header("X-Amz-Date", "20250101T000000Z")
        .header(
            "Authorization",
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/"
                + region
                + "/lambda/aws4_request, SignedHeaders=host;x-amz-date, Signature="
                + "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
  }

  @Test
  void anAliasUrlRunsTheAliasesVersion() {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("price")
                .handler(
                    (RequestStreamHandler)
                        (in, out, ctx) -> out.write("\"v1\"".getBytes(StandardCharsets.UTF_8))));
    cloud.lambda().publishVersion("price");
    cloud
        .lambda()
        .updateFunctionCode(
            "price",
            FunctionCode.handler(
                (RequestStreamHandler)
                    (in, out, ctx) -> out.write("\"v2\"".getBytes(StandardCharsets.UTF_8))));
    cloud.lambda().createAlias("price", AliasSpec.named("live").version("1"));
    FunctionUrlConfig live =
        cloud
            .lambda()
            .createFunctionUrlConfig("price", "live", FunctionUrlSpec.of(FunctionUrlAuthType.NONE));
    FunctionUrlConfig latest =
        cloud
            .lambda()
            .createFunctionUrlConfig("price", null, FunctionUrlSpec.of(FunctionUrlAuthType.NONE));

    assertThat(client.get(live, "/").body()).isEqualTo("v1");
    assertThat(client.get(latest, "/").body()).isEqualTo("v2");
    assertThat(live.functionUrl()).isNotEqualTo(latest.functionUrl());
    assertThat(cloud.lambda().function("price").invocations())
        .extracting(Invocation::executedVersion)
        .containsExactly("1", "$LATEST");
  }

  @Test
  void theInvocationHappensAtTheCloudsInstantAndTheClockMovesToItsEnd() throws Exception {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("slow")
                .runsFor(Duration.ofSeconds(2))
                .handler((RequestStreamHandler) (in, out, ctx) -> in.transferTo(out)));
    FunctionUrlConfig url =
        cloud
            .lambda()
            .createFunctionUrlConfig("slow", null, FunctionUrlSpec.of(FunctionUrlAuthType.NONE));
    cloud.advance(Duration.ofMinutes(1));
    Instant before = cloud.clock().now();

    JsonNode event = json(client.get(url, "/"));

    assertThat(event.get("requestContext").get("timeEpoch").asLong())
        .isEqualTo(before.toEpochMilli());
    assertThat(cloud.clock().now()).isEqualTo(before.plusSeconds(2));
    assertThat(cloud.journal().events(FunctionUrlEvent.RequestServed.class))
        .singleElement()
        .satisfies(e -> assertThat(e.time()).isEqualTo(before.plusSeconds(2)));
  }

  @Test
  void everyRequestIsJournaledAndTracedAndTheTraceReachesTheFunction() throws Exception {
    FunctionUrlConfig url = echoUrl();
    String root = "1-5759e988-bd862e3fe1be46a994272793";

    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(UrlClient.resolve(url, "/orders"))
                .header("X-Amzn-Trace-Id", "Root=" + root + ";Parent=53995c3f42cd8ad8;Sampled=1")
                .POST(HttpRequest.BodyPublishers.ofString("hi"))
                .build());

    FunctionUrlEvent.RequestServed served =
        cloud.journal().events(FunctionUrlEvent.RequestServed.class).get(0);
    assertThat(served.method()).isEqualTo("POST");
    assertThat(served.path()).isEqualTo("/orders");
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.requestId()).isEqualTo(header(response, "x-amzn-RequestId"));
    assertThat(served.traceId()).isEqualTo(root);
    assertThat(served.invoked()).isTrue();
    assertThat(header(response, "X-Amzn-Trace-Id")).isEqualTo("Root=" + root + ";Sampled=1");

    List<Segment> segments = cloud.traces().segments();
    Segment urlSegment =
        segments.stream()
            .filter(s -> "AWS::Lambda::Url".equals(s.origin()))
            .findFirst()
            .orElseThrow();
    Segment lambdaSegment =
        segments.stream().filter(s -> "AWS::Lambda".equals(s.origin())).findFirst().orElseThrow();
    assertThat(urlSegment.traceId().value()).isEqualTo(root);
    assertThat(urlSegment.parentId()).isEqualTo("53995c3f42cd8ad8");
    assertThat(urlSegment.httpStatus()).isEqualTo(200);
    assertThat(lambdaSegment.parentId()).isEqualTo(urlSegment.id());
    assertThat(json(response).get("headers").get("x-amzn-trace-id").asText())
        .isEqualTo("Root=" + root + ";Parent=" + urlSegment.id() + ";Sampled=1");
  }

  @Test
  void aDeletedUrlAnswersAsAUrlThatDoesNotExist() {
    FunctionUrlConfig url = echoUrl();
    cloud.lambda().deleteFunctionUrlConfig("echo", null);

    HttpResponse<String> response = client.get(url, "/");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"Message\":null}");
    assertThat(header(response, "x-amzn-ErrorType")).isEqualTo("AccessDeniedException");
  }

  @Test
  void theUrlOfADeletedAliasIsForbidden() {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("fn")
                .handler((RequestStreamHandler) (in, out, ctx) -> in.transferTo(out)));
    cloud.lambda().publishVersion("fn");
    cloud.lambda().createAlias("fn", AliasSpec.named("live").version("1"));
    FunctionUrlConfig url =
        cloud
            .lambda()
            .createFunctionUrlConfig("fn", "live", FunctionUrlSpec.of(FunctionUrlAuthType.NONE));
    cloud.lambda().deleteAlias("fn", "live");

    HttpResponse<String> response = client.get(url, "/");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("Forbidden. For troubleshooting Function URL");
  }

  @Test
  void closingTheCloudStopsTheListener() {
    FunctionUrlConfig url = echoUrl();
    assertThat(client.get(url, "/").statusCode()).isEqualTo(200);

    cloud.close();

    assertThatThrownBy(() -> client.get(url, "/")).hasCauseInstanceOf(ConnectException.class);
  }

  @Test
  void inRealTimeModeRequestsAreServedBesideTheClocksDispatcher() {
    try (FakeCloud real = FakeCloud.builder().timeMode(TimeMode.REAL).build()) {
      real.lambda()
          .create(
              FunctionSpec.named("echo")
                  .handler((RequestStreamHandler) (in, out, ctx) -> in.transferTo(out)));
      FunctionUrlConfig url =
          real.lambda()
              .createFunctionUrlConfig("echo", null, FunctionUrlSpec.of(FunctionUrlAuthType.NONE));

      HttpResponse<String> response = client.get(url, "/real");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"rawPath\":\"/real\"");
    }
  }
}
