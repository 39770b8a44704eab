package dev.cloudless.fakes.stepfunctions.internal.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudless.fakes.stepfunctions.internal.asl.TaskState;
import dev.cloudless.fakes.stepfunctions.internal.eval.StatesFailure;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A Task state: its parameters, one attempt per call to the resource (with Lambda's or the service
 * integration's history events), its timeout and heartbeat, and its result.
 */
final class TaskStep {

  private final GraphRun graph;
  private final StateRun run;
  private final TaskState state;
  private final boolean legacyLambda;
  private final String resourceType;
  private final String resourceName;

  TaskStep(GraphRun graph, StateRun run, TaskState state) {
    this.graph = graph;
    this.run = run;
    this.state = state;
    this.legacyLambda = TaskInvoker.isLegacyLambda(state.resource());
    String[] service = serviceOf(state.resource());
    this.resourceType = service[0];
    this.resourceName = service[1];
  }

  /**
   * {@code arn:aws:states:::lambda:invoke.waitForTaskToken} → {@code lambda}, {@code invoke...}.
   */
  static String[] serviceOf(String resource) {
    int at = resource.indexOf(":::");
    if (at >= 0) {
      String rest = resource.substring(at + 3);
      int colon = rest.indexOf(':');
      if (colon > 0) {
        return new String[] {rest.substring(0, colon), rest.substring(colon + 1)};
      }
      return new String[] {rest, rest};
    }
    String[] parts = resource.split(":", 7);
    return new String[] {parts.length > 2 ? parts[2] : resource, resource};
  }

  /** Evaluates the parameters once, then makes the first attempt. */
  void begin() {
    Engine engine = run.engine();
    if (state.resource().endsWith(".waitForTaskToken") && run.taskToken == null) {
      // The token exists before the parameters are evaluated: they pass it on as $$.Task.Token.
      run.taskToken = engine.entropy.uuid() + engine.entropy.uuid().replace("-", "");
      run.contextChanged();
    }
    if (run.flow().jsonata()) {
      run.effectiveInput = run.rawInput;
      run.parameters =
          run.flow().arguments() != null
              ? run.jsonata(run.flow().arguments(), null, null)
              : run.rawInput;
    } else {
      run.effectiveInput = run.applyInputPath();
      run.parameters =
          run.flow().parameters() != null
              ? run.template(run.flow().parameters(), run.effectiveInput)
              : run.effectiveInput;
    }
    attempt();
  }

  void attempt() {
    Engine engine = run.engine();
    Integer timeout = seconds(run.number(state.timeout(), run.effectiveInput, true));
    Integer heartbeat = seconds(run.number(state.heartbeat(), run.effectiveInput, true));
    ObjectNode scheduled = graph.history.details();
    if (legacyLambda) {
      scheduled.put("resource", state.resource());
      graph.history.payload(scheduled, "input", run.parameters);
      if (timeout != null) {
        scheduled.put("timeoutInSeconds", timeout);
      }
      graph.event("LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails", scheduled);
      graph.event("LambdaFunctionStarted", null, null);
    } else {
      scheduled.put("resourceType", resourceType);
      scheduled.put("resource", resourceName);
      scheduled.put("region", engine.region);
      scheduled.put("parameters", engine.json.write(run.parameters));
      if (timeout != null) {
        scheduled.put("timeoutInSeconds", timeout);
      }
      if (heartbeat != null) {
        scheduled.put("heartbeatInSeconds", heartbeat);
      }
      graph.event("TaskScheduled", "taskScheduledEventDetails", scheduled);
      ObjectNode started = graph.history.details();
      started.put("resourceType", resourceType);
      started.put("resource", resourceName);
      graph.event("TaskStarted", "taskStartedEventDetails", started);
    }
    Instant startedAt = engine.timers.now();
    Instant deadline = timeout == null ? null : startedAt.plusSeconds(timeout);
    TaskCall call =
        new TaskCall(
            graph.exec.identity.executionArn(),
            graph.exec.identity.stateMachineArn(),
            state.name(),
            state.resource(),
            run.parameters,
            run.retryCount,
            graph.exec.nextInvocation(state.name()),
            run.taskToken,
            timeout,
            heartbeat,
            graph.exec.trace);
    Pending pending = new Pending(deadline, heartbeat);
    TaskOutcome outcome;
    try {
      outcome = graph.exec.tasks.invoke(call, pending);
    } catch (StatesFailure f) {
      outcome = new TaskOutcome.Failed(f.error(), f.cause(), engine.timers.now());
    }
    if (outcome instanceof TaskOutcome.Pending p) {
      pending.waiting(p);
      return;
    }
    deliver(outcome, deadline);
  }

  private void deliver(TaskOutcome outcome, Instant deadline) {
    if (deadline != null && outcome.endedAt().isAfter(deadline)) {
      graph.fiber.at(deadline, this::timedOut);
      return;
    }
    graph.fiber.at(outcome.endedAt(), () -> graph.guard(run, () -> done(outcome)));
  }

  private void done(TaskOutcome outcome) {
    if (outcome instanceof TaskOutcome.Succeeded s) {
      ObjectNode details = graph.history.details();
      if (!legacyLambda) {
        details.put("resourceType", resourceType);
        details.put("resource", resourceName);
      }
      graph.history.payload(details, "output", s.result());
      if (legacyLambda) {
        graph.event("LambdaFunctionSucceeded", "lambdaFunctionSucceededEventDetails", details);
      } else {
        graph.event("TaskSucceeded", "taskSucceededEventDetails", details);
      }
      graph.exitWithResult(run, s.result(), state.next());
      return;
    }
    TaskOutcome.Failed f = (TaskOutcome.Failed) outcome;
    ObjectNode details = graph.history.details();
    if (!legacyLambda) {
      details.put("resourceType", resourceType);
      details.put("resource", resourceName);
    }
    if (f.error() != null) {
      details.put("error", f.error());
    }
    if (f.cause() != null) {
      details.put("cause", f.cause());
    }
    if (legacyLambda) {
      graph.event("LambdaFunctionFailed", "lambdaFunctionFailedEventDetails", details);
    } else {
      graph.event("TaskFailed", "taskFailedEventDetails", details);
    }
    graph.failed(run, f.error(), f.cause(), true);
  }

  private void timedOut() {
    ObjectNode details = graph.history.details();
    if (!legacyLambda) {
      details.put("resourceType", resourceType);
      details.put("resource", resourceName);
    }
    details.put("error", StatesFailure.TIMEOUT);
    graph.event(
        legacyLambda ? "LambdaFunctionTimedOut" : "TaskTimedOut",
        legacyLambda ? "lambdaFunctionTimedOutEventDetails" : "taskTimedOutEventDetails",
        details);
    graph.failed(run, StatesFailure.TIMEOUT, null, true);
  }

  private static Integer seconds(BigDecimal value) {
    return value == null ? null : value.intValue();
  }

  /**
   * A task waiting for its outcome: a callback (task token) or a job. It ends with the outcome, or
   * with {@code States.Timeout} when its timeout or heartbeat runs out first (recorded: a missed
   * heartbeat is {@code States.Timeout} too).
   */
  private final class Pending implements TaskOutcome.Callback {
    private final Instant deadline;
    private final Integer heartbeat;
    private boolean waiting;
    private boolean over;
    private Timers.Cancellable heartbeatTimer;
    private Timers.Cancellable timeoutTimer;

    Pending(Instant deadline, Integer heartbeat) {
      this.deadline = deadline;
      this.heartbeat = heartbeat;
    }

    void waiting(TaskOutcome.Pending p) {
      waiting = true;
      if (p.submitted() != null) {
        ObjectNode details = graph.history.details();
        details.put("resourceType", resourceType);
        details.put("resource", resourceName);
        graph.history.payload(details, "output", p.submitted());
        graph.event("TaskSubmitted", "taskSubmittedEventDetails", details);
      }
      Timers timers = run.engine().timers;
      if (deadline != null) {
        timeoutTimer = timers.at(deadline, "task " + state.name() + " timeout", this::expire);
      }
      armHeartbeat();
    }

    private void armHeartbeat() {
      if (heartbeat == null) {
        return;
      }
      Timers timers = run.engine().timers;
      if (heartbeatTimer != null) {
        heartbeatTimer.cancel();
      }
      heartbeatTimer =
          timers.at(
              timers.now().plusSeconds(heartbeat),
              "task " + state.name() + " heartbeat",
              this::expire);
    }

    private void expire() {
      if (over || graph.fiber.cancelled()) {
        return;
      }
      over = true;
      cancelTimers();
      graph.fiber.resume(TaskStep.this::timedOut);
    }

    private void cancelTimers() {
      if (heartbeatTimer != null) {
        heartbeatTimer.cancel();
      }
      if (timeoutTimer != null) {
        timeoutTimer.cancel();
      }
    }

    @Override
    public void complete(TaskOutcome outcome) {
      if (over) {
        return;
      }
      if (!waiting) {
        throw new IllegalStateException("A task completed through its callback before it waited");
      }
      over = true;
      cancelTimers();
      deliver(outcome, null);
    }

    @Override
    public void heartbeat() {
      if (!over) {
        armHeartbeat();
      }
    }
  }
}
