package dev.cloudless.fakes.stepfunctions.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudless.fakes.stepfunctions.internal.asl.MapState;
import dev.cloudless.fakes.stepfunctions.internal.eval.Json;
import dev.cloudless.fakes.stepfunctions.internal.eval.StatesFailure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A Map state. Inline iterations run in this execution's history; a distributed Map runs each item
 * as a child workflow with its own history and no access to the outer variables. At most {@code
 * MaxConcurrency} items run at a time (0: no limit), started in index order; an item that takes no
 * virtual time finishes before the next starts, so runs are deterministic.
 */
final class MapStep {

  private final GraphRun graph;
  private final StateRun run;
  private final MapState state;
  private ArrayNode items;
  private JsonNode[] results;
  private final List<GraphRun> running = new ArrayList<>();
  private JsonNode selectorInput;
  private int max;
  private long toleratedCount = -1;
  private BigDecimal toleratedPercentage;
  private int next;
  private int active;
  private int finished;
  private int failures;
  private boolean driving;
  private boolean over;
  private long mapLast;
  private long lastIterationEnd;
  private String mapRunArn;

  MapStep(GraphRun graph, StateRun run, MapState state) {
    this.graph = graph;
    this.run = run;
    this.state = state;
  }

  void begin() {
    Json json = run.engine().json;
    JsonNode value;
    if (run.flow().jsonata()) {
      selectorInput = run.rawInput;
      if (state.items() != null) {
        value = run.jsonata(state.items(), null, null);
        if (!value.isArray()) {
          throw StatesFailure.queryEvaluation(
              "The JSONata expression '"
                  + state.items().expressionText()
                  + "' specified for the field 'Items' returned an unexpected result type."
                  + " Expected 'array', but was '"
                  + Json.typeName(value)
                  + "' for value: "
                  + describe(json, value));
        }
      } else {
        value = run.rawInput;
        if (!value.isArray()) {
          throw StatesFailure.queryEvaluation(
              "Map state input must be an array but was: " + describe(json, value));
        }
      }
    } else {
      JsonNode effective = run.applyInputPath();
      selectorInput = effective;
      value = state.itemsPath() != null ? run.readPath(state.itemsPath(), effective) : effective;
      if (!value.isArray()) {
        throw StatesFailure.runtime(
            "Map state input must be an array but was: " + describe(json, value));
      }
    }
    items = (ArrayNode) value;
    BigDecimal maxConcurrency = run.number(state.maxConcurrency(), selectorInput, true);
    max = maxConcurrency == null ? 0 : maxConcurrency.intValue();
    if (max < 0) {
      throw StatesFailure.runtime("MaxConcurrency cannot be negative.");
    }
    BigDecimal count = run.number(state.toleratedFailureCount(), selectorInput, true);
    if (count != null) {
      if (count.signum() < 0) {
        throw StatesFailure.runtime("ToleratedFailureCount cannot be negative.");
      }
      toleratedCount = count.longValue();
    }
    BigDecimal percentage = run.number(state.toleratedFailurePercentage(), selectorInput, false);
    if (percentage != null) {
      if (percentage.signum() < 0 || percentage.compareTo(BigDecimal.valueOf(100)) > 0) {
        throw StatesFailure.runtime("ToleratedFailurePercentage must be between 0 and 100.");
      }
      toleratedPercentage = percentage;
    }
    results = new JsonNode[items.size()];
    ObjectNode started = graph.history.details();
    started.put("length", items.size());
    mapLast = graph.event("MapStateStarted", "mapStateStartedEventDetails", started);
    if (state.distributed()) {
      mapRunArn =
          "arn:"
              + run.engine().partition
              + ":states:"
              + run.engine().region
              + ":"
              + accountOf(graph.exec.identity.stateMachineArn())
              + ":mapRun:"
              + graph.exec.identity.stateMachineName()
              + "/"
              + (state.label() != null ? state.label() : state.name())
              + ":"
              + run.engine().entropy.uuid();
      ObjectNode details = graph.history.details();
      details.put("mapRunArn", mapRunArn);
      mapLast = graph.event("MapRunStarted", "mapRunStartedEventDetails", details);
    }
    drive();
  }

  private static String accountOf(String arn) {
    String[] parts = arn.split(":", 6);
    return parts.length > 4 ? parts[4] : "";
  }

  private static String describe(Json json, JsonNode v) {
    return json.write(v);
  }

  /** Starts items while the concurrency allows; finishes the Map when all are done. */
  private void drive() {
    if (driving) {
      return;
    }
    driving = true;
    try {
      while (!over && next < items.size() && (max == 0 || active < max)) {
        startItem(next++);
      }
    } finally {
      driving = false;
    }
    if (!over && finished == items.size()) {
      succeed();
    }
  }

  private void startItem(int index) {
    JsonNode item = items.get(index);
    ObjectNode mapItem = run.engine().json.object();
    mapItem.put("Index", index);
    mapItem.set("Value", item);
    JsonNode input;
    StateRun selectorRun = new StateRunWithItem(graph, run, mapItem).run;
    if (state.itemSelector() != null) {
      input = selectorRun.template(state.itemSelector(), selectorInput);
    } else if (state.itemSelectorJsonata() != null) {
      input = selectorRun.jsonata(state.itemSelectorJsonata(), null, null);
    } else {
      input = item;
    }
    GraphRun child;
    if (state.distributed()) {
      History childHistory = new History(run.engine().json);
      ObjectNode details = childHistory.details();
      childHistory.payload(details, "input", input);
      details.put("roleArn", graph.exec.identity.roleArn());
      childHistory.add(
          "ExecutionStarted",
          0,
          run.engine().timers.now(),
          "executionStartedEventDetails",
          details);
      child =
          new GraphRun(
              graph.exec,
              state.processor(),
              new Variables(null),
              graph.exec.newFiber("map " + state.name() + " item " + index),
              childHistory,
              null,
              0);
    } else {
      ObjectNode details = graph.history.details();
      details.put("index", index);
      details.put("name", state.name());
      long id =
          graph.history.add(
              "MapIterationStarted",
              mapLast,
              run.engine().timers.now(),
              "mapIterationStartedEventDetails",
              details);
      child =
          new GraphRun(
              graph.exec,
              state.processor(),
              new Variables(graph.vars),
              graph.exec.newFiber("map " + state.name() + " item " + index),
              graph.history,
              mapItem,
              id);
    }
    active++;
    running.add(child);
    GraphRun started = child;
    child.start(input, outcome -> itemDone(index, started, outcome));
  }

  private void itemDone(int index, GraphRun child, GraphRun.Outcome outcome) {
    if (over) {
      return;
    }
    active--;
    finished++;
    running.remove(child);
    if (state.distributed()) {
      ObjectNode details = child.history.details();
      if (outcome.failed()) {
        if (outcome.error() != null) {
          details.put("error", outcome.error());
        }
        if (outcome.cause() != null) {
          details.put("cause", outcome.cause());
        }
        child.history.add(
            "ExecutionFailed",
            outcome.lastEventId(),
            run.engine().timers.now(),
            "executionFailedEventDetails",
            details);
      } else {
        child.history.payload(details, "output", outcome.output());
        child.history.add(
            "ExecutionSucceeded",
            outcome.lastEventId(),
            run.engine().timers.now(),
            "executionSucceededEventDetails",
            details);
      }
    } else {
      ObjectNode details = graph.history.details();
      details.put("index", index);
      details.put("name", state.name());
      lastIterationEnd =
          graph.history.add(
              outcome.failed() ? "MapIterationFailed" : "MapIterationSucceeded",
              outcome.lastEventId(),
              run.engine().timers.now(),
              outcome.failed()
                  ? "mapIterationFailedEventDetails"
                  : "mapIterationSucceededEventDetails",
              details);
      mapLast = outcome.lastEventId();
    }
    if (outcome.failed()) {
      failures++;
      if (!state.distributed()) {
        fail(outcome.error(), outcome.cause());
        return;
      }
      if (exceedsTolerance()) {
        fail(
            StatesFailure.TOLERATED_FAILURE,
            "The specified tolerated failure threshold was exceeded");
        return;
      }
      ObjectNode errorOutput = run.engine().json.object();
      if (outcome.error() != null) {
        errorOutput.put("Error", outcome.error());
      }
      if (outcome.cause() != null) {
        errorOutput.put("Cause", outcome.cause());
      }
      results[index] = errorOutput;
    } else {
      results[index] = outcome.output();
    }
    drive();
  }

  private boolean exceedsTolerance() {
    boolean countGiven = toleratedCount >= 0;
    boolean percentageGiven = toleratedPercentage != null;
    if (!countGiven && !percentageGiven) {
      return failures > 0;
    }
    boolean overCount = countGiven && failures > toleratedCount;
    boolean overPercentage =
        percentageGiven
            && BigDecimal.valueOf(failures)
                    .multiply(BigDecimal.valueOf(100))
                    .compareTo(toleratedPercentage.multiply(BigDecimal.valueOf(items.size())))
                > 0;
    if (countGiven && percentageGiven) {
      return overCount || overPercentage;
    }
    return countGiven ? overCount : overPercentage;
  }

  private void succeed() {
    over = true;
    ArrayNode output = run.engine().json.nodes().arrayNode();
    for (JsonNode r : results) {
      output.add(r);
    }
    if (state.distributed()) {
      graph.last = mapLast;
      graph.event("MapRunSucceeded", null, null);
      graph.event("MapStateSucceeded", null, null);
    } else {
      // Recorded: MapStateSucceeded and MapStateExited both point at the last
      // MapIterationSucceeded.
      graph.last = lastIterationEnd > 0 ? lastIterationEnd : mapLast;
      graph.history.add("MapStateSucceeded", graph.last, run.engine().timers.now(), null, null);
    }
    graph.fiber.resume(
        () -> graph.guard(run, () -> graph.exitWithResult(run, output, state.next())));
  }

  private void fail(String error, String cause) {
    over = true;
    for (GraphRun other : List.copyOf(running)) {
      other.abort();
    }
    running.clear();
    graph.last = lastIterationEnd > 0 ? lastIterationEnd : mapLast;
    if (state.distributed()) {
      ObjectNode details = graph.history.details();
      if (error != null) {
        details.put("error", error);
      }
      if (cause != null) {
        details.put("cause", cause);
      }
      graph.event("MapRunFailed", "mapRunFailedEventDetails", details);
    }
    graph.event("MapStateFailed", null, null);
    graph.fiber.resume(() -> graph.failed(run, error, cause, true));
  }

  /** A view of the Map state's run with {@code $$.Map.Item} set, for {@code ItemSelector}. */
  private static final class StateRunWithItem {
    final StateRun run;

    StateRunWithItem(GraphRun graph, StateRun outer, JsonNode mapItem) {
      GraphRun view =
          new GraphRun(
              graph.exec, graph.graph, graph.vars, graph.fiber, graph.history, mapItem, graph.last);
      this.run = new StateRun(view, outer.state, outer.rawInput, outer.enteredId, outer.enteredAt);
    }
  }
}
