package dev.cloudless.fakes.stepfunctions.internal.eval;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A JSONPath payload template ({@code Parameters}, {@code ResultSelector}, {@code ItemSelector},
 * JSONPath {@code Assign}): literal JSON where every key ending in {@code .$} takes its value from
 * a path or an intrinsic call, compiled once per definition.
 */
@API(status = INTERNAL, since = "0.1")
public final class PayloadTemplate {

  private final Node root;

  private PayloadTemplate(Node root) {
    this.root = root;
  }

  /**
   * Compiles a template.
   *
   * @param problems receives one message per bad {@code .$} value, with its field
   */
  public static PayloadTemplate compile(
      JsonNode template, JsonPaths paths, Intrinsics intrinsics, List<String> problems) {
    return new PayloadTemplate(node(template, paths, intrinsics, problems));
  }

  /** Evaluates against a scope. */
  public JsonNode evaluate(Json json, IntrinsicFunctions functions, Scope scope) {
    return root.evaluate(json, functions, scope);
  }

  private static Node node(
      JsonNode template, JsonPaths paths, Intrinsics intrinsics, List<String> problems) {
    if (template.isObject()) {
      List<Field> fields = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> it = template.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        JsonNode value = e.getValue();
        if (key.endsWith(".$") && key.length() > 2) {
          String name = key.substring(0, key.length() - 2);
          if (!value.isTextual()) {
            problems.add(
                "The value for the field '"
                    + key
                    + "' must be a STRING that contains a JSONPath but was "
                    + typeWord(value));
            continue;
          }
          String text = value.textValue();
          try {
            if (Intrinsics.isCall(text)) {
              fields.add(new Field(name, key, new IntrinsicValue(intrinsics.parse(text))));
            } else {
              fields.add(new Field(name, key, new PathValue(paths.compile(text))));
            }
          } catch (IllegalArgumentException ex) {
            problems.add(
                "The value for the field '"
                    + key
                    + "' must be a valid JSONPath or a valid intrinsic function call");
          }
        } else {
          fields.add(new Field(key, key, node(value, paths, intrinsics, problems)));
        }
      }
      return new ObjectTemplate(awsOrder(fields));
    }
    if (template.isArray()) {
      List<Node> items = new ArrayList<>();
      for (JsonNode item : template) {
        items.add(node(item, paths, intrinsics, problems));
      }
      return new ArrayTemplate(List.copyOf(items));
    }
    return new Constant(template);
  }

  /**
   * The key order AWS gives a template's output (recorded): the literal fields first, in template
   * order, then the {@code .$} fields in the iteration order of a {@code java.util.HashMap} of
   * their names, which is evidently what the service collects them in.
   */
  private static List<Field> awsOrder(List<Field> fields) {
    List<Field> out = new ArrayList<>(fields.size());
    java.util.Map<String, Field> dynamic = new java.util.HashMap<>();
    for (Field f : fields) {
      if (f.value() instanceof PathValue || f.value() instanceof IntrinsicValue) {
        dynamic.put(f.name(), f);
      } else {
        out.add(f);
      }
    }
    out.addAll(dynamic.values());
    return List.copyOf(out);
  }

  private static String typeWord(JsonNode v) {
    if (v.isIntegralNumber()) {
      return "INT";
    }
    if (v.isNumber()) {
      return "FLOAT";
    }
    if (v.isBoolean()) {
      return "BOOLEAN";
    }
    if (v.isNull()) {
      return "NULL";
    }
    if (v.isArray()) {
      return "ARRAY";
    }
    return "OBJECT";
  }

  private sealed interface Node permits Constant, ObjectTemplate, ArrayTemplate {
    JsonNode evaluate(Json json, IntrinsicFunctions functions, Scope scope);
  }

  private record Constant(JsonNode value) implements Node {
    @Override
    public JsonNode evaluate(Json json, IntrinsicFunctions functions, Scope scope) {
      return value;
    }
  }

  private record ArrayTemplate(List<Node> items) implements Node {
    @Override
    public JsonNode evaluate(Json json, IntrinsicFunctions functions, Scope scope) {
      ArrayNode a = json.nodes().arrayNode();
      for (Node n : items) {
        a.add(n.evaluate(json, functions, scope));
      }
      return a;
    }
  }

  private record Field(String name, String key, Object value) {}

  private record PathValue(JsonPaths.Path path) {}

  private record IntrinsicValue(Intrinsics.Expression expression) {}

  private record ObjectTemplate(List<Field> fields) implements Node {
    @Override
    public JsonNode evaluate(Json json, IntrinsicFunctions functions, Scope scope) {
      ObjectNode o = json.object();
      for (Field f : fields) {
        JsonNode v;
        if (f.value() instanceof PathValue p) {
          try {
            v = p.path().read(scope);
          } catch (PathException e) {
            throw notFound(json, p.path().text(), f.key(), scope);
          }
        } else if (f.value() instanceof IntrinsicValue i) {
          try {
            v = functions.evaluate(i.expression(), scope);
          } catch (MissingPathException e) {
            throw notFound(json, e.path(), f.key(), scope);
          }
        } else {
          v = ((Node) f.value()).evaluate(json, functions, scope);
        }
        o.set(f.name(), v);
      }
      return o;
    }
  }

  /** Recorded: {@code The JSONPath '$.x' specified for the field 'x.$' could not be found ...}. */
  static StatesFailure notFound(Json json, String path, String key, Scope scope) {
    return StatesFailure.runtime(
        "The JSONPath '"
            + path
            + "' specified for the field '"
            + key
            + "' could not be found in the input '"
            + json.write(scope.input())
            + "'");
  }
}
