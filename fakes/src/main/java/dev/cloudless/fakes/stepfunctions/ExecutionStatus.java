package dev.cloudless.fakes.stepfunctions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** An execution's status, as {@code DescribeExecution} reports it. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ExecutionStatus {
  RUNNING,
  SUCCEEDED,
  FAILED,
  TIMED_OUT,
  ABORTED
}
