package dev.cloudless.fakes.lambda.internal.urls;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudless.fakes.internal.http.HttpField;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns what a function returned into the HTTP response the client gets, by Lambda's rules for
 * function URLs:
 *
 * <ul>
 *   <li>a JSON object with {@code statusCode} is a response: {@code statusCode} (a number, or a
 *       string of digits), {@code headers}, {@code cookies} (each one {@code set-cookie} header),
 *       {@code body} and {@code isBase64Encoded}; other keys are ignored;
 *   <li>any other JSON value is the body of a 200 {@code application/json} response, written
 *       compactly; a JSON string is the body as its text, without quotes (AWS recorded {@code
 *       "hello"} coming back as {@code hello});
 *   <li>a response whose fields have the wrong types is invalid: the client gets a 502.
 * </ul>
 */
final class UrlResponses {

  /** What the function answered, as HTTP. */
  record Answer(int status, List<HttpField> headers, byte[] body) {}

  /** A response the function returned that Lambda cannot turn into HTTP. */
  static final class InvalidResponse extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidResponse(String message) {
      super(message);
    }
  }

  private UrlResponses() {}

  static Answer from(ObjectMapper json, String payload) throws InvalidResponse {
    JsonNode result;
    try {
      result = json.readTree(payload == null || payload.isEmpty() ? "null" : payload);
    } catch (JsonProcessingException e) {
      throw new InvalidResponse("the function's result is not JSON: " + e.getOriginalMessage());
    }
    if (result != null && result.isObject() && result.has("statusCode")) {
      return structured(json, result);
    }
    String body = result != null && result.isTextual() ? result.asText() : compact(json, result);
    return new Answer(
        200,
        List.of(new HttpField("Content-Type", "application/json")),
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static Answer structured(ObjectMapper json, JsonNode result) throws InvalidResponse {
    int status = statusCode(result.get("statusCode"));
    List<HttpField> headers = new ArrayList<>();
    JsonNode given = result.get("headers");
    if (given != null && !given.isNull()) {
      if (!given.isObject()) {
        throw new InvalidResponse("headers must be an object of strings; got " + given);
      }
      Iterator<Map.Entry<String, JsonNode>> fields = given.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = field.getValue();
        if (value.isContainerNode()) {
          throw new InvalidResponse(
              "header [" + field.getKey() + "] must be a string; got " + value);
        }
        if (!value.isNull()) {
          headers.add(new HttpField(field.getKey(), value.asText()));
        }
      }
    }
    boolean typed = headers.stream().anyMatch(h -> h.name().equalsIgnoreCase("Content-Type"));
    if (!typed) {
      // AWS recorded: {"statusCode":200,"body":"body123"} comes back as application/json.
      headers.add(new HttpField("Content-Type", "application/json"));
    }
    JsonNode cookies = result.get("cookies");
    if (cookies != null && !cookies.isNull()) {
      if (!cookies.isArray()) {
        throw new InvalidResponse("cookies must be an array of strings; got " + cookies);
      }
      for (JsonNode cookie : cookies) {
        headers.add(new HttpField("Set-Cookie", cookie.asText()));
      }
    }
    JsonNode body = result.get("body");
    byte[] bytes;
    if (body == null || body.isNull()) {
      bytes = new byte[0];
    } else {
      String text = body.isTextual() ? body.asText() : compact(json, body);
      JsonNode encoded = result.get("isBase64Encoded");
      if (encoded != null && encoded.asBoolean(false)) {
        try {
          bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
          throw new InvalidResponse("isBase64Encoded is true but body is not base64: " + text);
        }
      } else {
        bytes = text.getBytes(StandardCharsets.UTF_8);
      }
    }
    return new Answer(status, headers, bytes);
  }

  private static int statusCode(JsonNode node) throws InvalidResponse {
    if (node.isInt() || (node.isTextual() && node.asText().matches("[0-9]{3}"))) {
      int status = node.isInt() ? node.asInt() : Integer.parseInt(node.asText());
      if (status >= 100 && status <= 599) {
        return status;
      }
    }
    throw new InvalidResponse(
        "statusCode must be an HTTP status (100 to 599), as a number or a string of digits; got "
            + node);
  }

  private static String compact(ObjectMapper json, JsonNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A parsed JSON tree always serializes", e);
    }
  }
}
