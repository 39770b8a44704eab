package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.AwsServiceException;
import org.apiguardian.api.API;

/**
 * A stage's settings for one method, or for all ({@code *}{@code /*}): throttling and caching
 * overrides ({@code methodSettings} of {@code UpdateStage}). A null field inherits the stage's
 * value.
 *
 * @param throttle the method's own token bucket, or null for the stage's
 * @param cachingEnabled whether responses are cached; null: GET methods when the stage cache is on
 * @param cacheTtlInSeconds 0 to 3600; null for 300
 * @param requireAuthorizationForCacheControl whether {@code Cache-Control: max-age=0} needs the
 *     right to invalidate; true by default
 * @param unauthorizedCacheControlHeaderStrategy what an unauthorized invalidation does
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record MethodSettings(
    Throttle throttle,
    Boolean cachingEnabled,
    Integer cacheTtlInSeconds,
    boolean requireAuthorizationForCacheControl,
    UnauthorizedCacheControlHeaderStrategy unauthorizedCacheControlHeaderStrategy) {

  public MethodSettings {
    if (cacheTtlInSeconds != null && (cacheTtlInSeconds < 0 || cacheTtlInSeconds > 3600)) {
      throw new AwsServiceException(
          400,
          "BadRequestException",
          "cacheTtlInSeconds is "
              + cacheTtlInSeconds
              + "; API Gateway allows 0 to 3600 (0 turns caching off).");
    }
    if (unauthorizedCacheControlHeaderStrategy == null) {
      unauthorizedCacheControlHeaderStrategy =
          UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITH_RESPONSE_HEADER;
    }
  }

  /** Nothing overridden. */
  public static MethodSettings defaults() {
    return new MethodSettings(
        null,
        null,
        null,
        true,
        UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITH_RESPONSE_HEADER);
  }

  public MethodSettings throttle(Throttle throttle) {
    return new MethodSettings(
        throttle,
        cachingEnabled,
        cacheTtlInSeconds,
        requireAuthorizationForCacheControl,
        unauthorizedCacheControlHeaderStrategy);
  }

  public MethodSettings cachingEnabled(boolean enabled) {
    return new MethodSettings(
        throttle,
        enabled,
        cacheTtlInSeconds,
        requireAuthorizationForCacheControl,
        unauthorizedCacheControlHeaderStrategy);
  }

  public MethodSettings cacheTtlInSeconds(int seconds) {
    return new MethodSettings(
        throttle,
        cachingEnabled,
        seconds,
        requireAuthorizationForCacheControl,
        unauthorizedCacheControlHeaderStrategy);
  }

  public MethodSettings requireAuthorizationForCacheControl(boolean required) {
    return new MethodSettings(
        throttle,
        cachingEnabled,
        cacheTtlInSeconds,
        required,
        unauthorizedCacheControlHeaderStrategy);
  }

  public MethodSettings unauthorizedCacheControlHeaderStrategy(
      UnauthorizedCacheControlHeaderStrategy strategy) {
    return new MethodSettings(
        throttle, cachingEnabled, cacheTtlInSeconds, requireAuthorizationForCacheControl, strategy);
  }
}
