package dev.cloudless.fakes.stepfunctions.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Workflow variables of one scope. A Map iteration or a Parallel branch reads the variables of the
 * scope around it but assigns into its own, so nothing it assigns is seen outside (AWS guide,
 * "Passing data between states with variables", variable scope). A distributed Map's child
 * workflows start with no outer scope at all.
 */
final class Variables {

  private final Variables outer;
  private final Map<String, JsonNode> values = new LinkedHashMap<>();

  Variables(Variables outer) {
    this.outer = outer;
  }

  JsonNode get(String name) {
    JsonNode v = values.get(name);
    if (v != null) {
      return v;
    }
    return outer == null ? null : outer.get(name);
  }

  void assign(Map<String, JsonNode> assignments) {
    values.putAll(assignments);
  }

  /** Everything visible here, inner values winning. */
  Map<String, JsonNode> visible() {
    if (outer == null) {
      return values;
    }
    Map<String, JsonNode> all = new LinkedHashMap<>(outer.visible());
    all.putAll(values);
    return all;
  }
}
