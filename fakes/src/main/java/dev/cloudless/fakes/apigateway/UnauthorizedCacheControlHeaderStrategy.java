package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What API Gateway does with {@code Cache-Control: max-age=0} from a client not allowed to
 * invalidate the cache ({@code execute-api:InvalidateCache}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum UnauthorizedCacheControlHeaderStrategy {
  /** Refuse the request with 403. */
  FAIL_WITH_403,
  /** Serve it from the cache and add a warning header. The default. */
  SUCCEED_WITH_RESPONSE_HEADER,
  /** Serve it from the cache silently. */
  SUCCEED_WITHOUT_RESPONSE_HEADER
}
