package dev.cloudless.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.apigateway.ApiGatewayEvent;
import dev.cloudless.fakes.apigateway.ApiGatewayEvent.AuthorizerOutcome;
import dev.cloudless.fakes.apigateway.ApiGatewayEvent.CacheOutcome;
import dev.cloudless.fakes.apigateway.Stage;
import dev.cloudless.fakes.journal.JournalEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one route of a stage, reached with {@link StageAssert#route(String)}: its calls,
 * the statuses it answered, cache hits and misses, throttles and authorizer decisions, all read
 * from the journal.
 *
 * <p>Not final only so that {@link CloudlessSoftAssertions} can proxy it; the package-private
 * constructor keeps it closed to other subclasses.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class RouteAssert extends AbstractAssert<RouteAssert, Stage> {

  private String routeKey;
  private boolean notReached;

  RouteAssert(Stage actual) {
    super(actual, RouteAssert.class);
  }

  RouteAssert of(String routeKey) {
    this.routeKey = routeKey;
    return this;
  }

  RouteAssert markNotReached() {
    this.notReached = true;
    return this;
  }

  /** Verifies how many requests the route answered, whatever their status. */
  public RouteAssert hasCalls(int expected) {
    int calls = served().size();
    if (calls != expected) {
      throw fail(
          "to have answered "
              + FailureText.count(expected, "request", "requests")
              + " but it answered "
              + calls
              + ".");
    }
    return myself;
  }

  /** Verifies the statuses the route answered, in order. */
  public RouteAssert hasStatuses(Integer... expected) {
    Objects.requireNonNull(expected, "expected");
    List<Integer> statuses =
        served().stream().map(ApiGatewayEvent.RequestServed::statusCode).toList();
    if (!statuses.equals(Arrays.asList(expected))) {
      throw fail(
          "to have answered statuses " + Arrays.toString(expected) + " but they were " + statuses);
    }
    return myself;
  }

  /** Verifies how many requests the stage cache answered without running the integration. */
  public RouteAssert hasCacheHits(int expected) {
    return countCache(CacheOutcome.HIT, expected, "cache hit", "cache hits");
  }

  /** Verifies how many cacheable requests ran the integration because nothing was cached. */
  public RouteAssert hasCacheMisses(int expected) {
    return countCache(CacheOutcome.MISS, expected, "cache miss", "cache misses");
  }

  /** Verifies how many {@code Cache-Control: max-age=0} requests replaced the cached entry. */
  public RouteAssert hasCacheInvalidations(int expected) {
    return countCache(
        CacheOutcome.INVALIDATED, expected, "cache invalidation", "cache invalidations");
  }

  private RouteAssert countCache(CacheOutcome outcome, int expected, String one, String many) {
    long count =
        events(ApiGatewayEvent.CacheLookup.class, ApiGatewayEvent.CacheLookup::routeKey).stream()
            .filter(c -> c.outcome() == outcome)
            .count();
    if (count != expected) {
      throw fail(
          "to have " + FailureText.count(expected, one, many) + " but it had " + count + ".");
    }
    return myself;
  }

  /** Verifies how many requests were refused with 429, by any limit (usage plan, stage, ...). */
  public RouteAssert hasThrottles(int expected) {
    int count =
        events(ApiGatewayEvent.RequestThrottled.class, ApiGatewayEvent.RequestThrottled::routeKey)
            .size();
    if (count != expected) {
      throw fail(
          "to have "
              + FailureText.count(expected, "throttled request", "throttled requests")
              + " but it had "
              + count
              + ".");
    }
    return myself;
  }

  /** Verifies the authorizer's decisions for the route, in order, cached ones included. */
  public RouteAssert hasAuthorizerDecisions(AuthorizerOutcome... expected) {
    Objects.requireNonNull(expected, "expected");
    List<AuthorizerOutcome> outcomes =
        decisions().stream().map(ApiGatewayEvent.AuthorizerDecided::outcome).toList();
    if (!outcomes.equals(Arrays.asList(expected))) {
      throw fail(
          "to have authorizer decisions "
              + Arrays.toString(expected)
              + " but they were "
              + outcomes
              + ".");
    }
    return myself;
  }

  /**
   * Verifies how many times the authorizer's function ran for the route: decisions taken from the
   * decision cache do not count.
   */
  public RouteAssert hasAuthorizerCalls(int expected) {
    long calls = decisions().stream().filter(d -> !d.cached()).count();
    if (calls != expected) {
      throw fail(
          "to have called its authorizer "
              + FailureText.count(expected, "time", "times")
              + " but it called it "
              + calls
              + (calls == 1 ? " time." : " times."));
    }
    return myself;
  }

  private List<ApiGatewayEvent.AuthorizerDecided> decisions() {
    return events(
        ApiGatewayEvent.AuthorizerDecided.class, ApiGatewayEvent.AuthorizerDecided::routeKey);
  }

  private List<ApiGatewayEvent.RequestServed> served() {
    return events(ApiGatewayEvent.RequestServed.class, ApiGatewayEvent.RequestServed::routeKey);
  }

  private <E extends JournalEvent> List<E> events(Class<E> type, Function<E, String> key) {
    Stage stage = stage();
    return stage.journal().forResource(stage.arn()).stream()
        .filter(type::isInstance)
        .map(type::cast)
        .filter(e -> routeKey.equals(key.apply(e)))
        .toList();
  }

  private Stage stage() {
    if (notReached) {
      throw new NotReached();
    }
    if (actual == null) {
      throw failure(FailureText.of("a route", "but its stage was null.", ""));
    }
    return actual;
  }

  private AssertionError fail(String sentence) {
    return failure(
        FailureText.of(
            "route [" + routeKey + "] of stage [" + actual.name() + "]",
            sentence,
            JournalStory.ofStage(actual, routeKey)));
  }
}
