package dev.cloudless.fakes.apigateway.internal.integrations;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudless.fakes.apigateway.Header;
import dev.cloudless.fakes.apigateway.internal.model.ApiKind;
import dev.cloudless.fakes.apigateway.internal.model.Exchange;
import dev.cloudless.fakes.apigateway.internal.model.RequestParts;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The events a Lambda proxy integration sends: payload format 1.0 (REST, and HTTP APIs that ask for
 * it) and 2.0 (HTTP APIs). Shapes from the recordings (AWS-SEMANTICS 5.1, 5.3): absent maps are
 * {@code null} in 1.0 and left out in 2.0.
 */
@API(status = INTERNAL, since = "0.1")
public final class ProxyEvents {

  private ProxyEvents() {}

  /** The request's headers as the integration sees them: the client's, plus the front door's. */
  static List<Header> forwardedHeaders(Exchange ex) {
    List<Header> headers = new ArrayList<>();
    boolean host = false;
    for (Header h : ex.request().headers()) {
      if (RequestParts.isHopByHop(h.name())
          || h.name().equalsIgnoreCase("X-Amzn-Trace-Id")
          || h.name().equalsIgnoreCase("Content-Length") && ex.request().body().length == 0) {
        continue;
      }
      host |= h.name().equalsIgnoreCase("Host");
      headers.add(h);
    }
    if (!host) {
      headers.add(0, new Header("Host", ex.domainName()));
    }
    headers.add(new Header("X-Amzn-Trace-Id", ex.traceToIntegration().value()));
    headers.add(new Header("X-Forwarded-For", ex.request().sourceIp()));
    headers.add(new Header("X-Forwarded-Port", Integer.toString(ex.forwardedPort())));
    headers.add(new Header("X-Forwarded-Proto", ex.forwardedProto()));
    return headers;
  }

  /** Payload format 1.0. */
  public static ObjectNode v1(ObjectMapper json, Exchange ex) {
    ObjectNode event = json.createObjectNode();
    boolean http = ex.kind() == ApiKind.HTTP;
    if (http) {
      event.put("version", "1.0");
    }
    String resourcePath = ex.route().path() != null ? ex.route().path() : ex.route().routeKey();
    String path = http ? ex.rawPath() : ex.path();
    event.put("resource", resourcePath);
    event.put("path", path);
    event.put("httpMethod", ex.request().method());

    List<Header> forwarded = forwardedHeaders(ex);
    ObjectNode headers = event.putObject("headers");
    ObjectNode multiHeaders = event.putObject("multiValueHeaders");
    for (Header h : forwarded) {
      // A repeated header keeps its last value in "headers", every value in "multiValueHeaders".
      headers.put(h.name(), h.value());
      if (!multiHeaders.has(h.name())) {
        multiHeaders.putArray(h.name());
      }
      multiHeaders.withArray(h.name()).add(h.value());
    }
    Map<String, List<String>> query = ex.query();
    if (query.isEmpty()) {
      event.putNull("queryStringParameters");
      event.putNull("multiValueQueryStringParameters");
    } else {
      ObjectNode single = event.putObject("queryStringParameters");
      ObjectNode multi = event.putObject("multiValueQueryStringParameters");
      query.forEach(
          (name, values) -> {
            single.put(name, values.get(values.size() - 1));
            values.forEach(multi.putArray(name)::add);
          });
    }
    if (ex.pathParameters().isEmpty()) {
      event.putNull("pathParameters");
    } else {
      ex.pathParameters().forEach(event.putObject("pathParameters")::put);
    }
    if (ex.stageVariables().isEmpty()) {
      event.putNull("stageVariables");
    } else {
      ex.stageVariables().forEach(event.putObject("stageVariables")::put);
    }

    ObjectNode context = event.putObject("requestContext");
    context.put("accountId", ex.cloud().accountId());
    context.put("apiId", ex.api().id());
    if (ex.principalId() != null || ex.authorizerContext() != null) {
      ObjectNode authorizer = context.putObject("authorizer");
      if (ex.authorizerContext() != null) {
        // REST passes context values to the integration as strings (AWS-SEMANTICS 5.7).
        ex.authorizerContext()
            .forEach((k, v) -> authorizer.put(k, v == null ? null : String.valueOf(v)));
      }
      authorizer.put("principalId", ex.principalId());
      authorizer.put("integrationLatency", ex.authorizerLatencyMillis());
    }
    context.put("deploymentId", ex.deploymentId());
    context.put("domainName", ex.domainName());
    context.put("domainPrefix", ex.api().id());
    context.put("extendedRequestId", ex.extendedRequestId());
    context.put("httpMethod", ex.request().method());
    ObjectNode identity = context.putObject("identity");
    identity.putNull("accessKey");
    identity.putNull("accountId");
    if (ex.apiKeyValue() != null) {
      identity.put("apiKey", ex.apiKeyValue());
      identity.put("apiKeyId", ex.apiKeyId());
    }
    identity.putNull("caller");
    identity.putNull("cognitoAuthenticationProvider");
    identity.putNull("cognitoAuthenticationType");
    identity.putNull("cognitoIdentityId");
    identity.putNull("cognitoIdentityPoolId");
    identity.putNull("principalOrgId");
    identity.put("sourceIp", ex.request().sourceIp());
    identity.putNull("user");
    identity.put("userAgent", ex.header("User-Agent"));
    identity.putNull("userArn");
    // requestContext.path keeps the stage and the path as sent (recorded: /stage//proxy-value).
    context.put(
        "path", ex.stage().equals("$default") ? ex.stagePath() : "/" + ex.stage() + ex.stagePath());
    context.put("protocol", "HTTP/1.1");
    context.put("requestId", ex.requestId());
    context.put("requestTime", ex.requestTime());
    context.put("requestTimeEpoch", ex.startedAt().toEpochMilli());
    context.put("resourceId", ex.route().resourceId());
    context.put("resourcePath", resourcePath);
    context.put("stage", ex.stage());

    byte[] body = ex.request().body();
    if (body.length == 0) {
      event.putNull("body");
      event.put("isBase64Encoded", false);
    } else {
      String contentType = ex.header("Content-Type");
      boolean binary =
          http
              ? !isText(contentType) || utf8(body) == null
              : RequestParts.isBinary(contentType, ex.api().binaryMediaTypes());
      if (binary) {
        event.put("body", Base64.getEncoder().encodeToString(body));
        event.put("isBase64Encoded", true);
      } else {
        event.put("body", new String(body, StandardCharsets.UTF_8));
        event.put("isBase64Encoded", false);
      }
    }
    return event;
  }

  /** Payload format 2.0 (HTTP APIs). */
  public static ObjectNode v2(ObjectMapper json, Exchange ex) {
    ObjectNode event = json.createObjectNode();
    event.put("version", "2.0");
    event.put("routeKey", ex.routeKey());
    event.put("rawPath", ex.rawPath());
    event.put("rawQueryString", ex.rawQuery());
    List<String> cookies = new ArrayList<>();
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header h : forwardedHeaders(ex)) {
      String name = h.name().toLowerCase(Locale.ROOT);
      if (name.equals("cookie")) {
        for (String cookie : h.value().split(";")) {
          if (!cookie.isBlank()) {
            cookies.add(cookie.trim());
          }
        }
        continue;
      }
      // Payload 2.0 joins repeated headers with commas (AWS-SEMANTICS 5.3).
      headers.merge(name, h.value(), (a, b) -> a + "," + b);
    }
    if (!cookies.isEmpty()) {
      cookies.forEach(event.putArray("cookies")::add);
    }
    headers.forEach(event.putObject("headers")::put);
    if (!ex.query().isEmpty()) {
      ObjectNode params = event.putObject("queryStringParameters");
      ex.query().forEach((name, values) -> params.put(name, String.join(",", values)));
    }
    ObjectNode context = event.putObject("requestContext");
    context.put("accountId", ex.cloud().accountId());
    context.put("apiId", ex.api().id());
    if (ex.authorizerContext() != null) {
      ObjectNode lambda = context.putObject("authorizer").putObject("lambda");
      ex.authorizerContext().forEach((k, v) -> lambda.set(k, json.valueToTree(v)));
    }
    context.put("domainName", ex.domainName());
    context.put("domainPrefix", ex.api().id());
    ObjectNode http = context.putObject("http");
    http.put("method", ex.request().method());
    http.put("path", ex.rawPath());
    http.put("protocol", "HTTP/1.1");
    http.put("sourceIp", ex.request().sourceIp());
    http.put("userAgent", ex.header("User-Agent"));
    context.put("requestId", ex.requestId());
    context.put("routeKey", ex.routeKey());
    context.put("stage", ex.stage());
    context.put("time", ex.requestTime());
    context.put("timeEpoch", ex.startedAt().toEpochMilli());
    byte[] body = ex.request().body();
    if (body.length > 0) {
      String text = isText(ex.header("Content-Type")) ? utf8(body) : null;
      event.put("body", text != null ? text : Base64.getEncoder().encodeToString(body));
      event.put("isBase64Encoded", text == null);
    }
    if (!ex.pathParameters().isEmpty()) {
      ex.pathParameters().forEach(event.putObject("pathParameters")::put);
    }
    if (body.length == 0) {
      event.put("isBase64Encoded", false);
    }
    if (!ex.stageVariables().isEmpty()) {
      ex.stageVariables().forEach(event.putObject("stageVariables")::put);
    }
    return event;
  }

  /** Whether a body of this content type reaches an HTTP API's function as text. */
  static boolean isText(String contentType) {
    String media = RequestParts.mediaType(contentType);
    if (media == null) {
      return false;
    }
    return media.startsWith("text/")
        || media.endsWith("/json")
        || media.endsWith("+json")
        || media.endsWith("/xml")
        || media.endsWith("+xml")
        || media.equals("application/javascript")
        || media.equals("application/x-www-form-urlencoded");
  }

  /** The body as UTF-8 text, or null when it is not valid UTF-8. */
  static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
