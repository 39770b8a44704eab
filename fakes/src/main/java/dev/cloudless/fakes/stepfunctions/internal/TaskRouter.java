package dev.cloudless.fakes.stepfunctions.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.faults.FaultEffect;
import dev.cloudless.fakes.faults.FaultTarget;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.FaultEngine;
import dev.cloudless.fakes.sns.FakeSns;
import dev.cloudless.fakes.sqs.FakeSqs;
import dev.cloudless.fakes.stepfunctions.MockConfig;
import dev.cloudless.fakes.stepfunctions.StateMachineType;
import dev.cloudless.fakes.stepfunctions.TaskFailedException;
import dev.cloudless.fakes.stepfunctions.TaskHandler;
import dev.cloudless.fakes.stepfunctions.TaskRequest;
import dev.cloudless.fakes.stepfunctions.internal.eval.Json;
import dev.cloudless.fakes.stepfunctions.internal.run.ExecutionRun;
import dev.cloudless.fakes.stepfunctions.internal.run.TaskCall;
import dev.cloudless.fakes.stepfunctions.internal.run.TaskInvoker;
import dev.cloudless.fakes.stepfunctions.internal.run.TaskOutcome;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where Task states send their work: a handler the test registered for the resource, the fake
 * Lambda, or another state machine ({@code states:startExecution}); and where task tokens come back
 * ({@code SendTaskSuccess}, {@code SendTaskFailure}, {@code SendTaskHeartbeat}).
 */
final class TaskRouter implements TaskInvoker {

  private static final String START_EXECUTION = "arn:aws:states:::states:startExecution";
  private static final String WAIT_FOR_TOKEN = ".waitForTaskToken";

  private final StepFunctionsService service;
  private final CloudContext cloud;
  private final Json json;
  private final LambdaTasks lambda;
  private final MessagingTasks messaging;
  private final Map<String, TaskHandler> handlers = new ConcurrentHashMap<>();
  private final Map<String, TaskOutcome.Callback> tokens = new ConcurrentHashMap<>();

  TaskRouter(
      StepFunctionsService service, CloudContext cloud, Json json, FakeSqs sqs, FakeSns sns) {
    this.service = service;
    this.cloud = cloud;
    this.json = json;
    this.lambda = new LambdaTasks(cloud, json);
    this.messaging = new MessagingTasks(cloud, json, sqs, sns);
  }

  void handler(String resource, TaskHandler handler) {
    handlers.put(resource, handler);
  }

  /**
   * Consults the fault plan ({@code onState}, {@code onStateMachine}) for this attempt, then calls
   * the resource: not at all for {@code failWith}, twice for {@code duplicateExecution}.
   */
  @Override
  public TaskOutcome invoke(TaskCall call, TaskOutcome.Callback callback) {
    FaultEngine faults = cloud.faults();
    if (faults.isEmpty()) {
      return route(call, callback);
    }
    StateMachineImpl machine = service.machineByArn(call.stateMachineArn());
    String machineName = machine == null ? null : machine.name();
    List<FaultEffect> effects =
        faults.consult(
            t ->
                t instanceof FaultTarget.OnState on
                    && (on.stateMachineName().equals(machineName)
                        || on.stateMachineName().equals(call.stateMachineArn()))
                    && (on.stateName() == null || on.stateName().equals(call.stateName())),
            call.stateMachineArn(),
            call.trace() == null ? null : call.trace().root().toString());
    boolean twice = false;
    for (FaultEffect effect : effects) {
      if (effect instanceof FaultEffect.TaskFailure f) {
        return new TaskOutcome.Failed(f.error(), f.cause(), cloud.now());
      }
      if (effect instanceof FaultEffect.DuplicateExecution) {
        if (machine != null && machine.type() != StateMachineType.EXPRESS) {
          throw new IllegalStateException(
              "duplicateExecution() on state machine ["
                  + machineName
                  + "] state ["
                  + call.stateName()
                  + "]: it is a STANDARD state machine, and Standard workflows run each task"
                  + " exactly once; only EXPRESS workflows are at-least-once.");
        }
        twice = true;
      }
    }
    if (twice) {
      // At-least-once: the resource really runs twice, with the same input; the state goes on
      // with what the second run answered.
      // A callback or .sync task submits twice too (two messages with the same token, two child
      // executions); the first answer to arrive completes the task.
      route(call, callback);
      return route(call, callback);
    }
    return route(call, callback);
  }

  private TaskOutcome route(TaskCall call, TaskOutcome.Callback callback) {
    MockConfig.MockedResult testMock = service.testStateMock(call.executionArn());
    if (testMock != null) {
      return answer(testMock);
    }
    String mocked = service.mockedResponse(call.executionArn(), call.stateName());
    if (mocked != null) {
      return mocked(call, mocked);
    }
    String resource = call.resource();
    TaskHandler handler = handlers.get(resource);
    if (handler != null) {
      return byHandler(handler, call, callback);
    }
    boolean waits = resource.endsWith(WAIT_FOR_TOKEN);
    String base =
        waits ? resource.substring(0, resource.length() - WAIT_FOR_TOKEN.length()) : resource;
    if (LambdaTasks.handles(base)) {
      TaskOutcome outcome = lambda.invoke(call);
      if (waits && outcome instanceof TaskOutcome.Succeeded sent) {
        // Recorded: the call's answer is the TaskSubmitted event's output; then the task waits.
        tokens.put(call.taskToken(), callback);
        return new TaskOutcome.Pending(sent.result(), outcome.endedAt());
      }
      return outcome;
    }
    if (MessagingTasks.handles(base)) {
      TaskOutcome outcome = messaging.invoke(call);
      if (waits && outcome instanceof TaskOutcome.Succeeded sent) {
        tokens.put(call.taskToken(), callback);
        return new TaskOutcome.Pending(sent.result(), outcome.endedAt());
      }
      return outcome;
    }
    if (base.startsWith(START_EXECUTION)) {
      return startExecution(call, base.substring(START_EXECUTION.length()), waits, callback);
    }
    return new TaskOutcome.Failed(
        "States.Runtime",
        "Cloudless has no integration for the resource '"
            + resource
            + "'; register a handler with cloud.stepFunctions().taskHandler(\""
            + resource
            + "\", request -> ...)",
        cloud.now());
  }

  /**
   * A mocked state answers from its mocked response without calling the resource; for {@code
   * .waitForTaskToken} and {@code .sync} the mock is the final result, as in Step Functions Local.
   */
  private TaskOutcome mocked(TaskCall call, String responseName) {
    MockConfig config = service.currentMockConfig();
    java.util.Optional<MockConfig.MockedResult> answer =
        config.response(responseName, call.invocation());
    if (answer.isEmpty()) {
      return new TaskOutcome.Failed(
          "States.Runtime",
          "The mocked response '"
              + responseName
              + "' of state '"
              + call.stateName()
              + "' has no entry for invocation "
              + call.invocation()
              + " (invocations count from 0)",
          cloud.now());
    }
    return answer(answer.get());
  }

  private TaskOutcome answer(MockConfig.MockedResult answer) {
    if (answer instanceof MockConfig.MockedResult.Throw t) {
      return new TaskOutcome.Failed(t.error(), t.cause(), cloud.now());
    }
    String result = ((MockConfig.MockedResult.Return) answer).json();
    try {
      return new TaskOutcome.Succeeded(json.parse(result), cloud.now());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private TaskOutcome byHandler(TaskHandler handler, TaskCall call, TaskOutcome.Callback callback) {
    TaskRequest request =
        new TaskRequest(
            call.executionArn(),
            call.stateName(),
            call.resource(),
            json.write(call.parameters()),
            call.attempt(),
            call.taskToken());
    String result;
    try {
      result = handler.handle(request);
    } catch (TaskFailedException e) {
      return new TaskOutcome.Failed(e.error(), e.causeText(), cloud.now());
    } catch (Exception e) {
      return new TaskOutcome.Failed(e.getClass().getSimpleName(), e.getMessage(), cloud.now());
    }
    if (result == null && call.taskToken() != null) {
      tokens.put(call.taskToken(), callback);
      return new TaskOutcome.Pending(null, cloud.now());
    }
    try {
      return new TaskOutcome.Succeeded(
          result == null ? json.nodes().nullNode() : json.parse(result), cloud.now());
    } catch (JsonProcessingException e) {
      return new TaskOutcome.Failed(
          "States.Runtime",
          "The task handler for '"
              + call.resource()
              + "' returned text that is not JSON: "
              + result,
          cloud.now());
    }
  }

  /**
   * {@code states:startExecution}, {@code .sync} (output as text) and {@code .sync:2} (as JSON).
   */
  private TaskOutcome startExecution(
      TaskCall call, String pattern, boolean waits, TaskOutcome.Callback callback) {
    JsonNode params = call.parameters();
    String arn = params.path("StateMachineArn").asText(null);
    JsonNode input = params.get("Input");
    String inputText =
        input == null || input.isNull()
            ? "{}"
            : input.isTextual() ? input.textValue() : json.write(input);
    String name = params.hasNonNull("Name") ? params.get("Name").asText() : null;
    ExecutionImpl child;
    try {
      child = service.start(arn, name, inputText, call.trace());
    } catch (AwsServiceException e) {
      // As the SDK names its exceptions: StepFunctions.ExecutionAlreadyExistsException.
      String code =
          e.errorCode().endsWith("Exception") ? e.errorCode() : e.errorCode() + "Exception";
      return new TaskOutcome.Failed("StepFunctions." + code, e.getMessage(), cloud.now());
    }
    if (pattern.isEmpty()) {
      // Recorded (LocalStack snapshot test_sfn_task_service): ExecutionArn, the SDK metadata, then
      // StartDate; the SDK writes the date as epoch milliseconds.
      ObjectNode r = json.object();
      r.put("ExecutionArn", child.executionArn());
      long millis = child.startDate().toEpochMilli();
      ObjectNode answer = json.object();
      answer.put("executionArn", child.executionArn());
      answer.put("startDate", java.math.BigDecimal.valueOf(millis, 3));
      messaging.metadata(
          r, cloud.newRequestId(), json.write(answer).length(), "application/x-amz-json-1.0", true);
      r.put("StartDate", millis);
      if (waits) {
        tokens.put(call.taskToken(), callback);
        return new TaskOutcome.Pending(r, cloud.now());
      }
      return new TaskOutcome.Succeeded(r, cloud.now());
    }
    boolean asJson = pattern.equals(".sync:2");
    child
        .run()
        .onFinished(
            run -> {
              ObjectNode d = describe(run, asJson);
              if (run.status() == ExecutionRun.Status.SUCCEEDED) {
                callback.complete(new TaskOutcome.Succeeded(d, cloud.now()));
              } else {
                callback.complete(
                    new TaskOutcome.Failed("States.TaskFailed", json.write(d), cloud.now()));
              }
            });
    ObjectNode submitted = json.object();
    submitted.put("ExecutionArn", child.executionArn());
    submitted.put("StartDate", child.startDate().toString());
    return new TaskOutcome.Pending(submitted, cloud.now());
  }

  private ObjectNode describe(ExecutionRun run, boolean outputAsJson) {
    ObjectNode d = json.object();
    d.put("ExecutionArn", run.identity().executionArn());
    d.put("Input", json.write(run.input()));
    d.putObject("InputDetails").put("Included", true);
    d.put("Name", run.identity().name());
    if (run.output() != null) {
      if (outputAsJson) {
        d.set("Output", run.output());
      } else {
        d.put("Output", json.write(run.output()));
      }
      d.putObject("OutputDetails").put("Included", true);
    }
    if (run.error() != null) {
      d.put("Error", run.error());
    }
    if (run.cause() != null) {
      d.put("Cause", run.cause());
    }
    d.put("StartDate", run.startTime().toString());
    d.put("StateMachineArn", run.identity().stateMachineArn());
    d.put("Status", run.status().name());
    if (run.stopDate() != null) {
      d.put("StopDate", run.stopDate().toString());
    }
    return d;
  }

  // ---- task tokens ------------------------------------------------------------------------------

  void sendTaskSuccess(String token, String output) {
    TaskOutcome.Callback c = callback(token);
    JsonNode result;
    try {
      result = json.parse(output);
    } catch (JsonProcessingException e) {
      throw new AwsServiceException(
          400, "InvalidOutput", "Invalid Output: '" + e.getOriginalMessage() + "'");
    }
    tokens.remove(token);
    c.complete(new TaskOutcome.Succeeded(result, cloud.now()));
  }

  void sendTaskFailure(String token, String error, String cause) {
    TaskOutcome.Callback c = callback(token);
    tokens.remove(token);
    c.complete(new TaskOutcome.Failed(error, cause, cloud.now()));
  }

  void sendTaskHeartbeat(String token) {
    callback(token).heartbeat();
  }

  private TaskOutcome.Callback callback(String token) {
    if (token == null || token.isEmpty()) {
      throw StepFunctionsErrors.invalidToken(String.valueOf(token));
    }
    TaskOutcome.Callback c = tokens.get(token);
    if (c == null) {
      throw StepFunctionsErrors.taskDoesNotExist();
    }
    return c;
  }
}
