package dev.cloudless.fakes.apigateway.internal.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.apigateway.ApiResponse;
import dev.cloudless.fakes.apigateway.Header;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The answers API Gateway gives by itself (its "gateway responses"), with AWS's status, body and
 * {@code x-amzn-ErrorType}. REST APIs and HTTP APIs word them differently; both are here.
 *
 * <p>Sources: AWS-SEMANTICS 5.2, 5.4, 5.7 (recorded bodies, the gateway response table), the API
 * Gateway developer guide's {@code supported-gateway-response-types.md}.
 */
@API(status = INTERNAL, since = "0.1")
public final class Replies {

  private Replies() {}

  /** A JSON reply with an optional {@code x-amzn-ErrorType}. */
  public static ApiResponse json(int status, String errorType, String body) {
    List<Header> headers = new ArrayList<>();
    headers.add(new Header("Content-Type", "application/json"));
    if (errorType != null) {
      headers.add(new Header("x-amzn-ErrorType", errorType));
    }
    return new ApiResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  /** REST: no resource or no method for the request (AWS answers 403, not 404). */
  public static ApiResponse missingAuthenticationToken() {
    return json(
        403,
        "MissingAuthenticationTokenException",
        "{\"message\":\"Missing Authentication Token\"}");
  }

  /** HTTP API: no route for the request. */
  public static ApiResponse notFound() {
    return json(404, null, "{\"message\":\"Not Found\"}");
  }

  /** REST: a stage that does not exist, or an API key that is missing or wrong. */
  public static ApiResponse forbidden(ApiKind kind) {
    return json(
        403, kind == ApiKind.REST ? "ForbiddenException" : null, "{\"message\":\"Forbidden\"}");
  }

  /** REST proxy: the function failed, or answered something API Gateway cannot use (recorded). */
  public static ApiResponse internalServerError(ApiKind kind) {
    if (kind == ApiKind.REST) {
      return json(502, "InternalServerErrorException", "{\"message\": \"Internal server error\"}");
    }
    return json(500, null, "{\"message\":\"Internal Server Error\"}");
  }

  /** A configuration error found while serving (no integration response, no function): 500. */
  public static ApiResponse configurationError(ApiKind kind) {
    if (kind == ApiKind.REST) {
      return json(500, "InternalServerErrorException", "{\"message\": \"Internal server error\"}");
    }
    return json(500, null, "{\"message\":\"Internal Server Error\"}");
  }

  /**
   * The integration did not answer within its timeout. REST: 504 {@code Endpoint request timed
   * out}; HTTP APIs: 503 {@code Service Unavailable}.
   */
  public static ApiResponse integrationTimeout(ApiKind kind) {
    if (kind == ApiKind.REST) {
      return json(
          504, "InternalServerErrorException", "{\"message\": \"Endpoint request timed out\"}");
    }
    return json(503, null, "{\"message\":\"Service Unavailable\"}");
  }

  /** Throttled by a stage, method, account or usage plan limit. */
  public static ApiResponse tooManyRequests(ApiKind kind) {
    return json(
        429,
        kind == ApiKind.REST ? "TooManyRequestsException" : null,
        "{\"message\":\"Too Many Requests\"}");
  }

  /** A usage plan's quota is used up. */
  public static ApiResponse quotaExceeded() {
    return json(429, "LimitExceededException", "{\"message\":\"Limit Exceeded\"}");
  }

  /** The authorizer said "Unauthorized", or the identity is missing or fails validation. */
  public static ApiResponse unauthorized(ApiKind kind) {
    return json(
        401,
        kind == ApiKind.REST ? "UnauthorizedException" : null,
        "{\"message\":\"Unauthorized\"}");
  }

  /** The policy denies the method explicitly (capital M, as AWS writes it). */
  public static ApiResponse explicitDeny(ApiKind kind) {
    if (kind != ApiKind.REST) {
      return json(403, null, "{\"message\":\"Forbidden\"}");
    }
    return json(
        403,
        "AccessDeniedException",
        "{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}");
  }

  /** No statement of the policy allows the method. */
  public static ApiResponse implicitDeny(ApiKind kind) {
    if (kind != ApiKind.REST) {
      return json(403, null, "{\"message\":\"Forbidden\"}");
    }
    return json(
        403,
        "AccessDeniedException",
        "{\"Message\":\"User is not authorized to access this resource\"}");
  }

  /** The authorizer failed or answered an unusable policy. */
  public static ApiResponse authorizerFailure(ApiKind kind) {
    if (kind != ApiKind.REST) {
      return json(500, null, "{\"message\":\"Internal Server Error\"}");
    }
    return json(500, "AuthorizerConfigurationException", "{\"message\": null}");
  }

  /** A body over 10 MB. */
  public static ApiResponse requestTooLarge() {
    return json(413, null, "{\"message\":\"Request Too Long\"}");
  }

  /** A request template is required for the body's content type and there is none. */
  public static ApiResponse unsupportedMediaType() {
    return json(415, "UnsupportedMediaTypeException", "{\"message\": \"Unsupported Media Type\"}");
  }

  /** A required method request parameter is missing. */
  public static ApiResponse missingParameters(List<String> missing) {
    return json(
        400,
        "BadRequestException",
        "{\"message\": \"Missing required request parameters: ["
            + String.join(", ", missing)
            + "]\"}");
  }
}
