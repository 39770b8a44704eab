package dev.cloudless.fakes.stepfunctions.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * Runs the work of Task states: Lambda, other Step Functions executions, handlers a test supplies,
 * mocked responses. Called at the current virtual instant; it answers with the outcome and the
 * instant it ended, without moving the clock.
 */
@API(status = INTERNAL, since = "0.1")
public interface TaskInvoker {

  /**
   * Runs one attempt.
   *
   * @param callback where a {@link TaskOutcome.Pending} task later reports its outcome
   */
  TaskOutcome invoke(TaskCall call, TaskOutcome.Callback callback);

  /** The history event shape of a resource: legacy Lambda function ARNs get Lambda's events. */
  static boolean isLegacyLambda(String resource) {
    return resource.startsWith("arn:aws:lambda:")
        || resource.startsWith("arn:aws-cn:lambda:")
        || resource.startsWith("arn:aws-us-gov:lambda:");
  }
}
