package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.AwsServiceException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apiguardian.api.API;

/**
 * A Lambda authorizer ({@code CreateAuthorizer}).
 *
 * <pre>{@code
 * AuthorizerSpec.token("auth", "authorizer-fn")                 // Authorization header
 *     .validationExpression("^Bearer [-0-9a-zA-Z._]+$")
 *     .resultTtlInSeconds(300);
 * AuthorizerSpec.request("by-key", "authorizer-fn")
 *     .identitySource("method.request.header.X-Key, method.request.querystring.tenant");
 * }</pre>
 *
 * @param name the authorizer's name, which methods refer to
 * @param type TOKEN or REQUEST
 * @param function the function: a name, an ARN or API Gateway's invocation URI
 * @param identitySource where the identity comes from: one {@code method.request.header.X} for
 *     TOKEN; a comma list of {@code method.request.header|querystring.X}, {@code stageVariables.X}
 *     or {@code context.X} for REQUEST ({@code $request.header.X} on HTTP APIs)
 * @param identityValidationExpression a regex the token must match, or the request is refused with
 *     401 before the function runs (TOKEN only)
 * @param resultTtlInSeconds how long a decision is cached per identity: 0 (off) to 3600; 300 by
 *     default
 * @param payloadFormatVersion HTTP APIs: {@code 1.0} or {@code 2.0} (the default)
 * @param enableSimpleResponses HTTP APIs with format 2.0: the function answers {@code
 *     {"isAuthorized": true}} instead of a policy
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record AuthorizerSpec(
    String name,
    AuthorizerType type,
    String function,
    String identitySource,
    String identityValidationExpression,
    int resultTtlInSeconds,
    String payloadFormatVersion,
    boolean enableSimpleResponses) {

  /** API Gateway's default decision cache TTL. */
  public static final int DEFAULT_TTL_SECONDS = 300;

  /** The longest TTL API Gateway accepts. */
  public static final int MAX_TTL_SECONDS = 3600;

  private static final Pattern SOURCE =
      Pattern.compile(
          "method\\.request\\.(header|querystring)\\.[^.,\\s]+|stageVariables\\.[^.,\\s]+|context\\.[^,\\s]+"
              + "|\\$request\\.(header|querystring)\\.[^,\\s]+|\\$context\\.[^,\\s]+|\\$stageVariables\\.[^,\\s]+");

  public AuthorizerSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(function, "function");
    if (name.isBlank()) {
      throw badRequest("Authorizer name must not be blank.");
    }
    if (resultTtlInSeconds < 0 || resultTtlInSeconds > MAX_TTL_SECONDS) {
      throw badRequest(
          "Authorizer ["
              + name
              + "] has authorizerResultTtlInSeconds "
              + resultTtlInSeconds
              + "; API Gateway allows 0 to 3600.");
    }
    if (identitySource == null || identitySource.isBlank()) {
      if (type == AuthorizerType.TOKEN || resultTtlInSeconds > 0) {
        throw badRequest(
            "Authorizer ["
                + name
                + "] has no identitySource; a TOKEN authorizer, and a cached REQUEST authorizer,"
                + " need one.");
      }
      identitySource = null;
    } else {
      List<String> sources = sources(identitySource);
      for (String source : sources) {
        if (!SOURCE.matcher(source).matches()) {
          throw badRequest(
              "Invalid identity source ["
                  + source
                  + "] of authorizer ["
                  + name
                  + "]; write method.request.header.<name>, method.request.querystring.<name>,"
                  + " stageVariables.<name> or context.<name>.");
        }
      }
      if (type == AuthorizerType.TOKEN
          && (sources.size() != 1 || !sources.get(0).startsWith("method.request.header."))) {
        throw badRequest(
            "Invalid identity source ["
                + identitySource
                + "] of TOKEN authorizer ["
                + name
                + "]; it must be one method.request.header.<name>.");
      }
    }
    if (identityValidationExpression != null) {
      if (type != AuthorizerType.TOKEN) {
        throw badRequest(
            "identityValidationExpression applies to TOKEN authorizers only; ["
                + name
                + "] is REQUEST.");
      }
      try {
        Pattern.compile(identityValidationExpression);
      } catch (PatternSyntaxException e) {
        throw badRequest(
            "identityValidationExpression ["
                + identityValidationExpression
                + "] is not a valid regular expression: "
                + e.getDescription());
      }
    }
    if (payloadFormatVersion != null
        && !payloadFormatVersion.equals("1.0")
        && !payloadFormatVersion.equals("2.0")) {
      throw badRequest(
          "authorizerPayloadFormatVersion must be 1.0 or 2.0; got [" + payloadFormatVersion + "].");
    }
    if (enableSimpleResponses && "1.0".equals(payloadFormatVersion)) {
      throw badRequest("enableSimpleResponses needs authorizerPayloadFormatVersion 2.0.");
    }
  }

  /** The identity sources, one by one. */
  public List<String> identitySources() {
    return identitySource == null ? List.of() : sources(identitySource);
  }

  private static List<String> sources(String list) {
    return java.util.Arrays.stream(list.split(",")).map(String::trim).toList();
  }

  private static AwsServiceException badRequest(String message) {
    return new AwsServiceException(400, "BadRequestException", message);
  }

  /** A TOKEN authorizer reading the {@code Authorization} header, cached 300 s. */
  public static AuthorizerSpec token(String name, String function) {
    return new AuthorizerSpec(
        name,
        AuthorizerType.TOKEN,
        function,
        "method.request.header.Authorization",
        null,
        DEFAULT_TTL_SECONDS,
        null,
        false);
  }

  /**
   * A REQUEST authorizer with no identity source and caching off: give {@link #identitySource} to
   * cache decisions.
   */
  public static AuthorizerSpec request(String name, String function) {
    return new AuthorizerSpec(name, AuthorizerType.REQUEST, function, null, null, 0, null, false);
  }

  public AuthorizerSpec identitySource(String source) {
    int ttl =
        type == AuthorizerType.REQUEST && identitySource == null && resultTtlInSeconds == 0
            ? DEFAULT_TTL_SECONDS
            : resultTtlInSeconds;
    return new AuthorizerSpec(
        name,
        type,
        function,
        source,
        identityValidationExpression,
        ttl,
        payloadFormatVersion,
        enableSimpleResponses);
  }

  public AuthorizerSpec validationExpression(String regex) {
    return new AuthorizerSpec(
        name,
        type,
        function,
        identitySource,
        regex,
        resultTtlInSeconds,
        payloadFormatVersion,
        enableSimpleResponses);
  }

  /** How long decisions are cached: 0 turns the cache off. */
  public AuthorizerSpec resultTtlInSeconds(int seconds) {
    return new AuthorizerSpec(
        name,
        type,
        function,
        identitySource,
        identityValidationExpression,
        seconds,
        payloadFormatVersion,
        enableSimpleResponses);
  }

  public AuthorizerSpec payloadFormatVersion(String version) {
    return new AuthorizerSpec(
        name,
        type,
        function,
        identitySource,
        identityValidationExpression,
        resultTtlInSeconds,
        version,
        enableSimpleResponses);
  }

  public AuthorizerSpec enableSimpleResponses(boolean enable) {
    return new AuthorizerSpec(
        name,
        type,
        function,
        identitySource,
        identityValidationExpression,
        resultTtlInSeconds,
        payloadFormatVersion,
        enable);
  }
}
