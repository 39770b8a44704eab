package dev.cloudless.fakes.stepfunctions.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudless.fakes.stepfunctions.HistoryEvent;
import dev.cloudless.fakes.stepfunctions.internal.asl.Definition;
import dev.cloudless.fakes.stepfunctions.internal.eval.StatesFailure;
import dev.cloudless.trace.TraceHeader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One execution of a state machine, run as events on the virtual clock: it starts, its states run
 * (zero-time transitions at once, waits and task durations as scheduled events) and it ends
 * succeeded, failed, timed out or aborted.
 */
@API(status = INTERNAL, since = "0.1")
public final class ExecutionRun {

  /** AWS's execution statuses. */
  public enum Status {
    RUNNING,
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    ABORTED
  }

  /** Timestamps in the context object: milliseconds, UTC, {@code Z}. */
  static final DateTimeFormatter CONTEXT_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** Who and what an execution is. */
  public record Identity(
      String executionArn,
      String name,
      String stateMachineArn,
      String stateMachineName,
      String roleArn) {}

  final Engine engine;
  final Definition definition;
  final Identity identity;
  final JsonNode input;
  final Instant startTime;
  final TaskInvoker tasks;
  final RunListener listener;
  final TraceHeader trace;
  final History history;
  final ObjectNode executionContext;
  final ObjectNode stateMachineContext;
  private final Duration maxDuration;

  /** Set for a TestState run, before {@link #start()}. */
  public TestStateProbe probe;

  private final Map<String, Integer> invocations = new HashMap<>();
  private final List<Fiber> fibers = new ArrayList<>();
  private Timers.Cancellable timeout;
  private final List<java.util.function.Consumer<ExecutionRun>> whenFinished = new ArrayList<>(1);
  private volatile Status status = Status.RUNNING;
  private JsonNode output;
  private String error;
  private String cause;
  private Instant stopDate;

  public ExecutionRun(
      Engine engine,
      Definition definition,
      Identity identity,
      JsonNode input,
      TaskInvoker tasks,
      RunListener listener,
      TraceHeader trace,
      Duration maxDuration) {
    this.engine = engine;
    this.definition = definition;
    this.identity = identity;
    this.input = input;
    this.startTime = engine.timers.now();
    this.tasks = tasks;
    this.listener = listener;
    this.trace = trace;
    this.history = new History(engine.json);
    Duration limit = maxDuration;
    if (definition.timeoutSeconds() != null) {
      Duration own = Duration.ofSeconds(definition.timeoutSeconds());
      limit = limit == null || own.compareTo(limit) < 0 ? own : limit;
    }
    this.maxDuration = limit;
    this.executionContext = engine.json.object();
    executionContext.put("Id", identity.executionArn());
    executionContext.set("Input", input);
    executionContext.put("StartTime", CONTEXT_TIME.format(startTime));
    executionContext.put("Name", identity.name());
    executionContext.put("RoleArn", identity.roleArn());
    executionContext.put("RedriveCount", 0);
    this.stateMachineContext = engine.json.object();
    stateMachineContext.put("Id", identity.stateMachineArn());
    stateMachineContext.put("Name", identity.stateMachineName());
  }

  /** Whether a top-level state of this execution's machine uses JSONata. */
  public boolean definitionUsesJsonata(String stateName) {
    var state = definition.graph().state(stateName);
    return state != null && state.flow().jsonata();
  }

  /** Records {@code ExecutionStarted} and runs the first state now. */
  public void start() {
    ObjectNode details = history.details();
    history.payload(details, "input", input);
    details.put("roleArn", identity.roleArn());
    history.add("ExecutionStarted", 0, startTime, "executionStartedEventDetails", details);
    if (maxDuration != null) {
      timeout =
          engine.timers.daemonAt(
              startTime.plus(maxDuration),
              "execution " + identity.name() + " time limit",
              this::timedOut);
    }
    Fiber fiber = newFiber("execution " + identity.name());
    GraphRun root =
        new GraphRun(this, definition.graph(), new Variables(null), fiber, history, null, 0);
    root.start(input, this::rootDone);
  }

  Fiber newFiber(String description) {
    Fiber f = new Fiber(engine.timers, description);
    fibers.add(f);
    return f;
  }

  /** The next invocation number of a Task state's resource: 0, 1, 2, ... */
  int nextInvocation(String stateName) {
    return invocations.merge(stateName, 1, Integer::sum) - 1;
  }

  private void rootDone(GraphRun.Outcome outcome) {
    if (status != Status.RUNNING) {
      return;
    }
    Instant now = engine.timers.now();
    if (outcome.failed()) {
      ObjectNode details = history.details();
      if (outcome.error() != null) {
        details.put("error", outcome.error());
      }
      if (outcome.cause() != null) {
        details.put("cause", outcome.cause());
      }
      history.add(
          "ExecutionFailed", outcome.lastEventId(), now, "executionFailedEventDetails", details);
      finish(Status.FAILED, null, outcome.error(), outcome.cause());
    } else {
      ObjectNode details = history.details();
      history.payload(details, "output", outcome.output());
      history.add(
          "ExecutionSucceeded",
          outcome.lastEventId(),
          now,
          "executionSucceededEventDetails",
          details);
      finish(Status.SUCCEEDED, outcome.output(), null, null);
    }
  }

  private void timedOut() {
    if (status != Status.RUNNING) {
      return;
    }
    ObjectNode details = history.details();
    details.put("error", StatesFailure.TIMEOUT);
    details.put(
        "cause",
        "The execution has exceeded its maximum duration of "
            + maxDuration.toSeconds()
            + " seconds.");
    history.add(
        "ExecutionTimedOut",
        history.size(),
        engine.timers.now(),
        "executionTimedOutEventDetails",
        details);
    finish(Status.TIMED_OUT, null, StatesFailure.TIMEOUT, details.get("cause").textValue());
  }

  /**
   * {@code StopExecution}: aborts a running execution.
   *
   * @return false when it had already ended
   */
  public boolean stop(String error, String cause) {
    if (status != Status.RUNNING) {
      return false;
    }
    ObjectNode details = history.details();
    if (error != null) {
      details.put("error", error);
    }
    if (cause != null) {
      details.put("cause", cause);
    }
    history.add(
        "ExecutionAborted",
        history.size(),
        engine.timers.now(),
        "executionAbortedEventDetails",
        details);
    finish(Status.ABORTED, null, error, cause);
    return true;
  }

  private void finish(Status status, JsonNode output, String error, String cause) {
    this.output = output;
    this.error = error;
    this.cause = cause;
    this.stopDate = engine.timers.now();
    this.status = status;
    for (Fiber f : fibers) {
      f.cancel();
    }
    fibers.clear();
    if (timeout != null) {
      timeout.cancel();
    }
    listener.finished(this);
    for (java.util.function.Consumer<ExecutionRun> c : List.copyOf(whenFinished)) {
      c.accept(this);
    }
    whenFinished.clear();
  }

  /** Calls {@code action} when the execution ends (at once if it has). */
  public void onFinished(java.util.function.Consumer<ExecutionRun> action) {
    if (status != Status.RUNNING) {
      action.accept(this);
    } else {
      whenFinished.add(action);
    }
  }

  public boolean running() {
    return status == Status.RUNNING;
  }

  public Status status() {
    return status;
  }

  public JsonNode output() {
    return output;
  }

  public String error() {
    return error;
  }

  public String cause() {
    return cause;
  }

  public Instant startTime() {
    return startTime;
  }

  public Instant stopDate() {
    return stopDate;
  }

  public JsonNode input() {
    return input;
  }

  public Identity identity() {
    return identity;
  }

  public TraceHeader trace() {
    return trace;
  }

  public List<HistoryEvent> history() {
    return history.events();
  }

  public Engine engine() {
    return engine;
  }
}
