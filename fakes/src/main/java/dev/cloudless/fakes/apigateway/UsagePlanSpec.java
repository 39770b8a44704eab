package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A usage plan ({@code CreateUsagePlan}): per-key throttle and quota on the stages it lists.
 *
 * <pre>{@code
 * UsagePlanSpec.named("basic").throttle(Throttle.of(10, 5)).quota(Quota.perDay(1000))
 *     .stage(api.id(), "prod");
 * }</pre>
 *
 * @param name the plan's name
 * @param throttle each key's token bucket, or null for none
 * @param quota each key's quota, or null for none
 * @param stages the {@code apiId/stage} pairs the plan covers
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record UsagePlanSpec(String name, Throttle throttle, Quota quota, List<String> stages) {

  public UsagePlanSpec {
    Objects.requireNonNull(name, "name");
    stages = List.copyOf(stages);
  }

  public static UsagePlanSpec named(String name) {
    return new UsagePlanSpec(name, null, null, List.of());
  }

  public UsagePlanSpec throttle(Throttle throttle) {
    return new UsagePlanSpec(name, throttle, quota, stages);
  }

  public UsagePlanSpec quota(Quota quota) {
    return new UsagePlanSpec(name, throttle, quota, stages);
  }

  /** This plan covering stage {@code stage} of API {@code apiId}. */
  public UsagePlanSpec stage(String apiId, String stage) {
    List<String> more = new ArrayList<>(stages);
    more.add(apiId + "/" + stage);
    return new UsagePlanSpec(name, throttle, quota, more);
  }
}
