package dev.cloudless.fakes.apigateway.internal.vtl;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apiguardian.api.API;

/**
 * {@code $util} in a mapping template. Source: API Gateway developer guide, {@code
 * api-gateway-mapping-template-reference.md} ("$util Variables").
 */
@API(status = INTERNAL, since = "0.1")
public final class UtilVariable {

  private final ObjectMapper json;

  public UtilVariable(ObjectMapper json) {
    this.json = json;
  }

  /**
   * Escapes as JavaScript string contents, as Apache Commons' {@code escapeJavaScript} does, which
   * API Gateway's docs point to: {@code '} becomes {@code \'}, {@code "} {@code \"}, {@code /}
   * {@code \/}, control and non-ASCII characters {@code \\uXXXX}.
   */
  public String escapeJavaScript(Object value) {
    if (value == null) {
      return null;
    }
    String s = value.toString();
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\'' -> out.append("\\'");
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '/' -> out.append("\\/");
        case '\b' -> out.append("\\b");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 32 || c > 0x7f) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** Parses a JSON string into an object the template can navigate. */
  public Object parseJson(String text) {
    try {
      return JsonPaths.toJava(json.readTree(text));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "$util.parseJson: [" + text + "] is not JSON: " + e.getOriginalMessage());
    }
  }

  public String urlEncode(String s) {
    return s == null ? null : URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  public String urlDecode(String s) {
    return s == null ? null : URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  public String base64Encode(String s) {
    return s == null
        ? null
        : Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  public String base64Decode(String s) {
    return s == null ? null : new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
  }
}
