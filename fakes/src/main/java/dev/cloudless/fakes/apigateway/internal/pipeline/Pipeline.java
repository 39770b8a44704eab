package dev.cloudless.fakes.apigateway.internal.pipeline;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.apigateway.ApiGatewayEvent;
import dev.cloudless.fakes.apigateway.ApiGatewayEvent.CacheOutcome;
import dev.cloudless.fakes.apigateway.ApiKey;
import dev.cloudless.fakes.apigateway.ApiKeySource;
import dev.cloudless.fakes.apigateway.ApiRequest;
import dev.cloudless.fakes.apigateway.ApiResponse;
import dev.cloudless.fakes.apigateway.AuthorizerSpec;
import dev.cloudless.fakes.apigateway.Header;
import dev.cloudless.fakes.apigateway.Integration;
import dev.cloudless.fakes.apigateway.IntegrationType;
import dev.cloudless.fakes.apigateway.MethodSettings;
import dev.cloudless.fakes.apigateway.UnauthorizedCacheControlHeaderStrategy;
import dev.cloudless.fakes.apigateway.internal.auth.Authorizers;
import dev.cloudless.fakes.apigateway.internal.compression.Compression;
import dev.cloudless.fakes.apigateway.internal.integrations.IntegrationResult;
import dev.cloudless.fakes.apigateway.internal.integrations.Integrations;
import dev.cloudless.fakes.apigateway.internal.integrations.TemplateContext;
import dev.cloudless.fakes.apigateway.internal.limits.GatewayLimits;
import dev.cloudless.fakes.apigateway.internal.limits.TokenBucket;
import dev.cloudless.fakes.apigateway.internal.limits.UsagePlanImpl;
import dev.cloudless.fakes.apigateway.internal.model.ApiKind;
import dev.cloudless.fakes.apigateway.internal.model.ApiModel;
import dev.cloudless.fakes.apigateway.internal.model.Exchange;
import dev.cloudless.fakes.apigateway.internal.model.Replies;
import dev.cloudless.fakes.apigateway.internal.model.RouteDef;
import dev.cloudless.fakes.apigateway.internal.routing.Router;
import dev.cloudless.fakes.apigateway.internal.vtl.Templates;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.lambda.Cors;
import dev.cloudless.trace.Segment;
import dev.cloudless.trace.TraceHeader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * The one path every request takes, in process or over HTTP: size limit, request decompression,
 * CORS preflight (HTTP APIs), routing, required parameters, Lambda authorizer, API key and usage
 * plan, stage and method throttling, account throttling, stage cache, integration, response
 * compression and API Gateway's own headers. Each decision is journaled.
 */
@API(status = INTERNAL, since = "0.1")
public final class Pipeline {

  /** API Gateway's payload limit: 10 MB (AWS-SEMANTICS 5.4). */
  public static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

  private final CloudContext cloud;
  private final Integrations integrations;
  private final GatewayLimits limits;
  private final Supplier<String> extendedIds;

  public Pipeline(
      CloudContext cloud,
      Integrations integrations,
      GatewayLimits limits,
      Supplier<String> extendedIds) {
    this.cloud = cloud;
    this.integrations = integrations;
    this.limits = limits;
    this.extendedIds = extendedIds;
  }

  public Templates templates() {
    return integrations.templates();
  }

  /** Where a request arrived: in process, or over the loopback listener on {@code port}. */
  public record Arrival(String proto, int port) {
    public static final Arrival IN_PROCESS = new Arrival("https", 443);
  }

  /**
   * Serves one request to {@code api}: {@code stage} is null when the path names no stage of the
   * API.
   *
   * @param stagePath the path after the stage, as sent
   * @param rawQuery the query string, as sent
   */
  public ApiResponse serve(
      ApiModel api,
      StageRuntime stage,
      String stageName,
      ApiRequest request,
      String stagePath,
      String rawQuery,
      Arrival arrival) {
    ApiModel model = stage != null ? stage.api() : api;
    Exchange ex =
        new Exchange(
            cloud,
            model,
            stageName,
            stage == null ? null : stage.deploymentId(),
            stage == null ? Map.of() : stage.spec().variables(),
            request,
            stagePath,
            rawQuery,
            cloud.newRequestId(),
            extendedIds.get());
    ex.arrivedOver(arrival.proto(), arrival.port());
    Outcome outcome;
    try {
      outcome = stage == null ? noStage(ex) : handle(ex, stage);
    } catch (Templates.TemplateException e) {
      outcome = new Outcome(Replies.configurationError(ex.kind()), null, e.getMessage());
    }
    ApiResponse response = finish(ex, stage, outcome.response());
    record(ex, stage, response, outcome);
    return response;
  }

  private record Outcome(ApiResponse response, IntegrationType integration, String detail) {
    static Outcome gateway(ApiResponse response, String detail) {
      return new Outcome(response, null, detail);
    }
  }

  private Outcome noStage(Exchange ex) {
    return Outcome.gateway(
        ex.kind() == ApiKind.REST ? Replies.forbidden(ApiKind.REST) : Replies.notFound(),
        "no such stage");
  }

  private Outcome handle(Exchange ex, StageRuntime stage) {
    ApiModel api = stage.api();
    if (ex.request().body().length > MAX_PAYLOAD_BYTES) {
      return Outcome.gateway(Replies.requestTooLarge(), "payload over 10 MB");
    }
    if (api.kind() == ApiKind.REST && api.minimumCompressionSize() != null) {
      try {
        ex.request(Compression.decompress(ex.request()));
      } catch (Compression.UnsupportedEncoding e) {
        return Outcome.gateway(Replies.unsupportedMediaType(), e.getMessage());
      }
    }
    Cors cors = api.cors();
    if (api.kind() == ApiKind.HTTP && isPreflight(cors, ex)) {
      return Outcome.gateway(
          new ApiResponse(204, CorsHeaders.preflight(cors, ex.header("Origin")), new byte[0]),
          "CORS preflight");
    }
    Optional<Router.Match> match = stage.router().match(ex.request().method(), ex.path());
    if (match.isEmpty()) {
      return Outcome.gateway(
          api.kind() == ApiKind.REST ? Replies.missingAuthenticationToken() : Replies.notFound(),
          "no route");
    }
    ex.matched(match.get().route(), match.get().pathParameters());
    RouteDef route = ex.route();

    List<String> missing = new ArrayList<>();
    route
        .spec()
        .requestParameters()
        .forEach(
            (name, required) -> {
              if (required && TemplateContext.source(ex, name) == null) {
                missing.add(name.substring(name.lastIndexOf('.') + 1));
              }
            });
    if (!missing.isEmpty()) {
      return Outcome.gateway(Replies.missingParameters(missing), "missing required parameters");
    }

    if (route.spec().authorizer() != null) {
      AuthorizerSpec authorizer = api.authorizers().get(route.spec().authorizer());
      if (authorizer == null) {
        return Outcome.gateway(
            Replies.configurationError(api.kind()),
            "authorizer " + route.spec().authorizer() + " does not exist");
      }
      Authorizers.Decision decision = stage.authorizers().authorize(ex, authorizer);
      if (decision.refusal() != null) {
        return Outcome.gateway(decision.refusal(), "refused by authorizer " + authorizer.name());
      }
    }

    if (route.spec().apiKeyRequired()) {
      String value =
          api.apiKeySource() == ApiKeySource.AUTHORIZER
              ? ex.usageIdentifierKey()
              : ex.header("x-api-key");
      Optional<ApiKey> key = limits.key(value);
      Optional<UsagePlanImpl> plan = key.flatMap(k -> limits.plan(k, api.id(), ex.stage()));
      if (plan.isEmpty()) {
        return Outcome.gateway(
            Replies.forbidden(api.kind()),
            value == null ? "no API key" : "API key not valid for this stage");
      }
      ex.apiKeyId(key.get().id());
      ex.apiKeyValue(key.get().value());
      UsagePlanImpl.Verdict verdict = plan.get().admit(key.get(), ex.now());
      if (verdict == UsagePlanImpl.Verdict.THROTTLED) {
        throttled(ex, "usage plan");
        return Outcome.gateway(Replies.tooManyRequests(api.kind()), "throttled by usage plan");
      }
      if (verdict == UsagePlanImpl.Verdict.QUOTA_EXCEEDED) {
        throttled(ex, "usage plan quota");
        return Outcome.gateway(Replies.quotaExceeded(), "usage plan quota exceeded");
      }
    }

    TokenBucket bucket = stage.bucket(route, ex.now());
    if (bucket != null && !bucket.tryAcquire(ex.now())) {
      throttled(ex, stage.ownThrottle(route) ? "method" : "stage");
      return Outcome.gateway(Replies.tooManyRequests(api.kind()), "throttled");
    }
    if (!limits.account().tryAcquire(ex.now())) {
      throttled(ex, "account");
      return Outcome.gateway(Replies.tooManyRequests(api.kind()), "throttled by the account limit");
    }

    RouteFaultPoint.Decision fault = RouteFaultPoint.consult(cloud.faults(), ex);
    if (fault.throttle()) {
      throttled(ex, "fault");
      return Outcome.gateway(Replies.tooManyRequests(api.kind()), "throttled by a fault rule");
    }
    if (fault.serviceError()) {
      return Outcome.gateway(
          Replies.configurationError(api.kind()), "service error by a fault rule");
    }

    CacheUse cache = cacheUse(ex, stage);
    List<Header> cacheHeaders = new ArrayList<>();
    if (cache != null) {
      boolean invalidate = "max-age=0".equalsIgnoreCase(cacheControl(ex));
      if (invalidate && !mayInvalidate(ex, cache.settings)) {
        cacheLookup(ex, cache.key, CacheOutcome.INVALIDATION_REFUSED);
        UnauthorizedCacheControlHeaderStrategy strategy =
            cache.settings.unauthorizedCacheControlHeaderStrategy();
        if (strategy == UnauthorizedCacheControlHeaderStrategy.FAIL_WITH_403) {
          return Outcome.gateway(Replies.implicitDeny(api.kind()), "cache invalidation refused");
        }
        if (strategy == UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITH_RESPONSE_HEADER) {
          cacheHeaders.add(
              new Header("Warning", "199 \"Cache-Control: max-age=0 ignored: not authorized\""));
        }
        invalidate = false;
      }
      if (!invalidate) {
        Optional<ApiResponse> hit = stage.cache().lookup(cache.key, ex.now());
        if (hit.isPresent()) {
          cacheLookup(ex, cache.key, CacheOutcome.HIT);
          return Outcome.gateway(withHeaders(hit.get(), cacheHeaders), "cache hit");
        }
      }
      IntegrationResult result = runIntegration(ex, route, fault.latency());
      cacheLookup(ex, cache.key, invalidate ? CacheOutcome.INVALIDATED : CacheOutcome.MISS);
      if (result.response().statusCode() < 400) {
        stage.cache().store(cache.key, result.response(), cache.ttl, ex.now());
      }
      return new Outcome(
          withHeaders(result.response(), cacheHeaders),
          route.spec().integration().type(),
          result.detail());
    }
    IntegrationResult result = runIntegration(ex, route, fault.latency());
    return new Outcome(result.response(), route.spec().integration().type(), result.detail());
  }

  /**
   * Runs the route's integration; an injected latency makes its answer arrive that much later, and
   * past the integration's timeout the client gets the timeout answer at the timeout's instant.
   */
  private IntegrationResult runIntegration(Exchange ex, RouteDef route, Duration latency) {
    Integration integration = route.spec().integration();
    Instant start = ex.now();
    IntegrationResult result = integrations.run(ex, integration);
    if (latency.isZero()) {
      return result;
    }
    Instant answered = ex.now().plus(latency);
    Instant deadline = start.plus(integration.timeout());
    if (answered.isAfter(deadline)) {
      ex.continueAt(deadline);
      return new IntegrationResult(
          Replies.integrationTimeout(ex.kind()), "integration timeout (latency by a fault rule)");
    }
    ex.continueAt(answered);
    return result;
  }

  private static ApiResponse withHeaders(ApiResponse response, List<Header> more) {
    if (more.isEmpty()) {
      return response;
    }
    List<Header> headers = new ArrayList<>(response.headers());
    headers.addAll(more);
    return new ApiResponse(response.statusCode(), headers, response.body());
  }

  // ---- cache -----------------------------------------------------------------------------------

  private record CacheUse(String key, int ttl, MethodSettings settings) {}

  /**
   * Whether the stage caches this route, and under which key. Only GET is cached unless a method
   * setting says otherwise; the key is the method, the resource path and the values of the
   * integration's {@code cacheKeyParameters} only, so two requests differing in an undeclared
   * parameter (a path variable included) share an entry, as on AWS (AWS-SEMANTICS 5.5).
   */
  private CacheUse cacheUse(Exchange ex, StageRuntime stage) {
    if (ex.kind() != ApiKind.REST || !stage.spec().cacheClusterEnabled()) {
      return null;
    }
    RouteDef route = ex.route();
    MethodSettings settings = stage.settings(route);
    boolean enabled =
        settings.cachingEnabled() != null
            ? settings.cachingEnabled()
            : ex.request().method().equals("GET");
    int ttl = settings.cacheTtlInSeconds() != null ? settings.cacheTtlInSeconds() : 300;
    if (!enabled || ttl == 0) {
      return null;
    }
    StringBuilder key = new StringBuilder(ex.request().method()).append(' ').append(route.path());
    for (String parameter : route.spec().integration().cacheKeyParameters()) {
      String value = TemplateContext.source(ex, parameter);
      key.append(' ')
          .append(parameter.substring(parameter.lastIndexOf('.') + 1))
          .append('=')
          .append(value == null ? "" : value);
    }
    return new CacheUse(key.toString(), ttl, settings);
  }

  private static String cacheControl(Exchange ex) {
    String value = ex.header("Cache-Control");
    return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether the client may invalidate: anyone, unless the method requires authorization for it and
   * has an authorizer, whose policy must then allow {@code execute-api:InvalidateCache}.
   */
  private static boolean mayInvalidate(Exchange ex, MethodSettings settings) {
    if (!settings.requireAuthorizationForCacheControl() || ex.route().spec().authorizer() == null) {
      return true;
    }
    return Authorizers.allows(ex, "execute-api:InvalidateCache");
  }

  // ---- CORS (HTTP APIs) ------------------------------------------------------------------------

  private static boolean isPreflight(Cors cors, Exchange ex) {
    return cors.isConfigured()
        && ex.request().method().equals("OPTIONS")
        && ex.header("Origin") != null
        && ex.header("Access-Control-Request-Method") != null;
  }

  // ---- answer ----------------------------------------------------------------------------------

  /** Compression, CORS headers on actual responses, and API Gateway's own headers. */
  private ApiResponse finish(Exchange ex, StageRuntime stage, ApiResponse response) {
    ApiModel api = ex.api();
    ApiResponse r = response;
    if (api.kind() == ApiKind.REST && api.minimumCompressionSize() != null) {
      r = Compression.compress(r, ex.header("Accept-Encoding"), api.minimumCompressionSize());
    }
    List<Header> headers = new ArrayList<>();
    for (Header h : r.headers()) {
      if (!h.name().equalsIgnoreCase("Content-Length")) {
        headers.add(h);
      }
    }
    if (api.kind() == ApiKind.HTTP && api.cors().isConfigured() && !isPreflight(api.cors(), ex)) {
      headers = CorsHeaders.actual(api.cors(), ex.header("Origin"), headers);
    }
    if (api.kind() == ApiKind.REST) {
      headers.add(new Header("x-amzn-RequestId", ex.requestId()));
      headers.add(new Header("x-amz-apigw-id", ex.extendedRequestId()));
      TraceHeader trace = ex.incomingTrace();
      headers.add(
          new Header(
              TraceHeader.HTTP_HEADER,
              new TraceHeader(trace.root(), null, trace.sampled(), trace.lineage()).value()));
    } else {
      headers.add(new Header("apigw-requestid", ex.extendedRequestId()));
    }
    return new ApiResponse(r.statusCode(), headers, r.body());
  }

  // ---- journal and trace -----------------------------------------------------------------------

  private void throttled(Exchange ex, String limit) {
    Instant now = ex.now();
    cloud
        .journal()
        .append(
            seq ->
                new ApiGatewayEvent.RequestThrottled(
                    seq,
                    now,
                    ex.stageArn(),
                    ex.incomingTrace().root().value(),
                    ex.api().id(),
                    ex.stage(),
                    ex.routeKey(),
                    limit,
                    ex.apiKeyId()));
  }

  private void cacheLookup(Exchange ex, String key, CacheOutcome outcome) {
    Instant now = ex.now();
    cloud
        .journal()
        .append(
            seq ->
                new ApiGatewayEvent.CacheLookup(
                    seq,
                    now,
                    ex.stageArn(),
                    ex.incomingTrace().root().value(),
                    ex.api().id(),
                    ex.stage(),
                    ex.routeKey(),
                    key,
                    outcome));
  }

  private void record(Exchange ex, StageRuntime stage, ApiResponse response, Outcome outcome) {
    Instant end = ex.now();
    String traceId = ex.incomingTrace().root().value();
    String stageName = stage == null ? null : ex.stage();
    String path = ex.request().pathAndQuery();
    int q = path.indexOf('?');
    String rawPath = q < 0 ? path : path.substring(0, q);
    cloud
        .journal()
        .append(
            seq ->
                new ApiGatewayEvent.RequestServed(
                    seq,
                    end,
                    ex.stageArn(),
                    traceId,
                    ex.api().id(),
                    stageName,
                    ex.routeKey(),
                    ex.request().method(),
                    rawPath,
                    response.statusCode(),
                    ex.kind() == ApiKind.REST ? ex.requestId() : ex.extendedRequestId(),
                    outcome.integration(),
                    outcome.detail(),
                    ex.startedAt()));
    Map<String, Object> http = new LinkedHashMap<>();
    http.put("method", ex.request().method());
    http.put("url", "https://" + ex.domainName() + rawPath);
    http.put("client_ip", ex.request().sourceIp());
    http.put("user_agent", ex.header("User-Agent"));
    Segment.Builder segment =
        Segment.builder(
                ex.incomingTrace().root(),
                ex.segmentId(),
                ex.api().name() + "/" + (stageName == null ? "-" : stageName))
            .origin("AWS::ApiGateway::Stage")
            .parentId(ex.incomingTrace().parent())
            .start(ex.startedAt())
            .end(end)
            .httpStatus(response.statusCode())
            .annotation("route", ex.routeKey() == null ? "-" : ex.routeKey())
            .aws("api_id", ex.api().id())
            .aws("request_id", ex.requestId())
            .metadata("http", http);
    int status = response.statusCode();
    if (status >= 400) {
      Segment.Cause cause = new Segment.Cause("HTTP " + status, outcome.detail());
      if (status == 429) {
        segment.throttle(cause);
      } else if (status >= 500) {
        segment.fault(cause);
      } else {
        segment.error(cause);
      }
    }
    cloud.traces().record(segment.build());
  }
}
