package dev.cloudless.fakes.lambda.internal.urls;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudless.fakes.internal.http.HttpField;
import dev.cloudless.fakes.internal.http.IncomingRequest;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the event a function URL passes to its function: API Gateway's payload format 2.0 with
 * {@code routeKey} and {@code stage} set to {@code $default}, keys in AWS's order.
 */
final class PayloadV2 {

  /** {@code 12/Mar/2020:19:03:58 +0000}, as {@code requestContext.time} is written. */
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  /**
   * Connection-level headers that AWS's front door consumes: they never reach the function. Java's
   * HttpClient, for one, sends {@code Upgrade: h2c} and {@code HTTP2-Settings}.
   */
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "te",
          "transfer-encoding",
          "upgrade",
          "http2-settings");

  private PayloadV2() {}

  /** Who signed the request, for {@code requestContext.authorizer.iam}; null for auth NONE. */
  record IamCaller(String accessKey, String accountId, String userArn, String userId) {}

  /** Where the request arrived: the URL's AWS-style identity and the forwarding facts. */
  record Arrival(
      String urlId,
      String domainName,
      String requestId,
      Instant time,
      String traceHeader,
      String accountId,
      IamCaller caller) {}

  static ObjectNode event(ObjectMapper json, IncomingRequest request, Arrival arrival) {
    ObjectNode event = json.createObjectNode();
    event.put("version", "2.0");
    event.put("routeKey", "$default");
    event.put("rawPath", request.rawPath());
    event.put("rawQueryString", request.rawQuery());

    List<String> cookies = cookies(request);
    if (!cookies.isEmpty()) {
      cookies.forEach(event.putArray("cookies")::add);
    }
    ObjectNode headers = event.putObject("headers");
    headers(request, arrival).forEach(headers::put);
    Map<String, String> query = queryStringParameters(request.rawQuery());
    if (!query.isEmpty()) {
      ObjectNode params = event.putObject("queryStringParameters");
      query.forEach(params::put);
    }

    ObjectNode context = event.putObject("requestContext");
    context.put("accountId", arrival.accountId());
    context.put("apiId", arrival.urlId());
    if (arrival.caller() != null) {
      ObjectNode iam = context.putObject("authorizer").putObject("iam");
      iam.put("accessKey", arrival.caller().accessKey());
      iam.put("accountId", arrival.caller().accountId());
      iam.put("callerId", arrival.caller().userId());
      iam.putNull("cognitoIdentity");
      iam.putNull("principalOrgId");
      iam.put("userArn", arrival.caller().userArn());
      iam.put("userId", arrival.caller().userId());
    }
    context.put("domainName", arrival.domainName());
    context.put("domainPrefix", arrival.urlId());
    ObjectNode http = context.putObject("http");
    http.put("method", request.method());
    http.put("path", request.rawPath());
    http.put("protocol", request.protocol());
    http.put("sourceIp", request.sourceIp());
    http.put("userAgent", request.header("User-Agent"));
    context.put("requestId", arrival.requestId());
    context.put("routeKey", "$default");
    context.put("stage", "$default");
    context.put("time", TIME.format(arrival.time()));
    context.put("timeEpoch", arrival.time().toEpochMilli());

    byte[] body = request.body();
    if (body.length > 0) {
      String text = isText(request.header("Content-Type")) ? utf8(body) : null;
      event.put("body", text != null ? text : Base64.getEncoder().encodeToString(body));
      event.put("isBase64Encoded", text == null);
    } else {
      event.put("isBase64Encoded", false);
    }
    return event;
  }

  /**
   * Header names lower-cased, repeated headers joined with commas, cookies moved to {@code
   * cookies}; then the headers AWS's front door adds.
   */
  private static Map<String, String> headers(IncomingRequest request, Arrival arrival) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpField field : request.headers()) {
      String name = field.name().toLowerCase(Locale.ROOT);
      if (name.equals("cookie") || HOP_BY_HOP.contains(name)) {
        continue;
      }
      headers.merge(name, field.value(), (a, b) -> a + "," + b);
    }
    headers.put("x-amzn-trace-id", arrival.traceHeader());
    headers.put("x-forwarded-for", request.sourceIp());
    headers.put("x-forwarded-port", Integer.toString(request.localPort()));
    headers.put("x-forwarded-proto", "http");
    return headers;
  }

  private static List<String> cookies(IncomingRequest request) {
    List<String> cookies = new ArrayList<>();
    for (HttpField field : request.headers()) {
      if (field.name().equalsIgnoreCase("cookie")) {
        for (String cookie : field.value().split(";")) {
          if (!cookie.isBlank()) {
            cookies.add(cookie.trim());
          }
        }
      }
    }
    return cookies;
  }

  /** Decoded names and values; a repeated name's values joined with commas, in order. */
  static Map<String, String> queryStringParameters(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.merge(name, value, (a, b) -> a + "," + b);
    }
    return params;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // A malformed escape reaches the function as sent, rather than failing the request.
      return s;
    }
  }

  /**
   * Whether a body of this content type reaches the function as text. Other bodies (and bodies
   * without a content type) are base64-encoded with {@code isBase64Encoded: true}.
   */
  static boolean isText(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    int semicolon = type.indexOf(';');
    String media = (semicolon < 0 ? type : type.substring(0, semicolon)).trim();
    return media.startsWith("text/")
        || media.endsWith("/json")
        || media.endsWith("+json")
        || media.endsWith("/xml")
        || media.endsWith("+xml")
        || media.equals("application/javascript");
  }

  /** The body as UTF-8 text, or null when it is not valid UTF-8 (then it is sent as base64). */
  private static String utf8(byte[] body) {
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
