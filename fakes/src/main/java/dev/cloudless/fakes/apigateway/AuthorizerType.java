package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The kinds of Lambda authorizer. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum AuthorizerType {
  /** The function gets one token (a header's value) and the method ARN. */
  TOKEN,
  /** The function gets the request's headers, query string, path and context. */
  REQUEST
}
