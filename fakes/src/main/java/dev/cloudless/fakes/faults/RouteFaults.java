package dev.cloudless.fakes.faults;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * The effects a fault can have on an API Gateway route (REST or HTTP API); each is followed by a
 * schedule. A hit is a request routed to the route that got past the authorizer, the API key and
 * the throttles, so {@code onRoute("shop", "GET /orders").throttle().times(1)} refuses the first
 * such request only.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RouteFaults {

  private final String api;
  private final String routeKey;

  RouteFaults(String api, String routeKey) {
    this.api = api;
    this.routeKey = routeKey;
  }

  /**
   * The integration answers this much later on the virtual clock. When the wait passes the
   * integration's timeout (29 s by default), the client gets AWS's timeout answer at the timeout:
   * REST 504 {@code Endpoint request timed out}, HTTP APIs 503 {@code Service Unavailable}.
   */
  public UnscheduledFault latency(Duration delay) {
    return new UnscheduledFault(target(), new FaultEffect.Latency(delay));
  }

  /**
   * The request is refused with 429 {@code Too Many Requests}, as a throttle refuses it (API
   * Gateway's 429 carries no reason, so the rule has none).
   */
  public UnscheduledFault throttle() {
    return new UnscheduledFault(target(), new FaultEffect.Throttle(""));
  }

  /**
   * API Gateway fails the request with 500 {@code Internal server error} without calling the
   * integration.
   */
  public UnscheduledFault serviceError() {
    return new UnscheduledFault(target(), new FaultEffect.ServiceError());
  }

  /**
   * Each rule gets a target of its own, as on queues: the route tells its rules apart by target.
   */
  private FaultTarget target() {
    return new FaultTarget.OnRoute(api, routeKey);
  }
}
