package dev.cloudless.fakes.stepfunctions.internal.eval;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.dashjoin.jsonata.JException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A JSONata field value ({@code Arguments}, {@code Output}, {@code Assign}, {@code Items}, ...):
 * JSON in which every string of the form {@code {% expression %}} is replaced by its value.
 */
@API(status = INTERNAL, since = "0.1")
public final class JsonataTemplate {

  private final String field;
  private final Node root;
  private final boolean constant;

  private JsonataTemplate(String field, Node root, boolean constant) {
    this.field = field;
    this.root = root;
    this.constant = constant;
  }

  /**
   * Compiles a field's value.
   *
   * @param field the field's name, as AWS names it in messages ({@code Output}, {@code Arguments})
   * @param problems receives a message per expression that does not parse
   */
  public static JsonataTemplate compile(
      String field, JsonNode value, JsonataEngine engine, List<String> problems) {
    boolean[] hasExpression = {false};
    Node root = node(field, value, engine, problems, hasExpression);
    return new JsonataTemplate(field, root, !hasExpression[0]);
  }

  public String field() {
    return field;
  }

  /** The expression's text when the whole value is one {@code {% %}} expression, else null. */
  public String expressionText() {
    return root instanceof Expr e ? e.expression().text() : null;
  }

  @Override
  public String toString() {
    String text = expressionText();
    return text != null ? text : field;
  }

  /** Whether no expression occurs in it. */
  public boolean constant() {
    return constant;
  }

  /**
   * Evaluates.
   *
   * @throws StatesFailure {@code States.QueryEvaluationError} when an expression fails or returns
   *     nothing
   */
  public JsonNode evaluate(Json json, JsonataEngine.Bindings bindings) {
    return root.evaluate(json, bindings);
  }

  private static Node node(
      String field,
      JsonNode value,
      JsonataEngine engine,
      List<String> problems,
      boolean[] hasExpression) {
    if (value.isTextual() && JsonataEngine.isExpression(value.textValue())) {
      hasExpression[0] = true;
      try {
        return new Expr(field, engine.compile(value.textValue()));
      } catch (IllegalArgumentException e) {
        problems.add(
            "The JSONata expression '"
                + value.textValue()
                + "' specified for the field '"
                + field
                + "' is invalid: "
                + e.getMessage());
        return new Constant(value);
      }
    }
    if (value.isObject()) {
      List<Map.Entry<String, Node>> fields = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> it = value.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        fields.add(
            Map.entry(
                e.getKey(),
                node(field + "/" + e.getKey(), e.getValue(), engine, problems, hasExpression)));
      }
      return new ObjectNodeTemplate(List.copyOf(fields));
    }
    if (value.isArray()) {
      List<Node> items = new ArrayList<>();
      int i = 0;
      for (JsonNode item : value) {
        items.add(node(field + "/" + i++, item, engine, problems, hasExpression));
      }
      return new ArrayNodeTemplate(List.copyOf(items));
    }
    return new Constant(value);
  }

  private sealed interface Node permits Constant, Expr, ObjectNodeTemplate, ArrayNodeTemplate {
    JsonNode evaluate(Json json, JsonataEngine.Bindings bindings);
  }

  private record Constant(JsonNode value) implements Node {
    @Override
    public JsonNode evaluate(Json json, JsonataEngine.Bindings bindings) {
      return value;
    }
  }

  private record Expr(String field, JsonataEngine.Expression expression) implements Node {
    @Override
    public JsonNode evaluate(Json json, JsonataEngine.Bindings bindings) {
      JsonNode v;
      try {
        v = expression.evaluate(bindings);
      } catch (JException e) {
        throw StatesFailure.queryEvaluation(
            "The JSONata expression '"
                + expression.text()
                + "' specified for the field '"
                + field
                + "' threw an error during evaluation. "
                + describe(e));
      } catch (StatesFailure e) {
        throw e;
      } catch (RuntimeException e) {
        throw StatesFailure.queryEvaluation(
            "The JSONata expression '"
                + expression.text()
                + "' specified for the field '"
                + field
                + "' threw an error during evaluation. "
                + e.getMessage());
      }
      if (v == null) {
        throw StatesFailure.queryEvaluation(
            "The JSONata expression '"
                + expression.text()
                + "' specified for the field '"
                + field
                + "' returned nothing (undefined).");
      }
      return v;
    }
  }

  private static String describe(JException e) {
    String message = e.getMessage();
    String code = e.getError();
    if (code != null && message != null && !message.startsWith(code)) {
      return code + ": " + message;
    }
    return message;
  }

  private record ObjectNodeTemplate(List<Map.Entry<String, Node>> fields) implements Node {
    @Override
    public JsonNode evaluate(Json json, JsonataEngine.Bindings bindings) {
      ObjectNode o = json.object();
      for (Map.Entry<String, Node> f : fields) {
        o.set(f.getKey(), f.getValue().evaluate(json, bindings));
      }
      return o;
    }
  }

  private record ArrayNodeTemplate(List<Node> items) implements Node {
    @Override
    public JsonNode evaluate(Json json, JsonataEngine.Bindings bindings) {
      ArrayNode a = json.nodes().arrayNode();
      for (Node n : items) {
        a.add(n.evaluate(json, bindings));
      }
      return a;
    }
  }
}
