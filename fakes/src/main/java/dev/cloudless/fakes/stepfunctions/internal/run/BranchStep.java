package dev.cloudless.fakes.stepfunctions.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cloudless.fakes.stepfunctions.internal.asl.Graph;
import dev.cloudless.fakes.stepfunctions.internal.asl.ParallelState;
import java.util.ArrayList;
import java.util.List;

/**
 * A Parallel state: every branch gets the same input and runs on its own fiber, started in order;
 * the output is the branches' outputs in order. The first branch to fail fails the state with its
 * error, and the other branches are stopped.
 */
final class BranchStep {

  private final GraphRun graph;
  private final StateRun run;
  private final ParallelState state;
  private final List<GraphRun> branches = new ArrayList<>();
  private JsonNode[] results;
  private int finished;
  private boolean starting;
  private boolean over;
  private long parallelLast;

  BranchStep(GraphRun graph, StateRun run, ParallelState state) {
    this.graph = graph;
    this.run = run;
    this.state = state;
  }

  void begin() {
    JsonNode input;
    if (run.flow().jsonata()) {
      input =
          run.flow().arguments() != null
              ? run.jsonata(run.flow().arguments(), null, null)
              : run.rawInput;
    } else {
      JsonNode effective = run.applyInputPath();
      input =
          run.flow().parameters() != null
              ? run.template(run.flow().parameters(), effective)
              : effective;
    }
    List<Graph> graphs = state.branches();
    results = new JsonNode[graphs.size()];
    parallelLast = graph.event("ParallelStateStarted", null, null);
    starting = true;
    for (int i = 0; i < graphs.size() && !over; i++) {
      GraphRun branch =
          new GraphRun(
              graph.exec,
              graphs.get(i),
              new Variables(graph.vars),
              graph.exec.newFiber("parallel " + state.name() + " branch " + i),
              graph.history,
              graph.mapItem,
              parallelLast);
      branches.add(branch);
      int index = i;
      branch.start(input, outcome -> branchDone(index, outcome));
    }
    starting = false;
    if (!over && finished == graphs.size()) {
      succeed();
    }
  }

  private void branchDone(int index, GraphRun.Outcome outcome) {
    if (over) {
      return;
    }
    finished++;
    parallelLast = Math.max(parallelLast, outcome.lastEventId());
    if (outcome.failed()) {
      over = true;
      for (GraphRun b : branches) {
        b.abort();
      }
      graph.last = parallelLast;
      graph.event("ParallelStateFailed", null, null);
      graph.fiber.resume(() -> graph.failed(run, outcome.error(), outcome.cause(), true));
      return;
    }
    results[index] = outcome.output();
    if (!starting && finished == results.length) {
      succeed();
    }
  }

  private void succeed() {
    over = true;
    ArrayNode output = run.engine().json.nodes().arrayNode();
    for (JsonNode r : results) {
      output.add(r);
    }
    // Recorded (test_parallel_state): ParallelStateSucceeded and ParallelStateExited both point at
    // the last event of the branches, as the Map state's events do.
    graph.last = parallelLast;
    graph.history.add(
        "ParallelStateSucceeded", parallelLast, run.engine().timers.now(), null, null);
    graph.fiber.resume(
        () -> graph.guard(run, () -> graph.exitWithResult(run, output, state.next())));
  }
}
