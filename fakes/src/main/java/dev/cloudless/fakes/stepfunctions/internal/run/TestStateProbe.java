package dev.cloudless.fakes.stepfunctions.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Makes an execution behave as AWS's TestState does for its tested state: an error that a retrier
 * with attempts left matches ends the run (RETRIABLE) instead of scheduling the retry, and the
 * retrier starts from {@code retrierRetryCount} retries already made. Records where the error went.
 */
@API(status = INTERNAL, since = "0.1")
public final class TestStateProbe {

  final String stateName;
  final int retrierRetryCount;

  /** The mocked result of a Map or Parallel state, or null. */
  public JsonNode mockResult;

  /** The mocked error of a Map or Parallel state, or null. */
  public String mockError;

  public String mockCause;

  Integer retryIndex;
  Duration retryBackoff;
  Integer catchIndex;
  String error;
  String cause;

  public TestStateProbe(String stateName, int retrierRetryCount) {
    this.stateName = stateName;
    this.retrierRetryCount = retrierRetryCount;
  }

  public Integer retryIndex() {
    return retryIndex;
  }

  public Duration retryBackoff() {
    return retryBackoff;
  }

  public Integer catchIndex() {
    return catchIndex;
  }

  public String error() {
    return error;
  }

  public String cause() {
    return cause;
  }
}
