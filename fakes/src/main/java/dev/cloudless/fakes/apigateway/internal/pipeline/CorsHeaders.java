package dev.cloudless.fakes.apigateway.internal.pipeline;

import dev.cloudless.fakes.apigateway.Header;
import dev.cloudless.fakes.lambda.Cors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CORS headers an HTTP API with a CORS configuration answers with: API Gateway answers
 * preflights itself and replaces any {@code Access-Control-*} header the integration set. Source:
 * API Gateway developer guide, {@code http-api-cors.md}.
 */
final class CorsHeaders {

  private CorsHeaders() {}

  static List<Header> preflight(Cors cors, String origin) {
    List<Header> headers = new ArrayList<>();
    String allowed = allowedOrigin(cors, origin);
    if (allowed == null) {
      return headers;
    }
    headers.add(new Header("Access-Control-Allow-Origin", allowed));
    if (!cors.allowMethods().isEmpty()) {
      headers.add(
          new Header("Access-Control-Allow-Methods", String.join(",", cors.allowMethods())));
    }
    if (!cors.allowHeaders().isEmpty()) {
      headers.add(
          new Header("Access-Control-Allow-Headers", String.join(",", cors.allowHeaders())));
    }
    if (cors.allowCredentials()) {
      headers.add(new Header("Access-Control-Allow-Credentials", "true"));
    }
    if (cors.maxAge() > 0) {
      headers.add(new Header("Access-Control-Max-Age", Integer.toString(cors.maxAge())));
    }
    return headers;
  }

  static List<Header> actual(Cors cors, String origin, List<Header> fromIntegration) {
    List<Header> headers = new ArrayList<>();
    for (Header h : fromIntegration) {
      if (!h.name().toLowerCase(Locale.ROOT).startsWith("access-control-")) {
        headers.add(h);
      }
    }
    String allowed = origin == null ? null : allowedOrigin(cors, origin);
    if (allowed != null) {
      headers.add(new Header("Access-Control-Allow-Origin", allowed));
      if (!cors.exposeHeaders().isEmpty()) {
        headers.add(
            new Header("Access-Control-Expose-Headers", String.join(",", cors.exposeHeaders())));
      }
      if (cors.allowCredentials()) {
        headers.add(new Header("Access-Control-Allow-Credentials", "true"));
      }
    }
    return headers;
  }

  private static String allowedOrigin(Cors cors, String origin) {
    if (origin == null) {
      return null;
    }
    for (String allowed : cors.allowOrigins()) {
      if (allowed.equalsIgnoreCase(origin)) {
        return origin;
      }
    }
    return cors.allowOrigins().contains("*") ? "*" : null;
  }
}
