package dev.cloudless.fakes.stepfunctions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The fake AWS Step Functions of one cloud: state machines in the Amazon States Language, run on
 * the virtual clock (a one-year Wait takes milliseconds), with Lambda tasks invoking the fake
 * Lambda.
 *
 * <pre>{@code
 * cloud.stepFunctions().createStateMachine(StateMachineSpec.named("checkout").definition(asl));
 * Execution run = cloud.stepFunctions().startExecution("checkout", "{\"orderId\":\"o-42\"}");
 * run.awaitCompletion();
 * }</pre>
 *
 * <p>Errors follow AWS: {@link dev.cloudless.fakes.aws.AwsServiceException} with {@code
 * InvalidDefinition}, {@code StateMachineAlreadyExists}, {@code StateMachineDoesNotExist}, {@code
 * ExecutionAlreadyExists}, {@code ExecutionDoesNotExist}, {@code InvalidName}, {@code
 * InvalidExecutionInput}, {@code TaskDoesNotExist}, {@code InvalidToken}, {@code
 * StateMachineTypeNotSupported}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface FakeStepFunctions {

  /**
   * {@code CreateStateMachine}: validates the definition as AWS does and refuses a bad one.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code InvalidDefinition} with AWS's
   *     diagnostics (code, message, location such as {@code /States/X/Next}); {@code
   *     StateMachineAlreadyExists} for a name in use with a different definition
   */
  StateMachine createStateMachine(StateMachineSpec spec);

  /**
   * The state machine with this name or ARN.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code StateMachineDoesNotExist}
   */
  StateMachine stateMachine(String nameOrArn);

  Optional<StateMachine> findStateMachine(String nameOrArn);

  List<StateMachine> stateMachines();

  /** {@code DeleteStateMachine}. */
  void deleteStateMachine(String nameOrArn);

  /**
   * {@code StartExecution} with a generated name. As with Step Functions Local, {@code
   * "checkout#HappyPath"} runs the state machine {@code checkout} with the test case {@code
   * HappyPath} of the {@link #mockConfig(MockConfig) mock configuration}. The execution starts at
   * the current virtual instant, as an event on the cloud's clock: run the clock ({@code
   * cloud.runUntilIdle()} or {@link Execution#awaitCompletion()}) to let it proceed.
   */
  Execution startExecution(String stateMachineNameOrArn, String input);

  /**
   * {@code StartExecution} with a name. For Standard state machines a name is idempotent as AWS
   * applies it: the same name and input while the execution runs returns that execution; a
   * different input, or a closed execution of that name (for 90 days), is {@code
   * ExecutionAlreadyExists}.
   */
  Execution startExecution(String stateMachineNameOrArn, String name, String input);

  /**
   * {@code StartSyncExecution} for Express state machines: runs the execution to its end on the
   * virtual clock and returns it.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code StateMachineTypeNotSupported} for
   *     Standard state machines
   */
  Execution startSyncExecution(String stateMachineNameOrArn, String input);

  /**
   * {@code DescribeExecution}. As in AWS, not for Express executions: read those from the {@link
   * Execution} that started them.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code ExecutionDoesNotExist}; {@code
   *     InvalidArn} for an Express execution
   */
  Execution describeExecution(String executionArn);

  /**
   * {@code StopExecution}: aborts a running execution with an optional error and cause. Not for
   * Express executions ({@code InvalidArn}), as in AWS.
   */
  Execution stopExecution(String executionArn, String error, String cause);

  /**
   * {@code GetExecutionHistory}, oldest first. Not for Express executions ({@code InvalidArn}), as
   * in AWS, whose Express histories go to CloudWatch Logs; {@link Execution#history()} has it.
   */
  List<HistoryEvent> getExecutionHistory(String executionArn);

  /** Handles Task states whose {@code Resource} equals {@code resourceArn}. */
  void taskHandler(String resourceArn, TaskHandler handler);

  /**
   * {@code SendTaskSuccess}: the task waiting on {@code taskToken} succeeds with {@code output}.
   */
  void sendTaskSuccess(String taskToken, String output);

  /** {@code SendTaskFailure}. */
  void sendTaskFailure(String taskToken, String error, String cause);

  /** {@code SendTaskHeartbeat}: restarts the task's heartbeat timer. */
  void sendTaskHeartbeat(String taskToken);

  /**
   * Uses mocked task responses in Step Functions Local's format. An execution started as {@code
   * <stateMachineNameOrArn>#<TestCaseName>} answers the states its test case names from the mocks,
   * without calling their resources; other executions are unaffected. Replaces any earlier
   * configuration.
   */
  void mockConfig(MockConfig config);

  /**
   * {@code TestState}: runs one state on its own, as AWS's TestState API does, on the virtual clock
   * (limited, as in AWS, to five minutes, else {@code States.Timeout}). Without a mock, a Task
   * calls its resource as in an execution; a Map or Parallel state, as in AWS, runs only with a
   * mock, which stands for the result of its iterations or branches.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code InvalidDefinition} for a bad state,
   *     {@code ValidationException} for a request AWS refuses (a {@code .sync} or {@code
   *     .waitForTaskToken} task, a Map or a Parallel without a mock, a mock on a state without a
   *     task, a missing state)
   */
  TestStateResult testState(TestStateRequest request);
}
