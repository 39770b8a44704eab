package dev.cloudless.fakes.apigateway.internal.limits;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.apigateway.ApiKey;
import dev.cloudless.fakes.apigateway.Throttle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What the account shares across its APIs: the Region's throttle (10,000 requests per second,
 * bursts of 5,000 by default), the API keys and the usage plans.
 */
@API(status = INTERNAL, since = "0.1")
public final class GatewayLimits {

  private TokenBucket account;
  private final Map<String, ApiKey> keysByValue = new LinkedHashMap<>();
  private final List<UsagePlanImpl> plans = new ArrayList<>();

  public GatewayLimits(Instant now) {
    this.account = new TokenBucket(Throttle.ACCOUNT_DEFAULT, now);
  }

  public synchronized void accountThrottle(Throttle throttle, Instant now) {
    this.account = new TokenBucket(throttle, now);
  }

  public synchronized TokenBucket account() {
    return account;
  }

  public synchronized void addKey(ApiKey key) {
    keysByValue.put(key.value(), key);
  }

  public synchronized boolean hasKeyValue(String value) {
    return keysByValue.containsKey(value);
  }

  public synchronized void addPlan(UsagePlanImpl plan) {
    plans.add(plan);
  }

  /** The enabled key with this value, if any. */
  public synchronized Optional<ApiKey> key(String value) {
    ApiKey key = value == null ? null : keysByValue.get(value);
    return key != null && key.enabled() ? Optional.of(key) : Optional.empty();
  }

  /** The plan that covers the stage and serves the key, if any. */
  public synchronized Optional<UsagePlanImpl> plan(ApiKey key, String apiId, String stage) {
    for (UsagePlanImpl plan : plans) {
      if (plan.covers(apiId, stage) && plan.has(key)) {
        return Optional.of(plan);
      }
    }
    return Optional.empty();
  }
}
