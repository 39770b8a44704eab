package dev.cloudless.fakes.stepfunctions.internal.asl;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.stepfunctions.internal.eval.JsonataTemplate;
import dev.cloudless.fakes.stepfunctions.internal.eval.Selector;
import org.apiguardian.api.API;

/**
 * A Fail state: {@code Error}/{@code Cause} literals, their JSONPath forms, or JSONata expressions.
 */
@API(status = INTERNAL, since = "0.1")
public record FailState(
    String name,
    DataFlow flow,
    String error,
    Selector errorPath,
    JsonataTemplate errorExpression,
    String cause,
    Selector causePath,
    JsonataTemplate causeExpression)
    implements State {
  @Override
  public String type() {
    return "Fail";
  }

  @Override
  public String next() {
    return null;
  }
}
