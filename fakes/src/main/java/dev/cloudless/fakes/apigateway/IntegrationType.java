package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** How a method reaches its backend, with API Gateway's names. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum IntegrationType {
  /** A Lambda function (or another AWS service) with mapping templates: "Lambda custom". */
  AWS,
  /** A Lambda function that gets the whole request as the proxy event and returns the response. */
  AWS_PROXY,
  /** An HTTP backend with mapping templates. */
  HTTP,
  /** An HTTP backend that gets the request as it came and answers the client directly. */
  HTTP_PROXY,
  /** No backend: API Gateway answers from the integration's templates. */
  MOCK
}
