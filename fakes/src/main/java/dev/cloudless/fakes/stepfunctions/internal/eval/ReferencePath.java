package dev.cloudless.fakes.stepfunctions.internal.eval;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A reference path (ASL's name for a path that names one node: {@code $}, {@code $.a.b}, {@code
 * $['a'][0]}), used where a value is written: {@code ResultPath}. Writing copies the containers
 * along the path, so the input the state received is left as it was.
 */
@API(status = INTERNAL, since = "0.1")
public final class ReferencePath {

  private final String text;
  private final List<Object> steps;

  private ReferencePath(String text, List<Object> steps) {
    this.text = text;
    this.steps = steps;
  }

  /**
   * Parses a reference path.
   *
   * @throws IllegalArgumentException when the text is not a reference path (wildcards, filters,
   *     slices and deep scans are not)
   */
  public static ReferencePath parse(String text) {
    if (text == null || !text.startsWith("$") || text.startsWith("$$")) {
      throw new IllegalArgumentException("Not a reference path: " + text);
    }
    List<Object> steps = new ArrayList<>();
    int i = 1;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '.') {
        int j = i + 1;
        while (j < n && text.charAt(j) != '.' && text.charAt(j) != '[') {
          j++;
        }
        String name = text.substring(i + 1, j);
        if (name.isEmpty() || name.equals("*")) {
          throw new IllegalArgumentException("Not a reference path: " + text);
        }
        steps.add(name);
        i = j;
      } else if (c == '[') {
        int close = text.indexOf(']', i);
        if (close < 0) {
          throw new IllegalArgumentException("Not a reference path: " + text);
        }
        String inside = text.substring(i + 1, close).trim();
        if (inside.length() >= 2
            && (inside.startsWith("'") && inside.endsWith("'")
                || inside.startsWith("\"") && inside.endsWith("\""))) {
          steps.add(inside.substring(1, inside.length() - 1));
        } else {
          try {
            int index = Integer.parseInt(inside);
            if (index < 0) {
              throw new IllegalArgumentException("Not a reference path: " + text);
            }
            steps.add(index);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a reference path: " + text);
          }
        }
        i = close + 1;
      } else {
        throw new IllegalArgumentException("Not a reference path: " + text);
      }
    }
    return new ReferencePath(text, List.copyOf(steps));
  }

  public String text() {
    return text;
  }

  /** Whether this is {@code $}: the value replaces the document. */
  public boolean isRoot() {
    return steps.isEmpty();
  }

  /**
   * A copy of {@code document} with {@code value} at this path, creating missing objects on the
   * way.
   *
   * @throws StatesFailure {@code States.ResultPathMatchFailure} when a step meets a value it cannot
   *     descend into
   */
  public JsonNode set(Json json, JsonNode document, JsonNode value) {
    return set(json, document, value, 0);
  }

  private JsonNode set(Json json, JsonNode node, JsonNode value, int at) {
    if (at == steps.size()) {
      return value;
    }
    Object step = steps.get(at);
    if (step instanceof String name) {
      ObjectNode copy;
      if (node == null || node.isMissingNode() || (at > 0 && node.isNull())) {
        copy = json.object();
      } else if (node.isObject()) {
        copy = json.shallowCopy((ObjectNode) node);
      } else {
        throw mismatch(json, node);
      }
      copy.set(name, set(json, copy.get(name), value, at + 1));
      return copy;
    }
    int index = (Integer) step;
    if (node == null || !node.isArray() || index >= node.size()) {
      throw mismatch(json, node);
    }
    ArrayNode copy = ((ArrayNode) node).deepCopy();
    copy.set(index, set(json, node.get(index), value, at + 1));
    return copy;
  }

  private StatesFailure mismatch(Json json, JsonNode node) {
    // Not recorded: the text follows AWS's documented meaning of the error.
    return StatesFailure.located(
        StatesFailure.RESULT_PATH_MATCH,
        "Unable to apply ResultPath \""
            + text
            + "\" to input \""
            + (node == null ? "null" : json.write(node))
            + "\".");
  }

  @Override
  public String toString() {
    return text;
  }
}
