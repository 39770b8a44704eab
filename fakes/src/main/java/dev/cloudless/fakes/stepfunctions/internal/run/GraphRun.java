package dev.cloudless.fakes.stepfunctions.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudless.fakes.stepfunctions.internal.asl.Catcher;
import dev.cloudless.fakes.stepfunctions.internal.asl.ChoiceState;
import dev.cloudless.fakes.stepfunctions.internal.asl.FailState;
import dev.cloudless.fakes.stepfunctions.internal.asl.Graph;
import dev.cloudless.fakes.stepfunctions.internal.asl.MapState;
import dev.cloudless.fakes.stepfunctions.internal.asl.ParallelState;
import dev.cloudless.fakes.stepfunctions.internal.asl.PassState;
import dev.cloudless.fakes.stepfunctions.internal.asl.Retrier;
import dev.cloudless.fakes.stepfunctions.internal.asl.State;
import dev.cloudless.fakes.stepfunctions.internal.asl.SucceedState;
import dev.cloudless.fakes.stepfunctions.internal.asl.TaskState;
import dev.cloudless.fakes.stepfunctions.internal.asl.WaitState;
import dev.cloudless.fakes.stepfunctions.internal.eval.JsonataTemplate;
import dev.cloudless.fakes.stepfunctions.internal.eval.PathException;
import dev.cloudless.fakes.stepfunctions.internal.eval.PayloadTemplate;
import dev.cloudless.fakes.stepfunctions.internal.eval.StatesFailure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the states of one graph (the state machine, a Parallel branch, a Map iteration) on a fiber:
 * enters each state, records its history events, and leaves it for the next, for a catcher, or by
 * ending the graph.
 */
final class GraphRun {

  /** Payload limit of a state's input or output: 256 KiB of UTF-8. */
  static final int MAX_PAYLOAD_BYTES = 262_144;

  /** How a graph ended. */
  record Outcome(boolean failed, JsonNode output, String error, String cause, long lastEventId) {}

  final ExecutionRun exec;
  final Graph graph;
  final Variables vars;
  final Fiber fiber;
  final History history;
  final JsonNode mapItem;
  long last;
  private Consumer<Outcome> onDone;
  private boolean done;

  GraphRun(
      ExecutionRun exec,
      Graph graph,
      Variables vars,
      Fiber fiber,
      History history,
      JsonNode mapItem,
      long last) {
    this.exec = exec;
    this.graph = graph;
    this.vars = vars;
    this.fiber = fiber;
    this.history = history;
    this.mapItem = mapItem;
    this.last = last;
  }

  void start(JsonNode input, Consumer<Outcome> onDone) {
    this.onDone = onDone;
    fiber.resume(() -> enter(graph.start(), input));
  }

  /** Stops this graph: nothing more runs and nothing is reported. */
  void abort() {
    done = true;
    fiber.cancel();
  }

  Engine engine() {
    return exec.engine;
  }

  long event(String type, String detailsName, ObjectNode details) {
    last = history.add(type, last, engine().timers.now(), detailsName, details);
    return last;
  }

  // ---- entering and leaving states
  // ---------------------------------------------------------------

  void enter(State state, JsonNode input) {
    if (done) {
      return;
    }
    ObjectNode details = history.details();
    details.put("name", state.name());
    history.payload(details, "input", input);
    long id = event(state.type() + "StateEntered", "stateEnteredEventDetails", details);
    exec.listener.stateEntered(exec, state.name(), state.type(), input);
    StateRun run = new StateRun(this, state, input, id, engine().timers.now());
    act(run);
  }

  /** Runs the state's work, turning a failure into error handling. */
  void act(StateRun run) {
    guard(
        run,
        () -> {
          State s = run.state;
          if (s instanceof PassState p) {
            pass(run, p);
          } else if (s instanceof TaskState t) {
            new TaskStep(this, run, t).begin();
          } else if (s instanceof ChoiceState c) {
            ChoiceStep.run(this, run, c);
          } else if (s instanceof WaitState w) {
            WaitStep.run(this, run, w);
          } else if (s instanceof SucceedState) {
            succeed(run);
          } else if (s instanceof FailState f) {
            fail(run, f);
          } else if (mockedForTestState(s)) {
            // TestState answers a Map or Parallel state from its mock instead of running it.
            TestStateProbe probe = exec.probe;
            if (probe.mockResult != null) {
              exitWithResult(
                  run,
                  probe.mockResult,
                  s instanceof MapState m ? m.next() : ((ParallelState) s).next());
            } else {
              failed(run, probe.mockError, probe.mockCause, true);
            }
          } else if (s instanceof ParallelState p) {
            new BranchStep(this, run, p).begin();
          } else if (s instanceof MapState m) {
            new MapStep(this, run, m).begin();
          }
        });
  }

  private boolean mockedForTestState(State s) {
    TestStateProbe probe = exec.probe;
    return probe != null
        && (s instanceof MapState || s instanceof ParallelState)
        && probe.stateName.equals(s.name())
        && (probe.mockResult != null || probe.mockError != null);
  }

  /** Runs {@code work}; a failure it raises becomes the state's failure. */
  void guard(StateRun run, Runnable work) {
    try {
      work.run();
    } catch (StatesFailure f) {
      failed(run, f.error(), causeOf(run, f), true);
    }
  }

  /** The cause as AWS words it: engine errors name the state and its entered event. */
  static String causeOf(StateRun run, StatesFailure f) {
    if (!f.located()) {
      return f.cause();
    }
    return "An error occurred while executing the state '"
        + run.state.name()
        + "' (entered at the event id #"
        + run.enteredId
        + "). "
        + f.cause();
  }

  /**
   * Leaves a state with {@code output} after committing {@code assigned}, and goes on to {@code
   * next} (or ends the graph when null).
   */
  void exit(StateRun run, JsonNode output, Map<String, JsonNode> assigned, String next) {
    String text = engine().json.write(output);
    if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
      // Recorded: the size check fails the state with a cause naming it, without a location.
      failed(
          run,
          StatesFailure.DATA_LIMIT,
          "The state/task '"
              + run.state.name()
              + "' returned a result with a size exceeding the maximum number of bytes service"
              + " limit.",
          false);
      return;
    }
    vars.assign(assigned);
    ObjectNode details = history.details();
    details.put("name", run.state.name());
    details.put("output", text);
    details.putObject("outputDetails").put("truncated", false);
    if (!assigned.isEmpty()) {
      ObjectNode a = details.putObject("assignedVariables");
      for (Map.Entry<String, JsonNode> e : assigned.entrySet()) {
        a.put(e.getKey(), engine().json.write(e.getValue()));
      }
      details.putObject("assignedVariablesDetails").put("truncated", false);
    }
    event(run.state.type() + "StateExited", "stateExitedEventDetails", details);
    exec.listener.stateExited(exec, run.state.name(), run.state.type(), output);
    if (next == null) {
      finish(new Outcome(false, output, null, null, last));
    } else {
      State target = graph.state(next);
      fiber.resume(() -> enter(target, output));
    }
  }

  void finish(Outcome outcome) {
    if (done) {
      return;
    }
    done = true;
    onDone.accept(outcome);
  }

  // ---- errors: Retry and Catch
  // -------------------------------------------------------------------

  /**
   * A state failed. Retriers and catchers are tried in order; {@code States.Runtime} is never
   * retried or caught (AWS guide, "Handling errors": it "is not retriable, and will always cause
   * the execution to fail").
   *
   * @param recoverable false for failures no Retry or Catch may handle
   */
  void failed(StateRun run, String error, String cause, boolean recoverable) {
    if (done) {
      return;
    }
    boolean terminal = StatesFailure.RUNTIME.equals(error) || !recoverable;
    List<Retrier> retriers = run.state.errors().retriers();
    TestStateProbe probe = exec.probe;
    if (probe != null && probe.stateName.equals(run.state.name())) {
      probe.error = error;
      probe.cause = cause;
    }
    if (probe != null
        && !terminal
        && probe.stateName.equals(run.state.name())
        && (run.state instanceof TaskState
            || run.state instanceof MapState
            || run.state instanceof ParallelState)) {
      // TestState: one attempt, then report where the error would go.
      for (int i = 0; i < retriers.size(); i++) {
        Retrier r = retriers.get(i);
        if (matches(r.errorEquals(), error)) {
          if (probe.retrierRetryCount < r.maxAttempts()) {
            probe.retryIndex = i;
            probe.retryBackoff = delay(r, probe.retrierRetryCount + 1);
            finish(new Outcome(true, null, error, cause, last));
            return;
          }
          break;
        }
      }
      List<Catcher> catchers = run.state.errors().catchers();
      for (int i = 0; i < catchers.size(); i++) {
        if (matches(catchers.get(i).errorEquals(), error)) {
          probe.catchIndex = i;
          caught(run, catchers.get(i), error, cause);
          return;
        }
      }
      finish(new Outcome(true, null, error, cause, last));
      return;
    }
    if (!terminal && run.state instanceof TaskState
        || !terminal && (run.state instanceof MapState || run.state instanceof ParallelState)) {
      for (int i = 0; i < retriers.size(); i++) {
        Retrier r = retriers.get(i);
        if (matches(r.errorEquals(), error)) {
          if (run.retrierAttempts[i] >= r.maxAttempts()) {
            break;
          }
          run.retrierAttempts[i]++;
          Duration delay = delay(r, run.retrierAttempts[i]);
          run.retryCount++;
          run.contextChanged();
          exec.listener.retryScheduled(exec, run.state.name(), error, run.retryCount, delay);
          fiber.at(engine().timers.now().plus(delay), () -> retry(run));
          return;
        }
      }
      for (Catcher c : run.state.errors().catchers()) {
        if (matches(c.errorEquals(), error)) {
          caught(run, c, error, cause);
          return;
        }
      }
    }
    finish(new Outcome(true, null, error, cause, last));
  }

  private void retry(StateRun run) {
    guard(
        run,
        () -> {
          State s = run.state;
          if (s instanceof TaskState t) {
            new TaskStep(this, run, t).attempt();
          } else if (s instanceof ParallelState p) {
            new BranchStep(this, run, p).begin();
          } else if (s instanceof MapState m) {
            new MapStep(this, run, m).begin();
          }
        });
  }

  /**
   * The wait before retry {@code attempt} (1, 2, ...): {@code IntervalSeconds × BackoffRate^(n−1)},
   * capped by {@code MaxDelaySeconds}, with FULL jitter drawing uniformly below it from the seed.
   */
  Duration delay(Retrier r, int attempt) {
    BigDecimal seconds = r.intervalSeconds().multiply(r.backoffRate().pow(attempt - 1));
    if (r.maxDelaySeconds() != null
        && seconds.compareTo(BigDecimal.valueOf(r.maxDelaySeconds())) > 0) {
      seconds = BigDecimal.valueOf(r.maxDelaySeconds());
    }
    long millis =
        seconds.multiply(BigDecimal.valueOf(1000)).setScale(0, RoundingMode.HALF_UP).longValue();
    if (r.jitterFull()) {
      java.util.Random random = engine().entropy.random();
      synchronized (random) {
        millis = (long) (millis * random.nextDouble());
      }
    }
    return Duration.ofMillis(millis);
  }

  /**
   * Whether {@code errorEquals} names {@code error}: exactly, through {@code States.ALL}, or
   * through {@code States.TaskFailed}, which matches every error but {@code States.Timeout}.
   */
  static boolean matches(List<String> errorEquals, String error) {
    for (String e : errorEquals) {
      if (e.equals(error) || e.equals(StatesFailure.ALL)) {
        return true;
      }
      if (e.equals(StatesFailure.TASK_FAILED)
          && !StatesFailure.TIMEOUT.equals(error)
          && !StatesFailure.HEARTBEAT_TIMEOUT.equals(error)) {
        return true;
      }
    }
    return false;
  }

  private void caught(StateRun run, Catcher c, String error, String cause) {
    ObjectNode errorOutput = engine().json.object();
    errorOutput.put("Error", error);
    if (cause != null) {
      errorOutput.put("Cause", cause);
    }
    try {
      JsonNode output;
      Map<String, JsonNode> assigned;
      if (run.flow().jsonata()) {
        assigned = run.assignments(null, c.assignJsonata(), null, null, errorOutput);
        output = c.output() != null ? run.jsonata(c.output(), null, errorOutput) : errorOutput;
      } else {
        assigned = run.assignments(c.assignPath(), null, errorOutput, null, errorOutput);
        if (c.resultPathNull()) {
          output = run.rawInput;
        } else if (c.resultPath() == null || c.resultPath().isRoot()) {
          output = errorOutput;
        } else {
          output = c.resultPath().set(engine().json, run.rawInput, errorOutput);
        }
      }
      exit(run, output, assigned, c.next());
    } catch (StatesFailure f) {
      finish(new Outcome(true, null, f.error(), causeOf(run, f), last));
    }
  }

  // ---- simple states
  // -----------------------------------------------------------------------------

  private void pass(StateRun run, PassState p) {
    if (run.flow().jsonata()) {
      Map<String, JsonNode> assigned =
          run.assignments(null, run.flow().assignJsonata(), null, null, null);
      JsonNode output =
          run.flow().output() != null ? run.jsonata(run.flow().output(), null, null) : run.rawInput;
      exit(run, output, assigned, p.next());
      return;
    }
    JsonNode effective = run.applyInputPath();
    JsonNode result;
    if (p.result() != null) {
      result = p.result();
    } else if (run.flow().parameters() != null) {
      result = run.template(run.flow().parameters(), effective);
    } else {
      result = effective;
    }
    Map<String, JsonNode> assigned =
        run.assignments(run.flow().assignPath(), null, result, null, null);
    exit(run, run.combineJsonPath(result), assigned, p.next());
  }

  private void succeed(StateRun run) {
    if (run.flow().jsonata()) {
      JsonNode output =
          run.flow().output() != null ? run.jsonata(run.flow().output(), null, null) : run.rawInput;
      exit(run, output, Map.of(), null);
      return;
    }
    exit(run, run.applyOutputPath(run.applyInputPath()), Map.of(), null);
  }

  private void fail(StateRun run, FailState f) {
    String error = f.error();
    String cause = f.cause();
    if (run.flow().jsonata()) {
      if (f.errorExpression() != null) {
        error = textOf(run.jsonata(f.errorExpression(), null, null));
      }
      if (f.causeExpression() != null) {
        cause = textOf(run.jsonata(f.causeExpression(), null, null));
      }
    } else {
      if (f.errorPath() != null) {
        error = selected(run, f.errorPath(), "ErrorPath");
      }
      if (f.causePath() != null) {
        cause = selected(run, f.causePath(), "CausePath");
      }
    }
    // A Fail state records no exit; the graph ends with its error.
    finish(new Outcome(true, null, error, cause, last));
  }

  private String selected(
      StateRun run,
      dev.cloudless.fakes.stepfunctions.internal.eval.Selector selector,
      String field) {
    try {
      return textOf(selector.evaluate(engine().functions, run.scope(run.rawInput)));
    } catch (PathException e) {
      throw StatesFailure.runtime(
          "The JSONPath '"
              + selector.text()
              + "' specified for the field '"
              + field
              + "' could not be found in the input '"
              + engine().json.write(run.rawInput)
              + "'");
    }
  }

  private String textOf(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    return v.isTextual() ? v.textValue() : engine().json.write(v);
  }

  /** Output and assignments of states whose result is their input (Choice, Wait). */
  void exitWithInput(
      StateRun run,
      JsonNode effective,
      PayloadTemplate assignPath,
      JsonataTemplate assignJsonata,
      JsonataTemplate output,
      String next) {
    if (run.flow().jsonata()) {
      Map<String, JsonNode> assigned = run.assignments(null, assignJsonata, null, null, null);
      JsonNode out = output != null ? run.jsonata(output, null, null) : run.rawInput;
      exit(run, out, assigned, next);
      return;
    }
    Map<String, JsonNode> assigned = run.assignments(assignPath, null, effective, null, null);
    exit(run, run.applyOutputPath(effective), assigned, next);
  }

  /** Output of Task, Parallel and Map states from their result. */
  void exitWithResult(StateRun run, JsonNode result, String next) {
    if (run.flow().jsonata()) {
      Map<String, JsonNode> assigned =
          run.assignments(null, run.flow().assignJsonata(), null, result, null);
      JsonNode output =
          run.flow().output() != null ? run.jsonata(run.flow().output(), result, null) : result;
      exit(run, output, assigned, next);
      return;
    }
    JsonNode selected =
        run.flow().resultSelector() != null
            ? run.template(run.flow().resultSelector(), result)
            : result;
    Map<String, JsonNode> assigned =
        run.assignments(run.flow().assignPath(), null, selected, selected, null);
    exit(run, run.combineJsonPath(selected), assigned, next);
  }
}
