package dev.cloudless.fakes.stepfunctions.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudless.fakes.stepfunctions.internal.asl.ChoiceBranch;
import dev.cloudless.fakes.stepfunctions.internal.asl.ChoiceRule;
import dev.cloudless.fakes.stepfunctions.internal.asl.ChoiceState;
import dev.cloudless.fakes.stepfunctions.internal.asl.Timestamps;
import dev.cloudless.fakes.stepfunctions.internal.eval.Json;
import dev.cloudless.fakes.stepfunctions.internal.eval.PathException;
import dev.cloudless.fakes.stepfunctions.internal.eval.Scope;
import dev.cloudless.fakes.stepfunctions.internal.eval.StatesFailure;
import java.time.Instant;

/** A Choice state: the first rule that matches decides; else {@code Default}; else failure. */
final class ChoiceStep {

  private ChoiceStep() {}

  static void run(GraphRun graph, StateRun run, ChoiceState state) {
    boolean jsonata = run.flow().jsonata();
    JsonNode effective = jsonata ? run.rawInput : run.applyInputPath();
    for (ChoiceBranch b : state.choices()) {
      if (matches(run, b.rule(), effective)) {
        graph.exitWithInput(
            run,
            effective,
            b.assignPath(),
            b.assignJsonata(),
            b.output() != null ? b.output() : run.flow().output(),
            b.next());
        return;
      }
    }
    if (state.defaultNext() == null) {
      // The cause AWS gives here is not recorded in the cases at hand; this is ours.
      throw StatesFailure.located(StatesFailure.NO_CHOICE_MATCHED, "No Matches!");
    }
    graph.exitWithInput(
        run,
        effective,
        run.flow().assignPath(),
        run.flow().assignJsonata(),
        run.flow().output(),
        state.defaultNext());
  }

  static boolean matches(StateRun run, ChoiceRule rule, JsonNode input) {
    if (rule instanceof ChoiceRule.And and) {
      for (ChoiceRule r : and.rules()) {
        if (!matches(run, r, input)) {
          return false;
        }
      }
      return true;
    }
    if (rule instanceof ChoiceRule.Or or) {
      for (ChoiceRule r : or.rules()) {
        if (matches(run, r, input)) {
          return true;
        }
      }
      return false;
    }
    if (rule instanceof ChoiceRule.Not not) {
      return !matches(run, not.rule(), input);
    }
    if (rule instanceof ChoiceRule.Condition c) {
      JsonNode v = run.jsonata(c.condition(), null, null);
      if (!v.isBoolean()) {
        throw StatesFailure.queryEvaluation(
            "The JSONata expression '"
                + c.condition()
                + "' specified for the field 'Condition' returned an unexpected result type."
                + " Expected 'boolean', but was '"
                + Json.typeName(v)
                + "' for value: "
                + run.engine().json.write(v));
      }
      return v.booleanValue();
    }
    return compare(run, (ChoiceRule.Comparison) rule, input);
  }

  private static boolean compare(StateRun run, ChoiceRule.Comparison c, JsonNode input) {
    Scope scope = run.scope(input);
    JsonNode value;
    try {
      value = c.variable().read(scope);
    } catch (PathException e) {
      if (c.operator().equals("IsPresent")) {
        return !c.value().booleanValue();
      }
      throw StatesFailure.runtime("Invalid path '" + c.variable().text() + "' : " + e.getMessage());
    }
    String op = c.operator();
    JsonNode operand = c.value();
    if (c.valuePath() != null) {
      op = op.substring(0, op.length() - "Path".length());
      try {
        operand = c.valuePath().read(scope);
      } catch (PathException e) {
        throw StatesFailure.runtime(
            "Invalid path '" + c.valuePath().text() + "' : " + e.getMessage());
      }
    }
    switch (op) {
      case "IsPresent":
        return operand.booleanValue();
      case "IsNull":
        return value.isNull() == operand.booleanValue();
      case "IsNumeric":
        return value.isNumber() == operand.booleanValue();
      case "IsString":
        return value.isTextual() == operand.booleanValue();
      case "IsBoolean":
        return value.isBoolean() == operand.booleanValue();
      case "IsTimestamp":
        return (value.isTextual() && Timestamps.parse(value.textValue()) != null)
            == operand.booleanValue();
      case "BooleanEquals":
        return value.isBoolean()
            && operand.isBoolean()
            && value.booleanValue() == operand.booleanValue();
      case "StringMatches":
        return value.isTextual()
            && operand.isTextual()
            && wildcard(value.textValue(), operand.textValue());
      default:
        break;
    }
    if (op.startsWith("String")) {
      if (!value.isTextual() || !operand.isTextual()) {
        return false;
      }
      return test(
          op.substring("String".length()), value.textValue().compareTo(operand.textValue()));
    }
    if (op.startsWith("Numeric")) {
      if (!value.isNumber() || !operand.isNumber()) {
        return false;
      }
      return test(
          op.substring("Numeric".length()), value.decimalValue().compareTo(operand.decimalValue()));
    }
    if (op.startsWith("Timestamp")) {
      if (!value.isTextual() || !operand.isTextual()) {
        return false;
      }
      Instant a = Timestamps.parse(value.textValue());
      Instant b = Timestamps.parse(operand.textValue());
      if (a == null || b == null) {
        return false;
      }
      return test(op.substring("Timestamp".length()), a.compareTo(b));
    }
    throw new IllegalStateException("Unknown comparison operator " + c.operator());
  }

  private static boolean test(String relation, int cmp) {
    return switch (relation) {
      case "Equals" -> cmp == 0;
      case "LessThan" -> cmp < 0;
      case "GreaterThan" -> cmp > 0;
      case "LessThanEquals" -> cmp <= 0;
      case "GreaterThanEquals" -> cmp >= 0;
      default -> throw new IllegalStateException("Unknown relation " + relation);
    };
  }

  /**
   * {@code StringMatches}: {@code *} matches any run of characters; {@code \*} and {@code \\}
   * escape.
   */
  static boolean wildcard(String text, String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char ch = pattern.charAt(i);
      if (ch == '\\' && i + 1 < pattern.length()) {
        regex.append(java.util.regex.Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (ch == '*') {
        regex.append(".*");
      } else {
        regex.append(java.util.regex.Pattern.quote(String.valueOf(ch)));
      }
    }
    return java.util.regex.Pattern.compile(regex.toString(), java.util.regex.Pattern.DOTALL)
        .matcher(text)
        .matches();
  }
}
