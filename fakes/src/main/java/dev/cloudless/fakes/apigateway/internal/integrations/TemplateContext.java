package dev.cloudless.fakes.apigateway.internal.integrations;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.apigateway.Header;
import dev.cloudless.fakes.apigateway.internal.model.Exchange;
import dev.cloudless.fakes.apigateway.internal.vtl.InputVariable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/** Builds {@code $context} and {@code $input} for a request's mapping templates. */
@API(status = INTERNAL, since = "0.1")
public final class TemplateContext {

  private TemplateContext() {}

  /** {@code $context}: the variables API Gateway documents for templates. */
  public static Map<String, Object> context(Exchange ex) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("accountId", ex.cloud().accountId());
    c.put("apiId", ex.api().id());
    c.put("deploymentId", ex.deploymentId());
    c.put("domainName", ex.domainName());
    c.put("domainPrefix", ex.api().id());
    c.put("extendedRequestId", ex.extendedRequestId());
    c.put("httpMethod", ex.request().method());
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("sourceIp", ex.request().sourceIp());
    identity.put("userAgent", ex.header("User-Agent"));
    identity.put("apiKey", ex.apiKeyValue());
    identity.put("apiKeyId", ex.apiKeyId());
    c.put("identity", identity);
    c.put("path", ex.rawPath());
    c.put("protocol", "HTTP/1.1");
    c.put("requestId", ex.requestId());
    c.put("awsEndpointRequestId", ex.requestId());
    c.put("requestTime", ex.requestTime());
    c.put("requestTimeEpoch", ex.startedAt().toEpochMilli());
    c.put("resourceId", ex.route() == null ? null : ex.route().resourceId());
    c.put("resourcePath", ex.route() == null ? null : ex.route().path());
    c.put("stage", ex.stage());
    c.put("xrayTraceId", ex.incomingTrace().root().value());
    Map<String, Object> authorizer = new LinkedHashMap<>();
    if (ex.authorizerContext() != null) {
      // Templates see the authorizer's context values as strings (AWS-SEMANTICS 5.7).
      ex.authorizerContext().forEach((k, v) -> authorizer.put(k, v == null ? null : v.toString()));
    }
    authorizer.put("principalId", ex.principalId());
    c.put("authorizer", authorizer);
    return c;
  }

  /** {@code $input} over {@code body}, with the method request's parameters. */
  public static InputVariable input(Exchange ex, String body) {
    Map<String, String> query = new LinkedHashMap<>();
    ex.query().forEach((k, v) -> query.put(k, v.get(0)));
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header h : ex.request().headers()) {
      headers.putIfAbsent(h.name(), h.value());
    }
    return new InputVariable(
        ex.cloud().json(), body, new LinkedHashMap<>(ex.pathParameters()), query, headers);
  }

  /** The value of a mapping source: {@code method.request.*}, {@code 'literal'}, stage, context. */
  public static String source(Exchange ex, String expression) {
    String e = expression.trim();
    if (e.length() >= 2 && e.startsWith("'") && e.endsWith("'")) {
      return e.substring(1, e.length() - 1);
    }
    if (e.startsWith("method.request.path.")) {
      return ex.pathParameters().get(e.substring("method.request.path.".length()));
    }
    if (e.startsWith("method.request.querystring.")) {
      List<String> v = ex.query().get(e.substring("method.request.querystring.".length()));
      return v == null ? null : v.get(v.size() - 1);
    }
    if (e.startsWith("method.request.multivaluequerystring.")) {
      List<String> v =
          ex.query().get(e.substring("method.request.multivaluequerystring.".length()));
      return v == null ? null : String.join(",", v);
    }
    if (e.startsWith("method.request.header.")) {
      return ex.header(e.substring("method.request.header.".length()));
    }
    if (e.startsWith("method.request.multivalueheader.")) {
      List<String> v = ex.headerValues(e.substring("method.request.multivalueheader.".length()));
      return v.isEmpty() ? null : String.join(",", v);
    }
    if (e.startsWith("stageVariables.")) {
      return ex.stageVariables().get(e.substring("stageVariables.".length()));
    }
    if (e.startsWith("context.")) {
      Object value = context(ex);
      for (String part : e.substring("context.".length()).split("\\.")) {
        value = value instanceof Map<?, ?> m ? m.get(part) : null;
      }
      return value == null ? null : value.toString();
    }
    throw new IllegalArgumentException(
        "Invalid mapping expression specified: [" + expression + "]");
  }
}
