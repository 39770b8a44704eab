package dev.cloudless.fakes.stepfunctions.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudless.fakes.aws.Arn;
import dev.cloudless.fakes.clock.ScheduledAction;
import dev.cloudless.fakes.faults.FaultPlan;
import dev.cloudless.fakes.faults.FaultTarget;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.Scheduler;
import dev.cloudless.fakes.sns.FakeSns;
import dev.cloudless.fakes.sqs.FakeSqs;
import dev.cloudless.fakes.stepfunctions.Execution;
import dev.cloudless.fakes.stepfunctions.ExecutionStatus;
import dev.cloudless.fakes.stepfunctions.FakeStepFunctions;
import dev.cloudless.fakes.stepfunctions.HistoryEvent;
import dev.cloudless.fakes.stepfunctions.MockConfig;
import dev.cloudless.fakes.stepfunctions.StateMachine;
import dev.cloudless.fakes.stepfunctions.StateMachineSpec;
import dev.cloudless.fakes.stepfunctions.StateMachineType;
import dev.cloudless.fakes.stepfunctions.StepFunctionsEvent;
import dev.cloudless.fakes.stepfunctions.TaskHandler;
import dev.cloudless.fakes.stepfunctions.TestStateRequest;
import dev.cloudless.fakes.stepfunctions.TestStateResult;
import dev.cloudless.fakes.stepfunctions.internal.asl.Definition;
import dev.cloudless.fakes.stepfunctions.internal.asl.DefinitionException;
import dev.cloudless.fakes.stepfunctions.internal.asl.Graph;
import dev.cloudless.fakes.stepfunctions.internal.asl.MapState;
import dev.cloudless.fakes.stepfunctions.internal.asl.ParallelState;
import dev.cloudless.fakes.stepfunctions.internal.asl.State;
import dev.cloudless.fakes.stepfunctions.internal.asl.TaskState;
import dev.cloudless.fakes.stepfunctions.internal.eval.Entropy;
import dev.cloudless.fakes.stepfunctions.internal.run.Engine;
import dev.cloudless.fakes.stepfunctions.internal.run.ExecutionRun;
import dev.cloudless.fakes.stepfunctions.internal.run.RunListener;
import dev.cloudless.fakes.stepfunctions.internal.run.Timers;
import dev.cloudless.trace.Segment;
import dev.cloudless.trace.TraceHeader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/** The fake Step Functions: state machines, executions and their tasks. */
@API(status = INTERNAL, since = "0.1")
public final class StepFunctionsService implements FakeStepFunctions {

  /** A closed Standard execution's name is free again after 90 days. */
  static final Duration NAME_REUSE = Duration.ofDays(90);

  static final int MAX_PAYLOAD_BYTES = 262_144;

  private final CloudContext cloud;
  private final Engine engine;
  private final TaskRouter tasks;
  private final Map<String, StateMachineImpl> machines = new LinkedHashMap<>();
  private final Map<String, ExecutionImpl> executions = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> mockedStates = new ConcurrentHashMap<>();
  private volatile MockConfig mockConfig;
  private final Map<String, MockConfig.MockedResult> testStateMocks = new ConcurrentHashMap<>();
  private final Map<String, String> parentSegments = new ConcurrentHashMap<>();
  private final Map<String, StateSpans> spans = new ConcurrentHashMap<>();

  public StepFunctionsService(CloudContext cloud, FakeSqs sqs, FakeSns sns) {
    this.cloud = cloud;
    Scheduler scheduler = cloud.scheduler();
    Random random = cloud.randomness().stream("stepfunctions");
    Entropy entropy =
        new Entropy() {
          @Override
          public String uuid() {
            return cloud.randomness().uuid().toString();
          }

          @Override
          public Random random() {
            return random;
          }
        };
    Timers timers =
        new Timers() {
          @Override
          public Instant now() {
            return scheduler.now();
          }

          @Override
          public Cancellable at(Instant when, String description, Runnable action) {
            ScheduledAction a = scheduler.scheduleAt(when, description, action);
            return a::cancel;
          }

          @Override
          public Cancellable daemonAt(Instant when, String description, Runnable action) {
            Duration delay = Duration.between(scheduler.now(), when);
            ScheduledAction a =
                scheduler.scheduleDaemon(
                    delay.isNegative() ? Duration.ZERO : delay, description, action);
            return a::cancel;
          }
        };
    this.engine =
        new Engine(cloud.json(), timers, entropy, Arn.partitionOf(cloud.region()), cloud.region());
    this.tasks = new TaskRouter(this, cloud, engine.json(), sqs, sns);
  }

  // ---- state machines ---------------------------------------------------------------------------

  @Override
  public StateMachine createStateMachine(StateMachineSpec spec) {
    Objects.requireNonNull(spec, "spec");
    if (spec.definition() == null) {
      throw StepFunctionsErrors.invalidDefinition(
          "State machine [" + spec.name() + "] has no definition; give one with .definition(asl).");
    }
    Definition definition;
    try {
      definition = engine.parse(spec.definition());
    } catch (DefinitionException e) {
      throw StepFunctionsErrors.invalidDefinition(e.getMessage());
    }
    String arn = cloud.arn("states", "stateMachine:" + spec.name());
    String role =
        spec.roleArn() != null
            ? spec.roleArn()
            : "arn:"
                + Arn.partitionOf(cloud.region())
                + ":iam::"
                + cloud.accountId()
                + ":role/service-role/StepFunctions-"
                + spec.name()
                + "-role";
    synchronized (this) {
      StateMachineImpl existing = machines.get(arn);
      if (existing != null) {
        // CreateStateMachine is idempotent for an identical request.
        if (existing.definition().equals(spec.definition())
            && existing.type() == spec.type()
            && existing.roleArn().equals(role)) {
          return existing;
        }
        throw StepFunctionsErrors.stateMachineExists(arn);
      }
      StateMachineImpl machine =
          new StateMachineImpl(this, spec.name(), arn, spec.type(), definition, role, cloud.now());
      machines.put(arn, machine);
      return machine;
    }
  }

  @Override
  public StateMachine stateMachine(String nameOrArn) {
    return machine(nameOrArn);
  }

  private StateMachineImpl machine(String nameOrArn) {
    String arn = arnOf(nameOrArn);
    synchronized (this) {
      StateMachineImpl m = machines.get(arn);
      if (m == null) {
        throw StepFunctionsErrors.stateMachineDoesNotExist(arn);
      }
      return m;
    }
  }

  @Override
  public void mockConfig(MockConfig config) {
    this.mockConfig = Objects.requireNonNull(config, "config");
  }

  @Override
  public TestStateResult testState(TestStateRequest request) {
    return new TestStateRunner(cloud, engine, tasks, journal, testStateMocks)
        .run(Objects.requireNonNull(request, "request"));
  }

  /** The mocked result of a TestState run, or null. */
  MockConfig.MockedResult testStateMock(String executionArn) {
    return testStateMocks.get(executionArn);
  }

  /** The mocked response to use for a state of an execution, or null. */
  String mockedResponse(String executionArn, String stateName) {
    Map<String, String> states = mockedStates.get(executionArn);
    return states == null ? null : states.get(stateName);
  }

  MockConfig currentMockConfig() {
    return mockConfig;
  }

  /**
   * Refuses a fault rule on a state this machine does not have, or on a state without a task: such
   * a rule could never fire, and a test that injects it means something that would not happen.
   */
  private void checkStateFaults(StateMachineImpl machine) {
    for (FaultPlan.InjectedFault injected : cloud.faults().injected()) {
      if (!(injected.rule().target() instanceof FaultTarget.OnState on)
          || on.stateName() == null
          || !(on.stateMachineName().equals(machine.name())
              || on.stateMachineName().equals(machine.arn()))) {
        continue;
      }
      State state = find(machine.parsed().graph(), on.stateName());
      if (state == null) {
        throw new IllegalArgumentException(
            "Fault rule "
                + injected.rule().describe()
                + " names a state that state machine ["
                + machine.name()
                + "] does not have.");
      }
      if (!(state instanceof TaskState)) {
        throw new IllegalArgumentException(
            "Fault rule "
                + injected.rule().describe()
                + " names a "
                + state.type()
                + " state; state faults apply to Task states, where a task runs.");
      }
    }
  }

  /** A state by name, in the machine or inside its Parallel branches and Map processors. */
  private static State find(Graph graph, String name) {
    State s = graph.state(name);
    if (s != null) {
      return s;
    }
    for (State st : graph.states().values()) {
      if (st instanceof ParallelState p) {
        for (Graph b : p.branches()) {
          State f = find(b, name);
          if (f != null) {
            return f;
          }
        }
      } else if (st instanceof MapState m && m.processor() != null) {
        State f = find(m.processor(), name);
        if (f != null) {
          return f;
        }
      }
    }
    return null;
  }

  /** The state machine with this ARN, or null. */
  synchronized StateMachineImpl machineByArn(String arn) {
    return machines.get(arn);
  }

  private String arnOf(String nameOrArn) {
    Objects.requireNonNull(nameOrArn, "stateMachine");
    return nameOrArn.startsWith("arn:")
        ? nameOrArn
        : cloud.arn("states", "stateMachine:" + nameOrArn);
  }

  @Override
  public synchronized Optional<StateMachine> findStateMachine(String nameOrArn) {
    return Optional.ofNullable(machines.get(arnOf(nameOrArn)));
  }

  @Override
  public synchronized List<StateMachine> stateMachines() {
    return new ArrayList<>(machines.values());
  }

  @Override
  public synchronized void deleteStateMachine(String nameOrArn) {
    machines.remove(arnOf(nameOrArn));
  }

  // ---- executions -------------------------------------------------------------------------------

  @Override
  public Execution startExecution(String stateMachineNameOrArn, String input) {
    return start(stateMachineNameOrArn, null, input, null);
  }

  @Override
  public Execution startExecution(String stateMachineNameOrArn, String name, String input) {
    return start(stateMachineNameOrArn, Objects.requireNonNull(name, "name"), input, null);
  }

  @Override
  public Execution startSyncExecution(String stateMachineNameOrArn, String input) {
    int hash = stateMachineNameOrArn.indexOf('#');
    StateMachineImpl machine =
        machine(hash < 0 ? stateMachineNameOrArn : stateMachineNameOrArn.substring(0, hash));
    if (machine.type() != StateMachineType.EXPRESS) {
      throw StepFunctionsErrors.typeNotSupported("StartSyncExecution");
    }
    ExecutionImpl e = start(stateMachineNameOrArn, null, input, null);
    return e.awaitCompletion();
  }

  /** Starts an execution; its first step is an event at the current instant. */
  ExecutionImpl start(String stateMachineNameOrArn, String name, String input, TraceHeader parent) {
    Objects.requireNonNull(stateMachineNameOrArn, "stateMachine");
    int hash = stateMachineNameOrArn.indexOf('#');
    String testCase = hash < 0 ? null : stateMachineNameOrArn.substring(hash + 1);
    StateMachineImpl machine =
        machine(hash < 0 ? stateMachineNameOrArn : stateMachineNameOrArn.substring(0, hash));
    checkStateFaults(machine);
    Map<String, String> mocked = null;
    if (testCase != null) {
      MockConfig config = mockConfig;
      if (config == null) {
        throw StepFunctionsErrors.stateMachineDoesNotExist(
            machine.arn()
                + "#"
                + testCase
                + " (a test case needs a mock configuration: cloud.stepFunctions()"
                + ".mockConfig(MockConfig.load(...)))");
      }
      try {
        mocked = config.testCase(machine.name(), testCase);
      } catch (IllegalArgumentException e) {
        throw StepFunctionsErrors.stateMachineDoesNotExist(
            machine.arn() + "#" + testCase + " (" + e.getMessage() + ")");
      }
    }
    String text = input == null ? "{}" : input;
    if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
      throw StepFunctionsErrors.invalidInput("The input exceeds the 262144-byte limit");
    }
    JsonNode parsed;
    try {
      parsed = engine.json().parse(text);
    } catch (JsonProcessingException e) {
      throw StepFunctionsErrors.invalidInput(e.getOriginalMessage());
    }
    if (name != null && !StateMachineSpec.validName(name)) {
      throw StepFunctionsErrors.invalidName(name);
    }
    String executionName = name != null ? name : cloud.randomness().uuid().toString();
    String arn;
    if (machine.type() == StateMachineType.EXPRESS) {
      // Express executions are named express:<machine>:<name>:<id>, and a name is never
      // deduplicated.
      arn =
          cloud.arn(
              "states",
              "express:" + machine.name() + ":" + executionName + ":" + cloud.randomness().uuid());
    } else {
      arn = cloud.arn("states", "execution:" + machine.name() + ":" + executionName);
    }
    ExecutionImpl execution;
    synchronized (this) {
      ExecutionImpl existing = executions.get(arn);
      if (existing != null) {
        ExecutionRun run = existing.run();
        if (run.running() && run.input().equals(parsed)) {
          return existing;
        }
        boolean free =
            !run.running()
                && run.stopDate() != null
                && !cloud.now().isBefore(run.stopDate().plus(NAME_REUSE));
        if (!free) {
          throw StepFunctionsErrors.executionExists(arn);
        }
      }
      // The execution is a segment of its own; its tasks (Lambda, nested executions) continue the
      // trace from it, as X-Ray shows a state machine calling its functions.
      TraceHeader incoming = parent != null ? parent : TraceHeader.root(cloud.newTraceId());
      TraceHeader trace = incoming.withParent(cloud.traces().newSegmentId());
      if (incoming.parent() != null) {
        parentSegments.put(arn, incoming.parent());
      }
      ExecutionRun run =
          new ExecutionRun(
              engine,
              machine.parsed(),
              new ExecutionRun.Identity(
                  arn, executionName, machine.arn(), machine.name(), machine.roleArn()),
              parsed,
              tasks,
              journal,
              trace,
              machine.type().maxDuration());
      execution = new ExecutionImpl(run, text, cloud.scheduler());
      executions.put(arn, execution);
      if (mocked != null) {
        mockedStates.put(arn, mocked);
      }
      machine.executions.add(execution);
    }
    ExecutionImpl started = execution;
    cloud
        .journal()
        .append(
            seq ->
                new StepFunctionsEvent.ExecutionStarted(
                    seq,
                    cloud.now(),
                    arn,
                    started.run().trace().root().toString(),
                    machine.name(),
                    executionName,
                    text));
    cloud
        .scheduler()
        .schedule(
            Duration.ZERO,
            "start execution " + executionName,
            () -> {
              started.markStarted();
              started.run().start();
            });
    return execution;
  }

  @Override
  public Execution describeExecution(String executionArn) {
    return standardExecution(executionArn);
  }

  /**
   * DescribeExecution, StopExecution and GetExecutionHistory are "not supported by EXPRESS state
   * machines" (API reference): an Express execution's ARN is refused as AWS refuses it.
   */
  private ExecutionImpl standardExecution(String executionArn) {
    Objects.requireNonNull(executionArn, "executionArn");
    if (executionArn.contains(":express:")) {
      throw StepFunctionsErrors.invalidArn(
          "Invalid Arn: 'Resource type not valid in this context: express'");
    }
    return execution(executionArn);
  }

  private synchronized ExecutionImpl execution(String executionArn) {
    ExecutionImpl e = executions.get(executionArn);
    if (e == null) {
      throw StepFunctionsErrors.executionDoesNotExist(executionArn);
    }
    return e;
  }

  @Override
  public Execution stopExecution(String executionArn, String error, String cause) {
    ExecutionImpl e = standardExecution(executionArn);
    e.run().stop(error, cause);
    return e;
  }

  @Override
  public List<HistoryEvent> getExecutionHistory(String executionArn) {
    return standardExecution(executionArn).history();
  }

  @Override
  public void taskHandler(String resourceArn, TaskHandler handler) {
    tasks.handler(
        Objects.requireNonNull(resourceArn, "resourceArn"),
        Objects.requireNonNull(handler, "handler"));
  }

  @Override
  public void sendTaskSuccess(String taskToken, String output) {
    tasks.sendTaskSuccess(taskToken, output);
  }

  @Override
  public void sendTaskFailure(String taskToken, String error, String cause) {
    tasks.sendTaskFailure(taskToken, error, cause);
  }

  @Override
  public void sendTaskHeartbeat(String taskToken) {
    tasks.sendTaskHeartbeat(taskToken);
  }

  // ---- journal ----------------------------------------------------------------------------------

  private final RunListener journal =
      new RunListener() {
        @Override
        public void stateEntered(ExecutionRun run, String stateName, String type, JsonNode input) {
          spans
              .computeIfAbsent(run.identity().executionArn(), k -> new StateSpans())
              .entered(stateName, cloud.now());
          cloud
              .journal()
              .append(
                  seq ->
                      new StepFunctionsEvent.StateEntered(
                          seq,
                          cloud.now(),
                          run.identity().executionArn(),
                          run.trace().root().toString(),
                          run.identity().name(),
                          stateName,
                          type,
                          engine.json().write(input)));
        }

        @Override
        public void stateExited(ExecutionRun run, String stateName, String type, JsonNode output) {
          spans
              .computeIfAbsent(run.identity().executionArn(), k -> new StateSpans())
              .exited(stateName, type, cloud.now(), cloud.traces(), run.trace());
          cloud
              .journal()
              .append(
                  seq ->
                      new StepFunctionsEvent.StateExited(
                          seq,
                          cloud.now(),
                          run.identity().executionArn(),
                          run.trace().root().toString(),
                          run.identity().name(),
                          stateName,
                          type,
                          engine.json().write(output)));
        }

        @Override
        public void retryScheduled(
            ExecutionRun run, String stateName, String error, int retryCount, Duration delay) {
          cloud
              .journal()
              .append(
                  seq ->
                      new StepFunctionsEvent.RetryScheduled(
                          seq,
                          cloud.now(),
                          run.identity().executionArn(),
                          run.trace().root().toString(),
                          run.identity().name(),
                          stateName,
                          error,
                          retryCount,
                          delay));
        }

        @Override
        public void finished(ExecutionRun run) {
          recordSegment(run);
          cloud
              .journal()
              .append(
                  seq ->
                      new StepFunctionsEvent.ExecutionEnded(
                          seq,
                          cloud.now(),
                          run.identity().executionArn(),
                          run.trace().root().toString(),
                          run.identity().name(),
                          ExecutionStatus.valueOf(run.status().name()),
                          run.output() == null ? null : engine.json().write(run.output()),
                          run.error(),
                          run.cause()));
        }
      };

  /** The execution's X-Ray segment, with a subsegment per state that ran. */
  private void recordSegment(ExecutionRun run) {
    String arn = run.identity().executionArn();
    StateSpans states = spans.remove(arn);
    String parentSegment = parentSegments.remove(arn);
    if (run.trace().parent() == null) {
      return;
    }
    Segment.Builder segment =
        Segment.builder(run.trace().root(), run.trace().parent(), run.identity().stateMachineName())
            .origin("AWS::StepFunctions::StateMachine")
            .start(run.startTime())
            .end(run.stopDate() != null ? run.stopDate() : cloud.now())
            .annotation("execution", run.identity().name())
            .annotation("status", run.status().name())
            .aws("execution_arn", arn)
            .aws("state_machine_arn", run.identity().stateMachineArn());
    if (parentSegment != null) {
      segment.parentId(parentSegment);
    }
    if (states != null) {
      states.closed().forEach(segment::subsegment);
    }
    if (run.status() != ExecutionRun.Status.SUCCEEDED) {
      segment.error(
          new Segment.Cause(
              run.error() == null ? run.status().name() : run.error(),
              run.cause() == null ? "" : run.cause()));
    }
    cloud.traces().record(segment.build());
  }
}
