package dev.cloudless.fakes.apigateway.internal.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Turns an integration or authorizer URI into the function Lambda is asked to invoke: a name, an
 * ARN, or API Gateway's {@code
 * arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<arn>/invocations}, after {@code
 * ${stageVariables.name}} is replaced by the stage's value.
 */
@API(status = INTERNAL, since = "0.1")
public final class FunctionRefs {

  private static final Pattern STAGE_VARIABLE =
      Pattern.compile("\\$\\{stageVariables\\.([A-Za-z0-9_]+)}");
  private static final Pattern LAMBDA_PATH =
      Pattern.compile(
          "arn:aws[a-z-]*:apigateway:[^:]+:lambda:path/2015-03-31/functions/(.+)/invocations");

  private FunctionRefs() {}

  /**
   * {@code uri} with every {@code ${stageVariables.x}} replaced; a missing variable becomes empty.
   */
  public static String withStageVariables(String uri, Map<String, String> stageVariables) {
    Matcher m = STAGE_VARIABLE.matcher(uri);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, Matcher.quoteReplacement(stageVariables.getOrDefault(m.group(1), "")));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The function name or ARN (possibly qualified) that {@code uri} designates. */
  public static String function(String uri, Map<String, String> stageVariables) {
    String resolved = withStageVariables(uri, stageVariables);
    Matcher m = LAMBDA_PATH.matcher(resolved);
    return m.matches() ? m.group(1) : resolved;
  }
}
