package dev.cloudless.fakes.lambda.internal.urls;

import dev.cloudless.fakes.internal.http.HttpField;
import dev.cloudless.fakes.lambda.Cors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CORS headers Lambda adds for a URL with CORS settings. The URL's settings win: any {@code
 * Access-Control-*} header the function set is dropped first.
 */
final class CorsHeaders {

  private CorsHeaders() {}

  /** Whether a request is a CORS preflight, which Lambda answers without invoking the function. */
  static boolean isPreflight(Cors cors, String method, String origin, String requestedMethod) {
    return cors.isConfigured()
        && method.equals("OPTIONS")
        && origin != null
        && requestedMethod != null;
  }

  /** The answer to a preflight: what the origin may do, if it is allowed at all. */
  static List<HttpField> preflight(Cors cors, String origin) {
    List<HttpField> headers = new ArrayList<>();
    String allowed = allowedOrigin(cors, origin);
    if (allowed == null) {
      return headers;
    }
    headers.add(new HttpField("Access-Control-Allow-Origin", allowed));
    if (!cors.allowMethods().isEmpty()) {
      headers.add(
          new HttpField("Access-Control-Allow-Methods", String.join(",", cors.allowMethods())));
    }
    if (!cors.allowHeaders().isEmpty()) {
      headers.add(
          new HttpField("Access-Control-Allow-Headers", String.join(",", cors.allowHeaders())));
    }
    if (cors.allowCredentials()) {
      headers.add(new HttpField("Access-Control-Allow-Credentials", "true"));
    }
    if (cors.maxAge() > 0) {
      headers.add(new HttpField("Access-Control-Max-Age", Integer.toString(cors.maxAge())));
    }
    headers.add(new HttpField("Vary", "Origin"));
    return headers;
  }

  /** The function's headers with the URL's CORS headers in place of any it set. */
  static List<HttpField> actual(Cors cors, String origin, List<HttpField> fromFunction) {
    if (!cors.isConfigured()) {
      return fromFunction;
    }
    List<HttpField> headers = new ArrayList<>();
    for (HttpField field : fromFunction) {
      if (!field.name().toLowerCase(Locale.ROOT).startsWith("access-control-")) {
        headers.add(field);
      }
    }
    String allowed = origin == null ? null : allowedOrigin(cors, origin);
    if (allowed != null) {
      headers.add(new HttpField("Access-Control-Allow-Origin", allowed));
      if (!cors.exposeHeaders().isEmpty()) {
        headers.add(
            new HttpField("Access-Control-Expose-Headers", String.join(",", cors.exposeHeaders())));
      }
      if (cors.allowCredentials()) {
        headers.add(new HttpField("Access-Control-Allow-Credentials", "true"));
      }
      headers.add(new HttpField("Vary", "Origin"));
    }
    return headers;
  }

  /**
   * The {@code Access-Control-Allow-Origin} value for {@code origin}: the origin itself when it is
   * listed, {@code *} when any origin is allowed, else null (no CORS headers: the browser refuses).
   */
  private static String allowedOrigin(Cors cors, String origin) {
    for (String allowed : cors.allowOrigins()) {
      if (allowed.equalsIgnoreCase(origin)) {
        return origin;
      }
    }
    return cors.allowOrigins().contains("*") ? "*" : null;
  }
}
