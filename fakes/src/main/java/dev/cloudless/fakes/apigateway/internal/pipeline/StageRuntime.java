package dev.cloudless.fakes.apigateway.internal.pipeline;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.apigateway.MethodSettings;
import dev.cloudless.fakes.apigateway.StageSpec;
import dev.cloudless.fakes.apigateway.Throttle;
import dev.cloudless.fakes.apigateway.internal.auth.Authorizers;
import dev.cloudless.fakes.apigateway.internal.cache.StageCache;
import dev.cloudless.fakes.apigateway.internal.limits.TokenBucket;
import dev.cloudless.fakes.apigateway.internal.model.ApiModel;
import dev.cloudless.fakes.apigateway.internal.model.RouteDef;
import dev.cloudless.fakes.apigateway.internal.routing.Router;
import dev.cloudless.fakes.internal.CloudContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A stage as it serves requests: the deployment it froze, its settings, its router, and its state
 * (cache, authorizer decisions, per-method token buckets).
 */
@API(status = INTERNAL, since = "0.1")
public final class StageRuntime {

  private final ApiModel api;
  private final StageSpec spec;
  private final String deploymentId;
  private final Router router;
  private final StageCache cache;
  private final Authorizers authorizers;
  private final Map<String, TokenBucket> buckets = new HashMap<>();

  public StageRuntime(
      CloudContext cloud,
      ApiModel api,
      StageSpec spec,
      String deploymentId,
      StageCache cache,
      Authorizers authorizers) {
    this.api = api;
    this.spec = spec;
    this.deploymentId = deploymentId;
    this.router = Router.of(api.routes());
    this.cache = cache != null ? cache : new StageCache();
    this.authorizers = authorizers != null ? authorizers : new Authorizers(cloud);
  }

  public ApiModel api() {
    return api;
  }

  public StageSpec spec() {
    return spec;
  }

  public String deploymentId() {
    return deploymentId;
  }

  public Router router() {
    return router;
  }

  public StageCache cache() {
    return cache;
  }

  public Authorizers authorizers() {
    return authorizers;
  }

  /** The settings for a route: its own, over the stage's {@code * /*}. */
  public MethodSettings settings(RouteDef route) {
    return spec.settingsFor(route.path() == null ? route.routeKey() : route.path(), route.method());
  }

  /**
   * The token bucket of a route, or null when neither the method nor the stage is throttled. The
   * stage's limits apply to each method on its own, as AWS's default method throttling does.
   */
  public synchronized TokenBucket bucket(RouteDef route, Instant now) {
    MethodSettings settings = settings(route);
    Throttle throttle = settings.throttle() != null ? settings.throttle() : spec.throttle();
    if (throttle == null) {
      return null;
    }
    return buckets.computeIfAbsent(route.routeKey(), k -> new TokenBucket(throttle, now));
  }

  /** Whether the route has throttle settings of its own (rather than the stage's). */
  public boolean ownThrottle(RouteDef route) {
    String path = route.path() == null ? route.routeKey() : route.path();
    MethodSettings own = spec.methodSettings().get(path + "/" + route.method());
    return own != null && own.throttle() != null;
  }
}
