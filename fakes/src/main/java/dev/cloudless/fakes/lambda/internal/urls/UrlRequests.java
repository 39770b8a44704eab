package dev.cloudless.fakes.lambda.internal.urls;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.http.HttpField;
import dev.cloudless.fakes.internal.http.IncomingRequest;
import dev.cloudless.fakes.internal.http.OutgoingResponse;
import dev.cloudless.fakes.lambda.Cors;
import dev.cloudless.fakes.lambda.FakeLambda;
import dev.cloudless.fakes.lambda.FunctionUrlAuthType;
import dev.cloudless.fakes.lambda.FunctionUrlConfig;
import dev.cloudless.fakes.lambda.FunctionUrlEvent;
import dev.cloudless.fakes.lambda.InvocationResult;
import dev.cloudless.fakes.lambda.LambdaFunction;
import dev.cloudless.fakes.lambda.TooManyRequestsException;
import dev.cloudless.trace.Segment;
import dev.cloudless.trace.TraceHeader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Serves one request to a function URL, as Lambda's front door does: refuses it if the URL is gone
 * or the signature is missing, answers a CORS preflight itself, otherwise builds the payload 2.0
 * event, invokes the function synchronously and turns its result into HTTP.
 *
 * <p>Requests arrive on the HTTP server's threads; each is served holding the cloud's turn, so it
 * never runs beside a handler or a scheduled event, and happens at the cloud's current instant. In
 * {@code VIRTUAL} mode the invocation then moves the clock to its end, as a synchronous invoke made
 * by the test does.
 */
final class UrlRequests {

  /** AWS's body for a URL that does not exist (recorded). */
  private static final String NO_SUCH_URL = "{\"Message\":null}";

  /** AWS's body when the authorization layer refuses a request (recorded). */
  private static final String FORBIDDEN =
      "{\"Message\":\"Forbidden. For troubleshooting Function URL authorization issues, see:"
          + " https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html\"}";

  /** What the client gets when the function fails or answers something unusable (recorded). */
  private static final String BAD_GATEWAY = "Internal Server Error";

  private final CloudContext cloud;
  private final FakeLambda lambda;
  private final UrlInvoker invoker;
  private final Consumer<Registration> forget;

  UrlRequests(
      CloudContext cloud, FakeLambda lambda, UrlInvoker invoker, Consumer<Registration> forget) {
    this.cloud = cloud;
    this.lambda = lambda;
    this.invoker = invoker;
    this.forget = forget;
  }

  /** What the request led to, before it becomes HTTP. */
  private record Outcome(
      int status, List<HttpField> headers, byte[] body, String detail, boolean invoked) {

    static Outcome refused(int status, String errorType, String body, String detail) {
      List<HttpField> headers = new ArrayList<>();
      headers.add(new HttpField("Content-Type", "application/json"));
      headers.add(new HttpField("x-amzn-ErrorType", errorType));
      return new Outcome(status, headers, body.getBytes(StandardCharsets.UTF_8), detail, false);
    }
  }

  OutgoingResponse serve(Registration url, IncomingRequest request) {
    try {
      return cloud.inTurn(() -> serveInTurn(url, request));
    } catch (Exception e) {
      // Cloudless's own failure, not AWS behaviour: say so rather than answer as AWS would.
      return OutgoingResponse.text(
          500,
          List.of(new HttpField("Content-Type", "text/plain")),
          "Cloudless failed to serve this function URL request: " + e);
    }
  }

  private OutgoingResponse serveInTurn(Registration url, IncomingRequest request) {
    Instant start = cloud.now();
    String requestId = cloud.newRequestId();
    TraceHeader incoming =
        TraceHeader.tryParse(request.header(TraceHeader.HTTP_HEADER))
            .orElseGet(() -> TraceHeader.root(cloud.newTraceId()));
    String segmentId = cloud.traces().newSegmentId();
    TraceHeader toFunction = incoming.withParent(segmentId);
    FunctionUrlConfig config = url.config();

    Outcome outcome = answer(url, config, request, requestId, toFunction);

    List<HttpField> headers = new ArrayList<>(outcome.headers());
    headers.add(new HttpField("x-amzn-RequestId", requestId));
    if (outcome.invoked()) {
      headers.add(
          new HttpField(
              TraceHeader.HTTP_HEADER,
              new TraceHeader(incoming.root(), null, incoming.sampled(), incoming.lineage())
                  .value()));
    }
    Instant end = cloud.now();
    record(url, config, request, requestId, incoming, segmentId, start, end, outcome);
    return new OutgoingResponse(outcome.status(), headers, outcome.body());
  }

  private Outcome answer(
      Registration url,
      FunctionUrlConfig config,
      IncomingRequest request,
      String requestId,
      TraceHeader toFunction) {
    if (url.deleted() || !sameFunction(url)) {
      forget.accept(url);
      return Outcome.refused(403, "AccessDeniedException", NO_SUCH_URL, "no such function URL");
    }
    if (url.qualifier != null
        && !url.qualifier.equals(Registration.LATEST)
        && url.function.alias(url.qualifier).isEmpty()) {
      // AWS recorded: the URL of a deleted alias refuses requests with its authorization error.
      return Outcome.refused(
          403, "AccessDeniedException", FORBIDDEN, "alias " + url.qualifier + " was deleted");
    }
    Cors cors = config.cors();
    String origin = request.header("Origin");
    if (CorsHeaders.isPreflight(
        cors, request.method(), origin, request.header("Access-Control-Request-Method"))) {
      return new Outcome(
          200, CorsHeaders.preflight(cors, origin), new byte[0], "CORS preflight", false);
    }
    PayloadV2.IamCaller caller = null;
    if (config.authType() == FunctionUrlAuthType.AWS_IAM) {
      SigV4Check.Result signature = SigV4Check.check(request, cloud.region());
      if (!signature.accepted()) {
        return Outcome.refused(403, "AccessDeniedException", FORBIDDEN, signature.refusal());
      }
      // Cloudless has no IAM users: a signed caller is the account's root, in the same account.
      caller =
          new PayloadV2.IamCaller(
              signature.accessKeyId(),
              cloud.accountId(),
              "arn:aws:iam::" + cloud.accountId() + ":root",
              cloud.accountId());
    }
    ObjectNode event =
        PayloadV2.event(
            cloud.json(),
            request,
            new PayloadV2.Arrival(
                config.urlId(),
                config.domainName(),
                requestId,
                cloud.now(),
                toFunction.value(),
                caller == null ? "anonymous" : caller.accountId(),
                caller));
    Outcome invoked = invoke(url, event, requestId, toFunction);
    List<HttpField> headers = CorsHeaders.actual(cors, origin, invoked.headers());
    return new Outcome(
        invoked.status(), headers, invoked.body(), invoked.detail(), invoked.invoked());
  }

  private Outcome invoke(
      Registration url, ObjectNode event, String requestId, TraceHeader toFunction) {
    InvocationResult result;
    try {
      result =
          invoker.invoke(
              url.function.name(),
              url.qualifier,
              requestId,
              cloud.json().writeValueAsString(event),
              toFunction);
    } catch (TooManyRequestsException e) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("Reason", e.reason());
      body.put("Type", e.errorType());
      body.put("message", e.getMessage());
      return Outcome.refused(429, e.errorCode(), json(body), "throttled: " + e.reason());
    } catch (AwsServiceException e) {
      return Outcome.refused(
          e.statusCode(),
          e.errorCode(),
          json(Map.of("Message", e.getMessage())),
          e.errorCode() + ": " + e.getMessage());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An event tree always serializes", e);
    }
    if (result.isFunctionError()) {
      return new Outcome(
          502,
          List.of(new HttpField("Content-Type", "text/plain")),
          BAD_GATEWAY.getBytes(StandardCharsets.UTF_8),
          "function error: " + errorType(result.payload()),
          true);
    }
    try {
      UrlResponses.Answer answer = UrlResponses.from(cloud.json(), result.payload());
      return new Outcome(answer.status(), answer.headers(), answer.body(), "invoked", true);
    } catch (UrlResponses.InvalidResponse e) {
      return new Outcome(
          502,
          List.of(new HttpField("Content-Type", "text/plain")),
          BAD_GATEWAY.getBytes(StandardCharsets.UTF_8),
          "invalid response: " + e.getMessage(),
          true);
    }
  }

  private boolean sameFunction(Registration url) {
    Optional<LambdaFunction> now = lambda.findFunction(url.function.name());
    return now.isPresent() && now.get() == url.function;
  }

  private String errorType(String payload) {
    try {
      return cloud.json().readTree(payload).path("errorType").asText("Unhandled");
    } catch (JsonProcessingException e) {
      return "Unhandled";
    }
  }

  private String json(Object value) {
    try {
      return cloud.json().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Maps of strings always serialize", e);
    }
  }

  /** The journal event and the X-Ray segment of the request. */
  private void record(
      Registration url,
      FunctionUrlConfig config,
      IncomingRequest request,
      String requestId,
      TraceHeader incoming,
      String segmentId,
      Instant start,
      Instant end,
      Outcome outcome) {
    String functionName = url.function.name();
    cloud
        .journal()
        .append(
            seq ->
                new FunctionUrlEvent.RequestServed(
                    seq,
                    end,
                    config.functionArn(),
                    incoming.root().value(),
                    functionName,
                    config.urlId(),
                    request.method(),
                    request.rawPath(),
                    outcome.status(),
                    requestId,
                    outcome.detail(),
                    outcome.invoked()));
    Map<String, Object> http = new LinkedHashMap<>();
    http.put("method", request.method());
    http.put("url", config.functionUrl() + request.rawPath().substring(1));
    http.put("client_ip", request.sourceIp());
    http.put("user_agent", request.header("User-Agent"));
    Segment.Builder segment =
        Segment.builder(incoming.root(), segmentId, functionName)
            .origin("AWS::Lambda::Url")
            .parentId(incoming.parent())
            .start(start)
            .end(end)
            .httpStatus(outcome.status())
            .annotation("operation", "InvokeFunctionUrl")
            .aws("request_id", requestId)
            .aws("url_id", config.urlId())
            .metadata("http", http);
    if (outcome.status() >= 400) {
      Segment.Cause cause = new Segment.Cause("HTTP " + outcome.status(), outcome.detail());
      if (outcome.status() == 429) {
        segment.throttle(cause);
      } else if (outcome.status() >= 500) {
        segment.fault(cause);
      } else {
        segment.error(cause);
      }
    }
    cloud.traces().record(segment.build());
  }
}
