package dev.cloudless.fakes.stepfunctions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/** A state machine of the fake Step Functions. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface StateMachine {

  String name();

  /** {@code arn:aws:states:<region>:<account>:stateMachine:<name>}. */
  String arn();

  StateMachineType type();

  /** The definition as given. */
  String definition();

  String roleArn();

  Instant creationDate();

  /** Starts an execution with a generated name: see {@link FakeStepFunctions#startExecution}. */
  Execution startExecution(String input);

  /** Every execution, oldest first. */
  List<Execution> executions();
}
