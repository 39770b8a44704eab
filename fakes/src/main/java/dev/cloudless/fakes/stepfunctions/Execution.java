package dev.cloudless.fakes.stepfunctions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * An execution, as {@code DescribeExecution} shows it; a live view that follows the execution as
 * the cloud's clock runs.
 *
 * <pre>{@code
 * Execution run = cloud.stepFunctions().startExecution("checkout", "{\"orderId\":\"o-42\"}");
 * run.awaitCompletion();   // runs the virtual clock until the execution ends
 * assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Execution {

  /** {@code arn:aws:states:<region>:<account>:execution:<stateMachine>:<name>}. */
  String executionArn();

  String name();

  String stateMachineArn();

  ExecutionStatus status();

  /** The input, as JSON text. */
  String input();

  /** The output as JSON text, once succeeded. */
  Optional<String> output();

  /** The error name, for failed, timed-out or aborted executions that have one. */
  Optional<String> error();

  /** The cause, for failed, timed-out or aborted executions that have one. */
  Optional<String> cause();

  Instant startDate();

  /** When it ended, once it has. */
  Optional<Instant> stopDate();

  /** The history so far, as {@code GetExecutionHistory} returns it (oldest first). */
  List<HistoryEvent> history();

  /**
   * Runs the cloud's virtual clock until this execution ends, then returns it. Waits and retries
   * take no real time.
   *
   * @throws IllegalStateException when nothing is left to run and the execution still waits (for a
   *     task token, say)
   */
  Execution awaitCompletion();
}
