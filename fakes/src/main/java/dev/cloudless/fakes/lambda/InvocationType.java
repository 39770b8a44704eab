package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Lambda's {@code InvocationType}. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum InvocationType {
  /** Synchronous: the caller waits for the result (status 200). */
  REQUEST_RESPONSE("RequestResponse"),
  /** Asynchronous: Lambda queues the event and answers 202 at once; failures are retried. */
  EVENT("Event"),
  /** Validates the request and the caller's permission without running the function (204). */
  DRY_RUN("DryRun");

  private final String awsName;

  InvocationType(String awsName) {
    this.awsName = awsName;
  }

  /** The name AWS uses on the wire, such as {@code RequestResponse}. */
  public String awsName() {
    return awsName;
  }

  @Override
  public String toString() {
    return awsName;
  }
}
