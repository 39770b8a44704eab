package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** A usage plan and the keys it serves. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface UsagePlan {

  String id();

  UsagePlanSpec spec();

  /** Adds {@code key} to the plan ({@code CreateUsagePlanKey}). */
  UsagePlan addKey(ApiKey key);

  /** How many requests {@code key} may still make in the current quota period. */
  int remainingQuota(ApiKey key);
}
