package dev.cloudless.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.apigateway.Stage;
import java.util.Objects;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an API stage, read from the journal: how many requests it served, and per route the
 * calls, cache hits, throttles and authorizer decisions.
 *
 * <pre>{@code
 * assertThat(prod).hasRequests(3);
 * assertThat(prod).route("GET /orders/{id}")
 *     .hasCalls(3)
 *     .hasCacheHits(2)
 *     .hasAuthorizerDecisions(ALLOW);
 * }</pre>
 *
 * <p>Route keys are written as the journal records them: {@code GET /orders/{id}} (REST: the method
 * and the resource path; {@code ANY} methods under the verb that matched), or {@code $default} on
 * HTTP APIs. A failure lists the stage's or the route's events.
 *
 * <p>Not final only so that {@link CloudlessSoftAssertions} can proxy it; the package-private
 * constructor keeps it closed to other subclasses.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class StageAssert extends AbstractAssert<StageAssert, Stage> {

  /** How navigation builds children: set by soft assertions, plain otherwise. */
  Navigator navigator = Navigator.HARD;

  StageAssert(Stage actual) {
    super(actual, StageAssert.class);
  }

  /** Verifies how many requests the stage answered, whatever their route and status. */
  public StageAssert hasRequests(int expected) {
    int served = stage().requests().size();
    if (served != expected) {
      throw fail(
          "to have answered "
              + FailureText.count(expected, "request", "requests")
              + " but it answered "
              + served
              + ".");
    }
    return myself;
  }

  /** Assertions on one route of the stage, such as {@code GET /orders/{id}}. */
  public RouteAssert route(String routeKey) {
    Objects.requireNonNull(routeKey, "routeKey");
    if (actual == null) {
      navigator.navigationFailed(nullActual());
      return navigator
          .child(RouteAssert.class, Stage.class, null, RouteAssert::new)
          .markNotReached();
    }
    RouteAssert child =
        navigator.child(RouteAssert.class, Stage.class, actual, RouteAssert::new).of(routeKey);
    if (info.hasDescription()) {
      child.describedAs(info.description());
    }
    return child;
  }

  /** Verifies one route with {@code requirements} and stays on the stage. */
  public StageAssert route(String routeKey, Consumer<RouteAssert> requirements) {
    Objects.requireNonNull(requirements, "requirements");
    requirements.accept(route(routeKey));
    return myself;
  }

  private Stage stage() {
    if (actual == null) {
      throw nullActual();
    }
    return actual;
  }

  private AssertionError fail(String sentence) {
    return failure(
        FailureText.of(
            "stage [" + actual.name() + "] of API [" + actual.apiId() + "]",
            sentence,
            JournalStory.ofStage(actual, null)));
  }

  private AssertionError nullActual() {
    return failure(FailureText.of("a stage", "but it was null.", ""));
  }
}
