package dev.cloudless.fakes.apigateway.internal.integrations;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudless.fakes.apigateway.ApiResponse;
import dev.cloudless.fakes.apigateway.Header;
import dev.cloudless.fakes.apigateway.internal.model.RequestParts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Turns what a Lambda proxy integration returned into the client's response, by API Gateway's
 * rules: strict for REST (any unknown key, a non-object, {@code {}} or a non-numeric status is
 * malformed), lenient for HTTP API payload 1.0 (unknown keys ignored, a status required), and with
 * inference for payload 2.0. Recorded: AWS-SEMANTICS 5.2 and 5.3.
 */
@API(status = INTERNAL, since = "0.1")
public final class ProxyResponses {

  private static final Set<String> V1_KEYS =
      Set.of("statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded");

  /** A response API Gateway cannot turn into HTTP. */
  @API(status = INTERNAL, since = "0.1")
  public static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  private ProxyResponses() {}

  /**
   * REST proxy (and HTTP API payload 1.0 when {@code lenient}).
   *
   * @param binaryMediaTypes the API's binary media types
   * @param accept the request's {@code Accept} header: a base64 body is decoded only when it names
   *     a binary media type
   */
  public static ApiResponse v1(
      ObjectMapper json,
      String payload,
      boolean lenient,
      List<String> binaryMediaTypes,
      String accept)
      throws Malformed {
    JsonNode result = parse(json, payload);
    if (!result.isObject()) {
      throw new Malformed("the result is not a JSON object: " + abbreviate(payload));
    }
    if (!lenient) {
      if (result.isEmpty()) {
        throw new Malformed("the result is an empty object");
      }
      Iterator<String> names = result.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!V1_KEYS.contains(name)) {
          throw new Malformed("unknown key [" + name + "]; allowed are " + V1_KEYS);
        }
      }
    }
    JsonNode statusNode = result.get("statusCode");
    int status;
    if (statusNode == null || statusNode.isNull()) {
      if (lenient) {
        throw new Malformed("statusCode is missing");
      }
      // Recorded: {"headers": {...}} without statusCode comes back as 200.
      status = 200;
    } else {
      status = status(statusNode);
    }
    List<Header> headers = new ArrayList<>();
    JsonNode multi = result.get("multiValueHeaders");
    JsonNode single = result.get("headers");
    if (multi != null && !multi.isNull()) {
      if (!multi.isObject()) {
        throw new Malformed("multiValueHeaders must be an object of lists");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = multi.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isArray()) {
          throw new Malformed("multiValueHeaders[" + e.getKey() + "] is not a list");
        }
        for (JsonNode v : e.getValue()) {
          headers.add(new Header(e.getKey(), v.asText()));
        }
      }
    }
    if (single != null && !single.isNull()) {
      if (!single.isObject()) {
        throw new Malformed("headers must be an object");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = single.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isContainerNode()) {
          throw new Malformed("headers[" + e.getKey() + "] is not a scalar");
        }
        if (e.getValue().isNull()) {
          continue;
        }
        // Recorded: the same header in both maps is merged, multi's values first, multi's casing.
        String name = e.getKey();
        for (Header h : headers) {
          if (h.name().equalsIgnoreCase(name)) {
            name = h.name();
            break;
          }
        }
        headers.add(new Header(name, e.getValue().asText()));
      }
    }
    if (headers.stream().noneMatch(h -> h.name().equalsIgnoreCase("Content-Type"))) {
      headers.add(new Header("Content-Type", "application/json"));
    }
    byte[] body = new byte[0];
    JsonNode bodyNode = result.get("body");
    if (bodyNode != null && !bodyNode.isNull()) {
      if (!bodyNode.isTextual() && !lenient) {
        throw new Malformed("body must be a string");
      }
      String text = bodyNode.isTextual() ? bodyNode.asText() : bodyNode.toString();
      JsonNode encoded = result.get("isBase64Encoded");
      boolean base64 = encoded != null && encoded.asBoolean(false);
      // Recorded: a base64 body comes back as the base64 text unless the client accepts a binary
      // media type of the API (HTTP APIs always decode).
      if (base64 && (lenient || RequestParts.isBinary(firstAccept(accept), binaryMediaTypes))) {
        try {
          body = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
          throw new Malformed("isBase64Encoded is true but the body is not base64");
        }
      } else {
        body = text.getBytes(StandardCharsets.UTF_8);
      }
    }
    return new ApiResponse(status, headers, body);
  }

  /** HTTP API payload format 2.0, with its inference of a response without {@code statusCode}. */
  public static ApiResponse v2(ObjectMapper json, String payload) throws Malformed {
    JsonNode result = parse(json, payload);
    if (!result.isObject() || !result.has("statusCode")) {
      // Valid JSON without a status: 200, application/json, the JSON as the body (a string as its
      // text).
      String body = result.isTextual() ? result.asText() : result.toString();
      return new ApiResponse(
          200,
          List.of(new Header("Content-Type", "application/json")),
          body.getBytes(StandardCharsets.UTF_8));
    }
    int status = status(result.get("statusCode"));
    List<Header> headers = new ArrayList<>();
    JsonNode given = result.get("headers");
    if (given != null && !given.isNull()) {
      if (!given.isObject()) {
        throw new Malformed("headers must be an object");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isContainerNode()) {
          throw new Malformed("headers[" + e.getKey() + "] is not a scalar");
        }
        if (!e.getValue().isNull()) {
          headers.add(new Header(e.getKey(), e.getValue().asText()));
        }
      }
    }
    if (headers.stream().noneMatch(h -> h.name().equalsIgnoreCase("Content-Type"))) {
      headers.add(new Header("Content-Type", "application/json"));
    }
    JsonNode cookies = result.get("cookies");
    if (cookies != null && !cookies.isNull()) {
      if (!cookies.isArray()) {
        throw new Malformed("cookies must be a list");
      }
      cookies.forEach(c -> headers.add(new Header("Set-Cookie", c.asText())));
    }
    byte[] body = new byte[0];
    JsonNode bodyNode = result.get("body");
    if (bodyNode != null && !bodyNode.isNull()) {
      String text = bodyNode.isTextual() ? bodyNode.asText() : bodyNode.toString();
      JsonNode encoded = result.get("isBase64Encoded");
      if (encoded != null && encoded.asBoolean(false)) {
        try {
          body = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
          throw new Malformed("isBase64Encoded is true but the body is not base64");
        }
      } else {
        body = text.getBytes(StandardCharsets.UTF_8);
      }
    }
    return new ApiResponse(status, headers, body);
  }

  private static JsonNode parse(ObjectMapper json, String payload) throws Malformed {
    try {
      JsonNode node = json.readTree(payload == null || payload.isEmpty() ? "null" : payload);
      return node == null ? json.nullNode() : node;
    } catch (JsonProcessingException e) {
      throw new Malformed("the result is not JSON: " + e.getOriginalMessage());
    }
  }

  private static int status(JsonNode node) throws Malformed {
    if (node.isInt() || (node.isTextual() && node.asText().matches("[0-9]{3}"))) {
      int status = node.isInt() ? node.asInt() : Integer.parseInt(node.asText());
      if (status >= 100 && status <= 599) {
        return status;
      }
    }
    throw new Malformed("statusCode must be an HTTP status; got " + node);
  }

  private static String firstAccept(String accept) {
    if (accept == null) {
      return null;
    }
    int comma = accept.indexOf(',');
    return comma < 0 ? accept : accept.substring(0, comma);
  }

  private static String abbreviate(String s) {
    return s == null ? "null" : s.length() > 100 ? s.substring(0, 100) + "..." : s;
  }
}
