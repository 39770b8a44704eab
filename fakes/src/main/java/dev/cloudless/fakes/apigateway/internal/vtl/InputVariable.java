package dev.cloudless.fakes.apigateway.internal.vtl;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code $input} in a mapping template: the payload ({@code body}, {@code json(path)}, {@code
 * path(path)}) and the method request's parameters ({@code params()}, {@code params(name)}).
 * Source: API Gateway developer guide, {@code api-gateway-mapping-template-reference.md}.
 */
@API(status = INTERNAL, since = "0.1")
public final class InputVariable {

  private final ObjectMapper json;
  private final String body;
  private final Map<String, String> path;
  private final Map<String, String> querystring;
  private final Map<String, String> header;
  private JsonNode parsed;

  public InputVariable(
      ObjectMapper json,
      String body,
      Map<String, String> path,
      Map<String, String> querystring,
      Map<String, String> header) {
    this.json = json;
    this.body = body == null ? "" : body;
    this.path = path;
    this.querystring = querystring;
    this.header = header;
  }

  /** {@code $input.body}: the raw payload as a string. */
  public String getBody() {
    return body;
  }

  /** {@code $input.json('$.a')}: the JSON at the path, as a JSON string. */
  public String json(String jsonPath) {
    JsonNode node = JsonPaths.select(tree(), jsonPath);
    if (node.isMissingNode()) {
      return "";
    }
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A parsed tree always serializes", e);
    }
  }

  /** {@code $input.path('$.a')}: the object at the path, for the template to navigate. */
  public Object path(String jsonPath) {
    return JsonPaths.toJava(JsonPaths.select(tree(), jsonPath));
  }

  /** {@code $input.params()}: {@code {path: {...}, querystring: {...}, header: {...}}}. */
  public Map<String, Map<String, String>> params() {
    Map<String, Map<String, String>> all = new LinkedHashMap<>();
    all.put("path", path);
    all.put("querystring", querystring);
    all.put("header", header);
    return all;
  }

  /** {@code $input.params('x')}: x from the path, else the query string, else a header. */
  public String params(String name) {
    if (path.containsKey(name)) {
      return path.get(name);
    }
    if (querystring.containsKey(name)) {
      return querystring.get(name);
    }
    for (Map.Entry<String, String> h : header.entrySet()) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return "";
  }

  private JsonNode tree() {
    if (parsed == null) {
      try {
        parsed = body.isBlank() ? json.createObjectNode() : json.readTree(body);
      } catch (JsonProcessingException e) {
        // API Gateway fails such a template at run time; a missing node gives the same empty
        // result.
        parsed = MissingNode.getInstance();
      }
    }
    return parsed;
  }
}
