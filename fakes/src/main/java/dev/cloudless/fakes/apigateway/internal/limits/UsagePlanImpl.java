package dev.cloudless.fakes.apigateway.internal.limits;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.apigateway.ApiKey;
import dev.cloudless.fakes.apigateway.Quota;
import dev.cloudless.fakes.apigateway.UsagePlan;
import dev.cloudless.fakes.apigateway.UsagePlanSpec;
import dev.cloudless.fakes.aws.AwsServiceException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * A usage plan: the keys it serves, each key's token bucket and its quota count for the current
 * period (calendar periods in UTC, on the virtual clock).
 */
@API(status = INTERNAL, since = "0.1")
public final class UsagePlanImpl implements UsagePlan {

  /** What the plan says about one request. */
  @API(status = INTERNAL, since = "0.1")
  public enum Verdict {
    OK,
    THROTTLED,
    QUOTA_EXCEEDED
  }

  private final String id;
  private final UsagePlanSpec spec;
  private final Supplier<Instant> clock;
  private final Map<String, ApiKey> keys = new LinkedHashMap<>();
  private final Map<String, TokenBucket> buckets = new HashMap<>();
  private final Map<String, long[]> used = new HashMap<>();

  public UsagePlanImpl(String id, UsagePlanSpec spec, Supplier<Instant> clock) {
    this.id = id;
    this.spec = spec;
    this.clock = clock;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public UsagePlanSpec spec() {
    return spec;
  }

  @Override
  public synchronized UsagePlan addKey(ApiKey key) {
    if (keys.containsKey(key.id())) {
      throw new AwsServiceException(
          409, "ConflictException", "Usage plan " + id + " already has API key " + key.id() + ".");
    }
    keys.put(key.id(), key);
    return this;
  }

  @Override
  public synchronized int remainingQuota(ApiKey key) {
    if (spec.quota() == null) {
      return Integer.MAX_VALUE;
    }
    long[] count = used.get(key.id());
    long period = periodStart(clock.get());
    long spent = count == null || count[0] != period ? 0 : count[1];
    return (int) Math.max(0, spec.quota().limit() - spent);
  }

  /** Whether the plan covers stage {@code stage} of API {@code apiId}. */
  public boolean covers(String apiId, String stage) {
    return spec.stages().contains(apiId + "/" + stage);
  }

  public synchronized boolean has(ApiKey key) {
    return keys.containsKey(key.id());
  }

  /** Counts one request by {@code key} at {@code now}: throttle first, then quota. */
  public synchronized Verdict admit(ApiKey key, Instant now) {
    if (spec.throttle() != null) {
      TokenBucket bucket =
          buckets.computeIfAbsent(key.id(), k -> new TokenBucket(spec.throttle(), now));
      if (!bucket.tryAcquire(now)) {
        return Verdict.THROTTLED;
      }
    }
    if (spec.quota() != null) {
      long period = periodStart(now);
      long[] count = used.computeIfAbsent(key.id(), k -> new long[] {period, 0});
      if (count[0] != period) {
        count[0] = period;
        count[1] = 0;
      }
      if (count[1] >= spec.quota().limit()) {
        return Verdict.QUOTA_EXCEEDED;
      }
      count[1]++;
    }
    return Verdict.OK;
  }

  private long periodStart(Instant now) {
    ZonedDateTime t = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
    Quota.Period period = spec.quota() == null ? Quota.Period.DAY : spec.quota().period();
    ZonedDateTime start =
        switch (period) {
          case DAY -> t;
          case WEEK -> t.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
          case MONTH -> t.withDayOfMonth(1);
        };
    return start.toEpochSecond();
  }
}
