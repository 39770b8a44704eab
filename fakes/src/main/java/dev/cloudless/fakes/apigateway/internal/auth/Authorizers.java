package dev.cloudless.fakes.apigateway.internal.auth;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudless.fakes.apigateway.ApiGatewayEvent;
import dev.cloudless.fakes.apigateway.ApiGatewayEvent.AuthorizerOutcome;
import dev.cloudless.fakes.apigateway.ApiResponse;
import dev.cloudless.fakes.apigateway.AuthorizerSpec;
import dev.cloudless.fakes.apigateway.AuthorizerType;
import dev.cloudless.fakes.apigateway.internal.integrations.ProxyEvents;
import dev.cloudless.fakes.apigateway.internal.integrations.TemplateContext;
import dev.cloudless.fakes.apigateway.internal.model.ApiKind;
import dev.cloudless.fakes.apigateway.internal.model.Exchange;
import dev.cloudless.fakes.apigateway.internal.model.FunctionRefs;
import dev.cloudless.fakes.apigateway.internal.model.Replies;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.FunctionInvoker.ServiceInvocation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Runs a stage's Lambda authorizers and keeps their decision cache, on the virtual clock.
 *
 * <p>Order, as AWS documents it ({@code apigateway-lambda-authorizer-flow}): the identity sources
 * are read (missing or empty: 401 without calling the function); a TOKEN authorizer's validation
 * expression is checked (no match: 401 without calling); the cache is consulted by the identity's
 * values; else the function runs. Its policy is then evaluated against the method ARN, cached or
 * not, so a narrow cached policy can deny another route. Sources: AWS-SEMANTICS 5.7.
 */
@API(status = INTERNAL, since = "0.1")
public final class Authorizers {

  /** What the function granted: kept in the cache for the TTL. */
  private record Grant(
      String principalId,
      JsonNode policy,
      Map<String, Object> context,
      String usageKey,
      Boolean simpleAuthorized,
      Instant expires) {}

  /** A refusal to answer the client with, or null when the request may go on. */
  @API(status = INTERNAL, since = "0.1")
  public record Decision(ApiResponse refusal) {}

  private final CloudContext cloud;
  private final Map<String, Grant> cache = new HashMap<>();

  public Authorizers(CloudContext cloud) {
    this.cloud = cloud;
  }

  /** Forgets every cached decision (a redeployment, a flush). */
  public synchronized void clear() {
    cache.clear();
  }

  public Decision authorize(Exchange ex, AuthorizerSpec spec) {
    List<String> identity = new ArrayList<>();
    for (String source : spec.identitySources()) {
      String value = identityValue(ex, source);
      if (value == null || value.isEmpty()) {
        return refuse(
            ex,
            spec,
            null,
            AuthorizerOutcome.UNAUTHORIZED,
            false,
            "identity source " + source + " is missing",
            Replies.unauthorized(ex.kind()));
      }
      identity.add(value);
    }
    if (spec.identityValidationExpression() != null
        && !Pattern.compile(spec.identityValidationExpression())
            .matcher(identity.get(0))
            .matches()) {
      return refuse(
          ex,
          spec,
          null,
          AuthorizerOutcome.UNAUTHORIZED,
          false,
          "token does not match the validation expression",
          Replies.unauthorized(ex.kind()));
    }
    String key = spec.name() + "\u0000" + String.join("\u0000", identity);
    boolean caching = spec.resultTtlInSeconds() > 0 && !identity.isEmpty();
    Grant grant = null;
    boolean cached = false;
    if (caching) {
      synchronized (this) {
        Grant g = cache.get(key);
        if (g != null && ex.now().isBefore(g.expires())) {
          grant = g;
          cached = true;
        }
      }
    }
    if (grant == null) {
      Instant start = ex.now();
      Object outcome = call(ex, spec, identity);
      ex.authorizerLatencyMillis(Duration.between(start, ex.now()).toMillis());
      if (outcome instanceof Decision d) {
        return d;
      }
      grant = (Grant) outcome;
      if (caching) {
        Grant stored =
            new Grant(
                grant.principalId(),
                grant.policy(),
                grant.context(),
                grant.usageKey(),
                grant.simpleAuthorized(),
                ex.now().plusSeconds(spec.resultTtlInSeconds()));
        synchronized (this) {
          cache.put(key, stored);
        }
      }
    }
    String methodArn = ex.methodArn();
    boolean allowed;
    boolean explicitDeny = false;
    if (grant.simpleAuthorized() != null) {
      allowed = grant.simpleAuthorized();
    } else {
      Policies.Effect effect = Policies.evaluate(grant.policy(), "execute-api:Invoke", methodArn);
      allowed = effect == Policies.Effect.ALLOW;
      explicitDeny = effect == Policies.Effect.EXPLICIT_DENY;
    }
    if (!allowed) {
      ApiResponse reply =
          explicitDeny ? Replies.explicitDeny(ex.kind()) : Replies.implicitDeny(ex.kind());
      return refuse(
          ex,
          spec,
          grant.principalId(),
          AuthorizerOutcome.DENY,
          cached,
          explicitDeny ? "policy denies " + methodArn : "no statement allows " + methodArn,
          reply);
    }
    ex.authorized(grant.principalId(), grant.context(), grant.policy(), grant.usageKey());
    journal(ex, spec, grant.principalId(), AuthorizerOutcome.ALLOW, cached, "policy allows");
    return new Decision(null);
  }

  /** Whether the authorizer's policy allows {@code action} on the method (cache invalidation). */
  public static boolean allows(Exchange ex, String action) {
    Object policy = ex.authorizerPolicy();
    return policy instanceof JsonNode p
        && Policies.evaluate(p, action, ex.methodArn()) == Policies.Effect.ALLOW;
  }

  /** Calls the function: a {@link Grant}, or a {@link Decision} refusing the request. */
  private Object call(Exchange ex, AuthorizerSpec spec, List<String> identity) {
    ObjectMapper json = cloud.json();
    String event = event(json, ex, spec, identity);
    ServiceInvocation result;
    try {
      result =
          cloud
              .resources()
              .functions()
              .invoke(
                  FunctionRefs.function(spec.function(), ex.stageVariables()),
                  null,
                  "RequestResponse",
                  event,
                  ex.traceToIntegration());
    } catch (AwsServiceException e) {
      return refuse(
          ex,
          spec,
          null,
          AuthorizerOutcome.FAILED,
          false,
          "Lambda refused the invoke: " + e.errorCode(),
          Replies.authorizerFailure(ex.kind()));
    }
    ex.continueAt(result.endedAt());
    JsonNode answer;
    try {
      answer = json.readTree(result.payload());
    } catch (JsonProcessingException e) {
      answer = null;
    }
    if (result.functionError() != null) {
      String message = answer == null ? "" : answer.path("errorMessage").asText("");
      // Only the exact message "Unauthorized" means 401; any other error is the authorizer's own
      // failure (AWS-SEMANTICS 5.7).
      if (message.equals("Unauthorized")) {
        return refuse(
            ex,
            spec,
            null,
            AuthorizerOutcome.UNAUTHORIZED,
            false,
            "the function answered Unauthorized",
            Replies.unauthorized(ex.kind()));
      }
      return refuse(
          ex,
          spec,
          null,
          AuthorizerOutcome.FAILED,
          false,
          "the function failed: " + message,
          Replies.authorizerFailure(ex.kind()));
    }
    if (answer == null || !answer.isObject()) {
      return refuse(
          ex,
          spec,
          null,
          AuthorizerOutcome.FAILED,
          false,
          "the function's answer is not a JSON object",
          Replies.authorizerFailure(ex.kind()));
    }
    Map<String, Object> context;
    try {
      context = context(answer.get("context"), ex.kind() == ApiKind.HTTP && simple(spec));
    } catch (IllegalArgumentException e) {
      return refuse(
          ex,
          spec,
          null,
          AuthorizerOutcome.FAILED,
          false,
          e.getMessage(),
          Replies.authorizerFailure(ex.kind()));
    }
    if (simple(spec)) {
      JsonNode authorized = answer.get("isAuthorized");
      if (authorized == null || !authorized.isBoolean()) {
        return refuse(
            ex,
            spec,
            null,
            AuthorizerOutcome.FAILED,
            false,
            "a simple response needs a boolean isAuthorized",
            Replies.authorizerFailure(ex.kind()));
      }
      return new Grant(null, null, context, null, authorized.asBoolean(), null);
    }
    JsonNode policy = answer.get("policyDocument");
    try {
      Policies.check(policy);
    } catch (Policies.InvalidPolicy e) {
      return refuse(
          ex,
          spec,
          null,
          AuthorizerOutcome.FAILED,
          false,
          "invalid policy: " + e.getMessage(),
          Replies.authorizerFailure(ex.kind()));
    }
    String principalId =
        answer.path("principalId").isMissingNode() || answer.get("principalId").isNull()
            ? null
            : answer.get("principalId").asText();
    if (principalId == null && ex.kind() == ApiKind.REST) {
      return refuse(
          ex,
          spec,
          null,
          AuthorizerOutcome.FAILED,
          false,
          "the answer has no principalId",
          Replies.authorizerFailure(ex.kind()));
    }
    String usageKey =
        answer.path("usageIdentifierKey").isTextual()
            ? answer.get("usageIdentifierKey").asText()
            : null;
    return new Grant(principalId, policy, context, usageKey, null, null);
  }

  private static boolean simple(AuthorizerSpec spec) {
    return spec.enableSimpleResponses();
  }

  /**
   * The authorizer's context: REST and payload 1.0 accept string, number and boolean values only;
   * an object or array fails the authorizer.
   */
  private static Map<String, Object> context(JsonNode node, boolean anyJson) {
    Map<String, Object> context = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return context;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("context must be an object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isContainerNode() && !anyJson) {
        throw new IllegalArgumentException(
            "context value ["
                + e.getKey()
                + "] is an object or array; only strings, numbers and"
                + " booleans are allowed");
      }
      context.put(
          e.getKey(),
          v.isTextual()
              ? v.asText()
              : v.isBoolean()
                  ? (Object) v.asBoolean()
                  : v.isIntegralNumber()
                      ? (Object) v.asLong()
                      : v.isNumber() ? (Object) v.asDouble() : v.isNull() ? null : v.toString());
    }
    return context;
  }

  private String event(ObjectMapper json, Exchange ex, AuthorizerSpec spec, List<String> identity) {
    ObjectNode event;
    if (ex.kind() == ApiKind.HTTP && !"1.0".equals(spec.payloadFormatVersion())) {
      ObjectNode v2 = ProxyEvents.v2(json, ex);
      event = json.createObjectNode();
      event.put("version", "2.0");
      event.put("type", "REQUEST");
      event.put("routeArn", ex.methodArn());
      ArrayNode sources = event.putArray("identitySource");
      identity.forEach(sources::add);
      v2.remove("version");
      v2.remove("body");
      v2.remove("isBase64Encoded");
      event.setAll(v2);
    } else if (spec.type() == AuthorizerType.TOKEN) {
      event = json.createObjectNode();
      event.put("type", "TOKEN");
      event.put("methodArn", ex.methodArn());
      event.put("authorizationToken", identity.get(0));
    } else {
      ObjectNode v1 = ProxyEvents.v1(json, ex);
      event = json.createObjectNode();
      if (v1.has("version")) {
        event.set("version", v1.remove("version"));
      }
      event.put("type", "REQUEST");
      event.put("methodArn", ex.methodArn());
      v1.remove("body");
      v1.remove("isBase64Encoded");
      ((ObjectNode) v1.get("requestContext")).remove("authorizer");
      event.setAll(v1);
    }
    try {
      return json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An event tree always serializes", e);
    }
  }

  /** The value of one identity source for this request, or null. */
  private static String identityValue(Exchange ex, String source) {
    String s = source;
    if (s.startsWith("$request.header.")) {
      return ex.header(s.substring("$request.header.".length()));
    }
    if (s.startsWith("$request.querystring.")) {
      List<String> v = ex.query().get(s.substring("$request.querystring.".length()));
      return v == null ? null : String.join(",", v);
    }
    if (s.startsWith("$context.") || s.startsWith("$stageVariables.")) {
      s = s.substring(1);
    }
    return TemplateContext.source(ex, s);
  }

  private Decision refuse(
      Exchange ex,
      AuthorizerSpec spec,
      String principalId,
      AuthorizerOutcome outcome,
      boolean cached,
      String detail,
      ApiResponse reply) {
    journal(ex, spec, principalId, outcome, cached, detail);
    return new Decision(reply);
  }

  private void journal(
      Exchange ex,
      AuthorizerSpec spec,
      String principalId,
      AuthorizerOutcome outcome,
      boolean cached,
      String detail) {
    Instant now = ex.now();
    String methodArn = ex.methodArn();
    cloud
        .journal()
        .append(
            seq ->
                new ApiGatewayEvent.AuthorizerDecided(
                    seq,
                    now,
                    ex.stageArn(),
                    ex.incomingTrace().root().value(),
                    ex.api().id(),
                    spec.name(),
                    ex.routeKey(),
                    methodArn,
                    principalId,
                    outcome,
                    cached,
                    detail));
  }
}
