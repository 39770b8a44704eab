package dev.cloudless.fakes.apigateway.internal.auth;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Evaluates an authorizer's IAM policy against a method ARN, as IAM does: an explicit {@code Deny}
 * wins, else an {@code Allow} is needed. {@code *} matches any run of characters ({@code /}
 * included) and {@code ?} one character, in actions and resources alike; matching is
 * case-sensitive. Source: IAM User Guide, "Policy evaluation logic" and "IAM JSON policy elements:
 * Resource"; API Gateway developer guide, {@code api-gateway-lambda-authorizer-output.md}.
 */
@API(status = INTERNAL, since = "0.1")
public final class Policies {

  /** What a policy says about one action on one resource. */
  @API(status = INTERNAL, since = "0.1")
  public enum Effect {
    ALLOW,
    EXPLICIT_DENY,
    IMPLICIT_DENY
  }

  /** A policy document that is not one: the authorizer fails with 500. */
  @API(status = INTERNAL, since = "0.1")
  public static final class InvalidPolicy extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidPolicy(String message) {
      super(message);
    }
  }

  private Policies() {}

  /** Checks that {@code policy} has the shape IAM requires. */
  public static void check(JsonNode policy) throws InvalidPolicy {
    if (policy == null || !policy.isObject()) {
      throw new InvalidPolicy("policyDocument is missing or not an object");
    }
    JsonNode statements = policy.get("Statement");
    if (statements == null || !(statements.isArray() || statements.isObject())) {
      throw new InvalidPolicy("policyDocument has no Statement");
    }
    for (JsonNode s : statements(policy)) {
      String effect = s.path("Effect").asText("");
      if (!effect.equals("Allow") && !effect.equals("Deny")) {
        throw new InvalidPolicy("a Statement's Effect must be Allow or Deny; got [" + effect + "]");
      }
      if (!s.has("Action") || !s.has("Resource")) {
        throw new InvalidPolicy("a Statement needs Action and Resource");
      }
    }
  }

  /** The effect of {@code policy} on {@code action} over {@code resource}. */
  public static Effect evaluate(JsonNode policy, String action, String resource) {
    boolean allowed = false;
    for (JsonNode s : statements(policy)) {
      if (!matchesAny(s.get("Action"), action) || !matchesAny(s.get("Resource"), resource)) {
        continue;
      }
      if (s.path("Effect").asText().equals("Deny")) {
        return Effect.EXPLICIT_DENY;
      }
      allowed = true;
    }
    return allowed ? Effect.ALLOW : Effect.IMPLICIT_DENY;
  }

  private static List<JsonNode> statements(JsonNode policy) {
    JsonNode statements = policy.get("Statement");
    List<JsonNode> list = new ArrayList<>();
    if (statements == null) {
      return list;
    }
    if (statements.isArray()) {
      statements.forEach(list::add);
    } else {
      list.add(statements);
    }
    return list;
  }

  private static boolean matchesAny(JsonNode patterns, String value) {
    if (patterns == null) {
      return false;
    }
    if (patterns.isArray()) {
      for (JsonNode p : patterns) {
        if (wildcard(p.asText(), value)) {
          return true;
        }
      }
      return false;
    }
    return wildcard(patterns.asText(), value);
  }

  /** IAM's wildcard match: {@code *} any run (slashes too), {@code ?} any one character. */
  public static boolean wildcard(String pattern, String value) {
    int p = 0;
    int v = 0;
    int star = -1;
    int mark = 0;
    while (v < value.length()) {
      if (p < pattern.length()
          && (pattern.charAt(p) == '?' || pattern.charAt(p) == value.charAt(v))) {
        p++;
        v++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = v;
      } else if (star >= 0) {
        p = star + 1;
        v = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
