package dev.cloudless.fakes.stepfunctions.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudless.fakes.stepfunctions.internal.asl.DataFlow;
import dev.cloudless.fakes.stepfunctions.internal.asl.NumberSpec;
import dev.cloudless.fakes.stepfunctions.internal.asl.State;
import dev.cloudless.fakes.stepfunctions.internal.asl.TaskState;
import dev.cloudless.fakes.stepfunctions.internal.eval.Entropy;
import dev.cloudless.fakes.stepfunctions.internal.eval.JsonPaths;
import dev.cloudless.fakes.stepfunctions.internal.eval.JsonataEngine;
import dev.cloudless.fakes.stepfunctions.internal.eval.JsonataTemplate;
import dev.cloudless.fakes.stepfunctions.internal.eval.PathException;
import dev.cloudless.fakes.stepfunctions.internal.eval.PayloadTemplate;
import dev.cloudless.fakes.stepfunctions.internal.eval.Scope;
import dev.cloudless.fakes.stepfunctions.internal.eval.StatesFailure;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One visit of one state: its raw input, when it was entered (and the id of that event, which error
 * causes quote), its retry counters, and the data-flow steps that both query languages share.
 */
final class StateRun {

  final GraphRun graph;
  final State state;
  final JsonNode rawInput;
  final long enteredId;
  final Instant enteredAt;
  final int[] retrierAttempts;
  int retryCount;
  String taskToken;
  JsonNode effectiveInput;
  JsonNode parameters;
  private ObjectNode context;

  StateRun(GraphRun graph, State state, JsonNode rawInput, long enteredId, Instant enteredAt) {
    this.graph = graph;
    this.state = state;
    this.rawInput = rawInput;
    this.enteredId = enteredId;
    this.enteredAt = enteredAt;
    this.retrierAttempts = new int[state.errors().retriers().size()];
  }

  DataFlow flow() {
    return state.flow();
  }

  Engine engine() {
    return graph.exec.engine;
  }

  /** The context object {@code $$}, built on first use. */
  ObjectNode context() {
    if (context == null) {
      ObjectNode c = engine().json.object();
      c.set("Execution", graph.exec.executionContext);
      c.set("StateMachine", graph.exec.stateMachineContext);
      ObjectNode s = c.putObject("State");
      s.put("EnteredTime", ExecutionRun.CONTEXT_TIME.format(enteredAt));
      s.put("Name", state.name());
      if (state instanceof TaskState) {
        s.put("RetryCount", retryCount);
      }
      // Recorded key order: Name, EnteredTime (then RetryCount).
      ObjectNode ordered = engine().json.object();
      ordered.set("Name", s.get("Name"));
      ordered.set("EnteredTime", s.get("EnteredTime"));
      if (s.has("RetryCount")) {
        ordered.set("RetryCount", s.get("RetryCount"));
      }
      c.set("State", ordered);
      if (taskToken != null) {
        c.putObject("Task").put("Token", taskToken);
      }
      if (graph.mapItem != null) {
        c.putObject("Map").set("Item", graph.mapItem);
      }
      context = c;
    }
    return context;
  }

  /** Forgets the cached context (the retry count changed). */
  void contextChanged() {
    context = null;
  }

  Scope scope(JsonNode input) {
    return new Scope() {
      @Override
      public JsonNode input() {
        return input;
      }

      @Override
      public JsonNode context() {
        return StateRun.this.context();
      }

      @Override
      public JsonNode variable(String name) {
        return graph.vars.get(name);
      }

      @Override
      public Map<String, JsonNode> variables() {
        return graph.vars.visible();
      }
    };
  }

  JsonataEngine.Bindings bindings(JsonNode result, JsonNode errorOutput) {
    ObjectNode states = engine().json.object();
    states.set("input", rawInput);
    if (result != null) {
      states.set("result", result);
    }
    if (errorOutput != null) {
      states.set("errorOutput", errorOutput);
    }
    states.set("context", context());
    Engine e = engine();
    return new JsonataEngine.Bindings() {
      @Override
      public ObjectNode states() {
        return states;
      }

      @Override
      public Map<String, JsonNode> variables() {
        return graph.vars.visible();
      }

      @Override
      public Instant now() {
        return e.timers.now();
      }

      @Override
      public String partition() {
        return e.partition;
      }

      @Override
      public Entropy entropy() {
        return e.entropy;
      }
    };
  }

  // ---- JSONPath data flow
  // ------------------------------------------------------------------------

  /** {@code InputPath} applied to the raw input. */
  JsonNode applyInputPath() {
    DataFlow f = flow();
    if (f.inputPathNull()) {
      return engine().json.object();
    }
    if (f.inputPath() == null) {
      return rawInput;
    }
    return readPath(f.inputPath(), rawInput);
  }

  /** Reads a path, failing as AWS does: {@code Invalid path '$.x' : No results for path ...}. */
  JsonNode readPath(JsonPaths.Path path, JsonNode input) {
    try {
      return path.read(scope(input));
    } catch (PathException e) {
      throw StatesFailure.runtime("Invalid path '" + path.text() + "' : " + e.getMessage());
    }
  }

  JsonNode template(PayloadTemplate template, JsonNode input) {
    return template.evaluate(engine().json, engine().functions, scope(input));
  }

  JsonNode jsonata(JsonataTemplate template, JsonNode result, JsonNode errorOutput) {
    return template.evaluate(engine().json, bindings(result, errorOutput));
  }

  /** {@code ResultPath} then {@code OutputPath}: the state's output from its result. */
  JsonNode combineJsonPath(JsonNode result) {
    DataFlow f = flow();
    JsonNode combined;
    if (f.resultPathNull()) {
      combined = rawInput;
    } else if (f.resultPath() == null || f.resultPath().isRoot()) {
      combined = result;
    } else {
      combined = f.resultPath().set(engine().json, rawInput, result);
    }
    return applyOutputPath(combined);
  }

  JsonNode applyOutputPath(JsonNode value) {
    DataFlow f = flow();
    if (f.outputPathNull()) {
      return engine().json.object();
    }
    if (f.outputPath() == null) {
      return value;
    }
    return readPath(f.outputPath(), value);
  }

  /** The variables an {@code Assign} gives: evaluated before any of them is set. */
  Map<String, JsonNode> assignments(
      PayloadTemplate assignPath,
      JsonataTemplate assignJsonata,
      JsonNode pathInput,
      JsonNode result,
      JsonNode errorOutput) {
    JsonNode values;
    if (assignPath != null) {
      values = template(assignPath, pathInput);
    } else if (assignJsonata != null) {
      values = jsonata(assignJsonata, result, errorOutput);
    } else {
      return Map.of();
    }
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  /**
   * A number field in its literal, path or JSONata form, checked as AWS checks it at run time.
   *
   * @return null when the field is absent
   */
  BigDecimal number(NumberSpec spec, JsonNode pathInput, boolean integer) {
    if (spec == null) {
      return null;
    }
    if (spec.literal() != null) {
      return spec.literal().decimalValue();
    }
    JsonNode v;
    String what;
    if (spec.path() != null) {
      v = readPath(spec.path(), pathInput);
      what = spec.pathField();
      if (!v.isNumber() || (integer && !isWhole(v))) {
        throw StatesFailure.runtime(
            "The "
                + what
                + " field refers to value \""
                + (v.isTextual() ? v.textValue() : engine().json.write(v))
                + "\" which is not a valid "
                + (integer ? "integer" : "float")
                + ": "
                + spec.path().text());
      }
      return v.decimalValue();
    }
    v = jsonata(spec.expression(), null, null);
    if (!v.isNumber() || (integer && !isWhole(v))) {
      throw StatesFailure.queryEvaluation(
          "The JSONata expression '"
              + spec.expression()
              + "' specified for the field '"
              + spec.field()
              + "' returned an unexpected result type. Expected '"
              + (integer ? "integer" : "number")
              + "', but was '"
              + dev.cloudless.fakes.stepfunctions.internal.eval.Json.typeName(v)
              + "' for value: "
              + engine().json.write(v));
    }
    return v.decimalValue();
  }

  private static boolean isWhole(JsonNode v) {
    if (v.isIntegralNumber()) {
      return true;
    }
    BigDecimal d = v.decimalValue();
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }
}
