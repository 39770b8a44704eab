package dev.cloudless.fakes.stepfunctions.internal.eval;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * A state failed with an ASL error name and cause, such as {@code States.Runtime}.
 *
 * <p>When {@link #located()} is true the cause is the detail only; the interpreter prefixes it with
 * {@code An error occurred while executing the state 'X' (entered at the event id #N). } as AWS
 * does for the errors its engine raises itself (runtime, query evaluation, intrinsic failures).
 */
@API(status = INTERNAL, since = "0.1")
public final class StatesFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public static final String RUNTIME = "States.Runtime";
  public static final String QUERY_EVALUATION = "States.QueryEvaluationError";
  public static final String INTRINSIC = "States.IntrinsicFailure";
  public static final String TASK_FAILED = "States.TaskFailed";
  public static final String TIMEOUT = "States.Timeout";
  public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
  public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
  public static final String RESULT_PATH_MATCH = "States.ResultPathMatchFailure";
  public static final String PARAMETER_PATH = "States.ParameterPathFailure";
  public static final String BRANCH_FAILED = "States.BranchFailed";
  public static final String DATA_LIMIT = "States.DataLimitExceeded";
  public static final String TOLERATED_FAILURE = "States.ExceedToleratedFailureThreshold";
  public static final String ALL = "States.ALL";

  private final String error;
  private final String cause;
  private final boolean located;

  private StatesFailure(String error, String cause, boolean located) {
    super(error + ": " + cause, null, false, false);
    this.error = error;
    this.cause = cause;
    this.located = located;
  }

  /** A failure whose cause gets the state's location prefix. */
  public static StatesFailure located(String error, String detail) {
    return new StatesFailure(error, detail, true);
  }

  /** A failure whose cause is given as is (a task's error, a Fail state). */
  public static StatesFailure of(String error, String cause) {
    return new StatesFailure(error, cause, false);
  }

  public static StatesFailure runtime(String detail) {
    return located(RUNTIME, detail);
  }

  public static StatesFailure queryEvaluation(String detail) {
    return located(QUERY_EVALUATION, detail);
  }

  public String error() {
    return error;
  }

  public String cause() {
    return cause;
  }

  public boolean located() {
    return located;
  }
}
