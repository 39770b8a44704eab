package dev.cloudless.fakes.stepfunctions.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudless.fakes.stepfunctions.internal.asl.Timestamps;
import dev.cloudless.fakes.stepfunctions.internal.asl.WaitState;
import dev.cloudless.fakes.stepfunctions.internal.eval.Json;
import dev.cloudless.fakes.stepfunctions.internal.eval.StatesFailure;
import java.math.BigDecimal;
import java.time.Instant;

/** A Wait state, in all four forms, on the virtual clock. */
final class WaitStep {

  private WaitStep() {}

  static void run(GraphRun graph, StateRun run, WaitState state) {
    boolean jsonata = run.flow().jsonata();
    JsonNode effective = jsonata ? run.rawInput : run.applyInputPath();
    Instant now = run.engine().timers.now();
    Instant until;
    if (state.seconds() != null) {
      until = now.plusSeconds(state.seconds());
    } else if (state.timestamp() != null) {
      until = state.timestamp();
    } else if (state.secondsPath() != null) {
      JsonNode v = run.readPath(state.secondsPath(), effective);
      String path = state.secondsPath().text();
      if (!v.isIntegralNumber() && !(v.isNumber() && isWhole(v.decimalValue()))) {
        // Recorded wording for the negative case; the same form for other bad values.
        throw StatesFailure.runtime(
            "The SecondsPath parameter does not reference an integer value: "
                + path
                + " == "
                + text(run, v));
      }
      if (v.decimalValue().signum() < 0) {
        throw StatesFailure.runtime(
            "The SecondsPath parameter references a negative value: "
                + path
                + " == "
                + text(run, v));
      }
      until = now.plusSeconds(v.decimalValue().longValue());
    } else if (state.timestampPath() != null) {
      JsonNode v = run.readPath(state.timestampPath(), effective);
      Instant t = v.isTextual() ? Timestamps.parse(v.textValue()) : null;
      if (t == null) {
        throw StatesFailure.runtime(
            "The TimestampPath parameter does not reference a valid ISO-8601 extended offset"
                + " date-time format string: "
                + state.timestampPath().text()
                + " == "
                + text(run, v));
      }
      until = t;
    } else if (state.secondsExpression() != null) {
      JsonNode v = run.jsonata(state.secondsExpression(), null, null);
      if (!v.isNumber() || !isWhole(v.decimalValue()) || v.decimalValue().signum() < 0) {
        throw StatesFailure.queryEvaluation(
            "The JSONata expression '"
                + state.secondsExpression()
                + "' specified for the field 'Seconds' returned an unexpected result type."
                + " Expected 'integer', but was '"
                + Json.typeName(v)
                + "' for value: "
                + run.engine().json.write(v));
      }
      until = now.plusSeconds(v.decimalValue().longValue());
    } else {
      JsonNode v = run.jsonata(state.timestampExpression(), null, null);
      Instant t = v.isTextual() ? Timestamps.parse(v.textValue()) : null;
      if (t == null) {
        throw StatesFailure.queryEvaluation(
            "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format"
                + " string: "
                + text(run, v));
      }
      until = t;
    }
    graph.fiber.at(
        until,
        () ->
            graph.guard(
                run,
                () ->
                    graph.exitWithInput(
                        run,
                        effective,
                        run.flow().assignPath(),
                        run.flow().assignJsonata(),
                        run.flow().output(),
                        state.next())));
  }

  private static boolean isWhole(BigDecimal d) {
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }

  private static String text(StateRun run, JsonNode v) {
    return v.isTextual() ? v.textValue() : run.engine().json.write(v);
  }
}
