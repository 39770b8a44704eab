package dev.cloudless.fakes.apigateway.internal.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/** Small pieces of HTTP that every part of the pipeline reads the same way. */
@API(status = INTERNAL, since = "0.1")
public final class RequestParts {

  private RequestParts() {}

  /**
   * The query string's parameters, decoded as a form ({@code +} is a space, recorded: {@code
   * plus=test+alias} reached the function as {@code "test alias"}), every value of a repeated name
   * kept in order.
   */
  public static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  /** Form-decodes {@code s}; a malformed escape is kept as sent rather than failing the request. */
  public static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  /** The media type of a {@code Content-Type} value, lower case, without parameters. */
  public static String mediaType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  /**
   * Whether {@code contentType} is one of the API's binary media types ({@code image/png}, {@code
   * image/*}, {@code *}{@code /*}).
   */
  public static boolean isBinary(String contentType, List<String> binaryMediaTypes) {
    String media = mediaType(contentType);
    if (media == null || binaryMediaTypes.isEmpty()) {
      return false;
    }
    for (String type : binaryMediaTypes) {
      String t = type.toLowerCase(Locale.ROOT);
      if (t.equals("*/*") || t.equals(media)) {
        return true;
      }
      if (t.endsWith("/*") && media.startsWith(t.substring(0, t.length() - 1))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Connection-level headers the front door consumes; they never reach an integration. Java's
   * HttpClient, for one, sends {@code Upgrade: h2c} and {@code HTTP2-Settings}.
   */
  public static boolean isHopByHop(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "connection",
          "keep-alive",
          "proxy-connection",
          "te",
          "transfer-encoding",
          "upgrade",
          "http2-settings" ->
          true;
      default -> false;
    };
  }
}
