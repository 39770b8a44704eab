package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What a non-proxy integration does with a body whose {@code Content-Type} has no request template
 * (API Gateway's {@code passthroughBehavior}; default {@code WHEN_NO_MATCH}, recorded).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum PassthroughBehavior {
  /** Pass the body through unchanged when no template matches its content type. */
  WHEN_NO_MATCH,
  /**
   * Pass the body through only when the integration has no template at all; otherwise refuse an
   * unmatched content type with 415.
   */
  WHEN_NO_TEMPLATES,
  /** Refuse an unmatched content type with 415 {@code Unsupported Media Type}. */
  NEVER
}
