package dev.cloudless.fakes.apigateway.internal.vtl;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The JSONPath of {@code $input.json(...)} and {@code $input.path(...)}: the paths mapping
 * templates write ({@code $}, {@code $.a.b}, {@code $['a']}, {@code $.items[0]}), evaluated on a
 * Jackson tree. Filters and recursive descent are not supported and are refused with a message
 * naming the path.
 */
@API(status = INTERNAL, since = "0.1")
public final class JsonPaths {

  private JsonPaths() {}

  /** The node at {@code path}, or {@link MissingNode} when there is none. */
  public static JsonNode select(JsonNode root, String path) {
    String p = path == null ? "$" : path.trim();
    if (!p.startsWith("$")) {
      throw new IllegalArgumentException(
          "JSONPath [" + path + "] must start with $, as API Gateway's templates write it.");
    }
    JsonNode node = root;
    int i = 1;
    while (i < p.length() && node != null && !node.isMissingNode()) {
      char c = p.charAt(i);
      if (c == '.') {
        if (i + 1 < p.length() && p.charAt(i + 1) == '.') {
          throw new IllegalArgumentException(
              "JSONPath [" + path + "]: recursive descent (..) is not supported.");
        }
        int end = i + 1;
        while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') {
          end++;
        }
        node = node.path(p.substring(i + 1, end));
        i = end;
      } else if (c == '[') {
        int close = p.indexOf(']', i);
        if (close < 0) {
          throw new IllegalArgumentException("JSONPath [" + path + "] has an unclosed [.");
        }
        String inside = p.substring(i + 1, close).trim();
        if (inside.startsWith("'") || inside.startsWith("\"")) {
          node = node.path(inside.substring(1, inside.length() - 1));
        } else if (inside.matches("-?\\d+")) {
          int index = Integer.parseInt(inside);
          node = node.path(index < 0 ? node.size() + index : index);
        } else {
          throw new IllegalArgumentException(
              "JSONPath ["
                  + path
                  + "]: ["
                  + inside
                  + "] is not supported; use a name or an index.");
        }
        i = close + 1;
      } else {
        throw new IllegalArgumentException(
            "JSONPath [" + path + "]: unexpected '" + c + "' at " + i + ".");
      }
    }
    return node == null ? MissingNode.getInstance() : node;
  }

  /** A Jackson node as plain Java: maps, lists, strings, numbers, booleans and null. */
  public static Object toJava(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), toJava(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(n -> list.add(toJava(n)));
      return list;
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToInt() ? (Object) node.asInt() : (Object) node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    return node.asText();
  }
}
