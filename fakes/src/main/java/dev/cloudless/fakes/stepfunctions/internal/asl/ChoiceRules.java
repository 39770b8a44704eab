package dev.cloudless.fakes.stepfunctions.internal.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudless.fakes.stepfunctions.internal.eval.JsonPaths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** Parses JSONPath Choice rules: comparisons and their {@code And}/{@code Or}/{@code Not}. */
final class ChoiceRules {

  private ChoiceRules() {}

  /** The operand type each comparison operator takes (without the Path suffix). */
  static final Map<String, String> OPERATORS =
      Map.ofEntries(
          Map.entry("StringEquals", "STRING"),
          Map.entry("StringLessThan", "STRING"),
          Map.entry("StringGreaterThan", "STRING"),
          Map.entry("StringLessThanEquals", "STRING"),
          Map.entry("StringGreaterThanEquals", "STRING"),
          Map.entry("StringMatches", "STRING"),
          Map.entry("NumericEquals", "NUMBER"),
          Map.entry("NumericLessThan", "NUMBER"),
          Map.entry("NumericGreaterThan", "NUMBER"),
          Map.entry("NumericLessThanEquals", "NUMBER"),
          Map.entry("NumericGreaterThanEquals", "NUMBER"),
          Map.entry("BooleanEquals", "BOOLEAN"),
          Map.entry("TimestampEquals", "TIMESTAMP"),
          Map.entry("TimestampLessThan", "TIMESTAMP"),
          Map.entry("TimestampGreaterThan", "TIMESTAMP"),
          Map.entry("TimestampLessThanEquals", "TIMESTAMP"),
          Map.entry("TimestampGreaterThanEquals", "TIMESTAMP"),
          Map.entry("IsNull", "BOOLEAN"),
          Map.entry("IsPresent", "BOOLEAN"),
          Map.entry("IsNumeric", "BOOLEAN"),
          Map.entry("IsString", "BOOLEAN"),
          Map.entry("IsBoolean", "BOOLEAN"),
          Map.entry("IsTimestamp", "BOOLEAN"));

  private static final Set<String> NO_PATH_FORM =
      Set.of(
          "StringMatches",
          "IsNull",
          "IsPresent",
          "IsNumeric",
          "IsString",
          "IsBoolean",
          "IsTimestamp");

  private static final Set<String> TOP_ONLY = Set.of("Next", "Assign", "Output");

  static ChoiceRule parse(
      JsonNode node, String loc, boolean top, JsonPaths paths, BiConsumer<String, String> schema) {
    if (!node.isObject()) {
      schema.accept("A choice rule must be a JSON object", loc);
      return null;
    }
    List<String> operators = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (f.equals("Variable") || f.equals("Comment")) {
        continue;
      }
      if (TOP_ONLY.contains(f)) {
        if (!top) {
          schema.accept("The field \"" + f + "\" is not supported by Step Functions", loc);
        }
        continue;
      }
      if (f.equals("And") || f.equals("Or") || f.equals("Not") || isOperator(f)) {
        operators.add(f);
      } else {
        schema.accept("The field \"" + f + "\" is not supported by Step Functions", loc);
      }
    }
    if (operators.size() != 1) {
      schema.accept(
          operators.isEmpty()
              ? "A choice rule must contain a comparison operator, And, Or or Not"
              : "A choice rule may contain only one comparison operator, And, Or or Not: "
                  + operators,
          loc);
      return null;
    }
    String op = operators.get(0);
    JsonNode value = node.get(op);
    if (op.equals("And") || op.equals("Or")) {
      if (node.has("Variable")) {
        schema.accept("The field \"Variable\" is not supported by Step Functions", loc);
      }
      if (!value.isArray() || value.isEmpty()) {
        schema.accept("The field '" + op + "' must be a non-empty array", loc + "/" + op);
        return null;
      }
      List<ChoiceRule> rules = new ArrayList<>();
      int i = 0;
      for (JsonNode r : value) {
        ChoiceRule parsed = parse(r, loc + "/" + op + "/" + i++, false, paths, schema);
        if (parsed != null) {
          rules.add(parsed);
        }
      }
      return op.equals("And")
          ? new ChoiceRule.And(List.copyOf(rules))
          : new ChoiceRule.Or(List.copyOf(rules));
    }
    if (op.equals("Not")) {
      ChoiceRule inner = parse(value, loc + "/Not", false, paths, schema);
      return inner == null ? null : new ChoiceRule.Not(inner);
    }
    JsonNode variable = node.get("Variable");
    if (variable == null) {
      schema.accept("These fields are required: [Variable]", loc);
      return null;
    }
    JsonPaths.Path var;
    try {
      var = paths.compile(variable.asText());
    } catch (IllegalArgumentException e) {
      schema.accept(
          "The value for the field 'Variable' must be a valid JSONPath", loc + "/Variable");
      return null;
    }
    if (op.endsWith("Path") && isOperator(op) && !OPERATORS.containsKey(op)) {
      if (!value.isTextual()) {
        schema.accept("The value for the field '" + op + "' must be a STRING", loc + "/" + op);
        return null;
      }
      try {
        return new ChoiceRule.Comparison(var, op, null, paths.compile(value.textValue()));
      } catch (IllegalArgumentException e) {
        schema.accept(
            "The value for the field '" + op + "' must be a valid JSONPath", loc + "/" + op);
        return null;
      }
    }
    String type = OPERATORS.get(op);
    boolean ok =
        switch (type) {
          case "STRING" -> value.isTextual();
          case "NUMBER" -> value.isNumber();
          case "BOOLEAN" -> value.isBoolean();
          default -> value.isTextual() && Timestamps.parse(value.textValue()) != null;
        };
    if (!ok) {
      schema.accept(
          "The value for the field '"
              + op
              + "' must be a "
              + (type.equals("TIMESTAMP") ? "valid timestamp" : type),
          loc + "/" + op);
      return null;
    }
    return new ChoiceRule.Comparison(var, op, value, null);
  }

  static boolean isOperator(String f) {
    if (OPERATORS.containsKey(f)) {
      return true;
    }
    if (f.endsWith("Path")) {
      String base = f.substring(0, f.length() - 4);
      return OPERATORS.containsKey(base) && !NO_PATH_FORM.contains(base);
    }
    return false;
  }
}
