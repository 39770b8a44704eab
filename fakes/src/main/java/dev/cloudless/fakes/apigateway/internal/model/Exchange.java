package dev.cloudless.fakes.apigateway.internal.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.apigateway.ApiRequest;
import dev.cloudless.fakes.apigateway.Header;
import dev.cloudless.fakes.clock.TimeMode;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.Scheduler;
import dev.cloudless.trace.TraceHeader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One request on its way through a stage: what came in, what was matched and decided, and the
 * request's own virtual time.
 *
 * <p>A request made by the test (or over HTTP) waits on the virtual clock as a client would: when
 * an authorizer or integration ends later than now, the clock moves there ({@link #continueAt}). A
 * request made inside a handler or a scheduled event cannot move the clock; it keeps its own later
 * instant instead, so its journal entries are still stamped when things happened.
 */
@API(status = INTERNAL, since = "0.1")
public final class Exchange {

  /** {@code 09/Apr/2015:12:34:56 +0000}, as {@code requestTime} is written. */
  public static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final CloudContext cloud;
  private final ApiModel api;
  private final String stage;
  private final String deploymentId;
  private final Map<String, String> stageVariables;
  private final String stagePath;
  private final String rawQuery;
  private final Map<String, List<String>> query;
  private final String requestId;
  private final String extendedRequestId;
  private final TraceHeader incomingTrace;
  private final String segmentId;
  private final Instant startedAt;
  private final boolean mayMoveClock;
  private ApiRequest request;
  private Instant logicalNow;
  private RouteDef route;
  private Map<String, String> pathParameters = Map.of();
  private String principalId;
  private Map<String, Object> authorizerContext;
  private Object authorizerPolicy;
  private String usageIdentifierKey;
  private String apiKeyId;
  private String apiKeyValue;
  private long authorizerLatencyMillis;
  private String forwardedProto = "https";
  private int forwardedPort = 443;

  public Exchange(
      CloudContext cloud,
      ApiModel api,
      String stage,
      String deploymentId,
      Map<String, String> stageVariables,
      ApiRequest request,
      String stagePath,
      String rawQuery,
      String requestId,
      String extendedRequestId) {
    this.cloud = cloud;
    this.api = api;
    this.stage = stage;
    this.deploymentId = deploymentId;
    this.stageVariables = Map.copyOf(stageVariables);
    this.request = request;
    this.stagePath = stagePath;
    this.rawQuery = rawQuery;
    this.query = RequestParts.parseQuery(rawQuery);
    this.requestId = requestId;
    this.extendedRequestId = extendedRequestId;
    this.incomingTrace =
        TraceHeader.tryParse(request.header(TraceHeader.HTTP_HEADER))
            .orElseGet(() -> TraceHeader.root(cloud.newTraceId()));
    this.segmentId = cloud.traces().newSegmentId();
    Scheduler clock = cloud.scheduler();
    this.startedAt = clock.now();
    this.logicalNow = startedAt;
    this.mayMoveClock =
        clock.mode() == TimeMode.VIRTUAL && !clock.inEvent() && !cloud.workers().isWorkerThread();
  }

  public CloudContext cloud() {
    return cloud;
  }

  public ApiModel api() {
    return api;
  }

  public ApiKind kind() {
    return api.kind();
  }

  public String stage() {
    return stage;
  }

  public String deploymentId() {
    return deploymentId;
  }

  public Map<String, String> stageVariables() {
    return stageVariables;
  }

  public ApiRequest request() {
    return request;
  }

  /** Replaces the request, as request decompression does before anything reads the body. */
  public void request(ApiRequest replaced) {
    this.request = replaced;
  }

  /**
   * The path after the stage as the client sent it, leading slashes and all: {@code //proxy-value}
   * stays so in {@code requestContext.path} (recorded).
   */
  public String stagePath() {
    return stagePath;
  }

  /**
   * The path after the stage with repeated leading slashes collapsed, as REST's {@code path} shows
   * it (recorded: {@code /stage//hardcoded} gave {@code path: /hardcoded}).
   */
  public String path() {
    String p = stagePath;
    int i = 0;
    while (i + 1 < p.length() && p.charAt(i) == '/' && p.charAt(i + 1) == '/') {
      i++;
    }
    return p.isEmpty() ? "/" : p.substring(i);
  }

  public String rawQuery() {
    return rawQuery;
  }

  /** Query parameters, decoded, every value of a repeated name in order. */
  public Map<String, List<String>> query() {
    return query;
  }

  public String requestId() {
    return requestId;
  }

  public String extendedRequestId() {
    return extendedRequestId;
  }

  /** The trace the client sent, or the one API Gateway started. */
  public TraceHeader incomingTrace() {
    return incomingTrace;
  }

  /**
   * The trace header the integration gets: the request's trace, API Gateway's segment as parent.
   */
  public TraceHeader traceToIntegration() {
    return incomingTrace.withParent(segmentId);
  }

  public String segmentId() {
    return segmentId;
  }

  public Instant startedAt() {
    return startedAt;
  }

  /** The request's current instant: the clock's, or later when the clock could not move. */
  public Instant now() {
    Instant clock = cloud.now();
    return clock.isAfter(logicalNow) ? clock : logicalNow;
  }

  /** The request goes on at {@code instant}: the clock moves there when the caller may wait. */
  public void continueAt(Instant instant) {
    if (instant.isAfter(logicalNow)) {
      logicalNow = instant;
    }
    if (mayMoveClock && instant.isAfter(cloud.now())) {
      cloud.scheduler().advanceTo(instant);
    }
  }

  public RouteDef route() {
    return route;
  }

  public Map<String, String> pathParameters() {
    return pathParameters;
  }

  public void matched(RouteDef route, Map<String, String> pathParameters) {
    this.route = route;
    this.pathParameters = Map.copyOf(pathParameters);
  }

  /** {@code GET /orders/{id}}, or null before routing. */
  public String routeKey() {
    return route == null ? null : route.routeKey();
  }

  /** The first value of header {@code name} (any case), or null. */
  public String header(String name) {
    return request.header(name);
  }

  /** Every value of header {@code name} (any case), in order. */
  public List<String> headerValues(String name) {
    List<String> values = new ArrayList<>();
    for (Header h : request.headers()) {
      if (h.name().equalsIgnoreCase(name)) {
        values.add(h.value());
      }
    }
    return values;
  }

  /** The stage's ARN, which journal entries name. */
  public String stageArn() {
    return stageArn(cloud.region(), api, stage);
  }

  public static String stageArn(String region, ApiModel api, String stage) {
    String collection = api.kind() == ApiKind.REST ? "restapis" : "apis";
    return "arn:aws:apigateway:"
        + region
        + "::/"
        + collection
        + "/"
        + api.id()
        + (stage == null ? "" : "/stages/" + stage);
  }

  /**
   * {@code arn:aws:execute-api:<region>:<account>:<api>/<stage>/<METHOD>/<path>}: what an
   * authorizer's policy is evaluated against. The path is the request's, without its leading slash.
   */
  public String methodArn() {
    String p = path();
    return "arn:aws:execute-api:"
        + cloud.region()
        + ":"
        + cloud.accountId()
        + ":"
        + api.id()
        + "/"
        + stage
        + "/"
        + request.method()
        + "/"
        + (p.startsWith("/") ? p.substring(1) : p);
  }

  public String domainName() {
    return api.domainName(cloud.region());
  }

  // ---- what the authorizer and API key checks decided ------------------------------------------

  public void authorized(
      String principalId, Map<String, Object> context, Object policy, String usageIdentifierKey) {
    this.principalId = principalId;
    this.authorizerContext = context == null ? null : new LinkedHashMap<>(context);
    this.authorizerPolicy = policy;
    this.usageIdentifierKey = usageIdentifierKey;
  }

  /** The principal the authorizer named, or null when the route has no authorizer. */
  public String principalId() {
    return principalId;
  }

  /** The authorizer's context, or null when the route has no authorizer. */
  public Map<String, Object> authorizerContext() {
    return authorizerContext;
  }

  /** The policy the authorizer returned (a JSON tree), or null. */
  public Object authorizerPolicy() {
    return authorizerPolicy;
  }

  public String usageIdentifierKey() {
    return usageIdentifierKey;
  }

  public String apiKeyId() {
    return apiKeyId;
  }

  public void apiKeyId(String id) {
    this.apiKeyId = id;
  }

  public String apiKeyValue() {
    return apiKeyValue;
  }

  public void apiKeyValue(String value) {
    this.apiKeyValue = value;
  }

  /** How long the authorizer took, as {@code requestContext.authorizer.integrationLatency}. */
  public long authorizerLatencyMillis() {
    return authorizerLatencyMillis;
  }

  public void authorizerLatencyMillis(long millis) {
    this.authorizerLatencyMillis = millis;
  }

  /**
   * How the request reached API Gateway: in process it is AWS's {@code https} on 443; over the
   * loopback listener, {@code http} on its port.
   */
  public void arrivedOver(String proto, int port) {
    this.forwardedProto = proto;
    this.forwardedPort = port;
  }

  public String forwardedProto() {
    return forwardedProto;
  }

  public int forwardedPort() {
    return forwardedPort;
  }

  /**
   * The path as sent, stage included unless it is {@code $default}: payload 2.0's {@code rawPath}
   * and {@code http.path} keep a named stage.
   */
  public String rawPath() {
    return stage.equals("$default") ? stagePath : "/" + stage + stagePath;
  }

  /** {@code requestTime} of the request. */
  public String requestTime() {
    return REQUEST_TIME.format(startedAt);
  }
}
