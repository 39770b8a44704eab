package dev.cloudless.fakes.apigateway.internal.pipeline;

import dev.cloudless.fakes.apigateway.internal.model.ApiModel;
import dev.cloudless.fakes.apigateway.internal.model.Exchange;
import dev.cloudless.fakes.faults.FaultEffect;
import dev.cloudless.fakes.faults.FaultTarget;
import dev.cloudless.fakes.internal.FaultEngine;
import java.time.Duration;
import java.util.List;

/**
 * Where a request meets the fault plan's {@code onRoute(...)} rules: once, after the authorizer,
 * the API key and the throttles, before the cache and the integration. What fired is returned as
 * one decision, so that the pipeline acts on it in its own order: a throttle or a service error
 * answers at once, a latency delays the integration's answer.
 */
final class RouteFaultPoint {

  /** What the rules that fired on a request ask for. */
  record Decision(boolean throttle, boolean serviceError, Duration latency) {
    static final Decision NONE = new Decision(false, false, Duration.ZERO);
  }

  private RouteFaultPoint() {}

  static Decision consult(FaultEngine faults, Exchange ex) {
    if (faults.isEmpty()) {
      return Decision.NONE;
    }
    ApiModel api = ex.api();
    String routeKey = ex.routeKey();
    List<FaultEffect> effects =
        faults.consult(
            target ->
                target instanceof FaultTarget.OnRoute on
                    && (on.api().equals(api.id()) || on.api().equals(api.name()))
                    && on.routeKey().equals(routeKey),
            ex.stageArn(),
            ex.incomingTrace().root().value());
    if (effects.isEmpty()) {
      return Decision.NONE;
    }
    boolean throttle = false;
    boolean serviceError = false;
    Duration latency = Duration.ZERO;
    for (FaultEffect effect : effects) {
      if (effect instanceof FaultEffect.Throttle) {
        throttle = true;
      } else if (effect instanceof FaultEffect.ServiceError) {
        serviceError = true;
      } else if (effect instanceof FaultEffect.Latency l) {
        latency = latency.plus(l.delay());
      } else {
        // RouteFaults builds only the three above; a rule built by hand must not be dropped
        // quietly.
        throw new IllegalStateException(
            "A fault rule on route ["
                + routeKey
                + "] of API ["
                + api.name()
                + "] has effect "
                + effect.describe()
                + ", but a route can only have latency(...), throttle() or serviceError().");
      }
    }
    return new Decision(throttle, serviceError, latency);
  }
}
