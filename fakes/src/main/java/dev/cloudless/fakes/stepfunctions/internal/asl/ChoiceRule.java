package dev.cloudless.fakes.stepfunctions.internal.asl;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudless.fakes.stepfunctions.internal.eval.JsonPaths;
import dev.cloudless.fakes.stepfunctions.internal.eval.JsonataTemplate;
import java.util.List;
import org.apiguardian.api.API;

/** A Choice rule: a comparison, a boolean combination, or a JSONata {@code Condition}. */
@API(status = INTERNAL, since = "0.1")
public sealed interface ChoiceRule {

  /** {@code And}. */
  record And(List<ChoiceRule> rules) implements ChoiceRule {}

  /** {@code Or}. */
  record Or(List<ChoiceRule> rules) implements ChoiceRule {}

  /** {@code Not}. */
  record Not(ChoiceRule rule) implements ChoiceRule {}

  /**
   * {@code Variable} with one operator such as {@code NumericEquals} or {@code StringEqualsPath}.
   *
   * @param value the operand, for operators without the {@code Path} suffix
   * @param valuePath the operand's path, for {@code ...Path} operators
   */
  record Comparison(
      JsonPaths.Path variable, String operator, JsonNode value, JsonPaths.Path valuePath)
      implements ChoiceRule {}

  /** JSONata {@code Condition}. */
  record Condition(JsonataTemplate condition) implements ChoiceRule {}
}
