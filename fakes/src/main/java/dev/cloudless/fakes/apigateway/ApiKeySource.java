package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Where a REST API reads the caller's API key from. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ApiKeySource {
  /** The {@code x-api-key} header. The default. */
  HEADER,
  /** The {@code usageIdentifierKey} a Lambda authorizer returns. */
  AUTHORIZER
}
