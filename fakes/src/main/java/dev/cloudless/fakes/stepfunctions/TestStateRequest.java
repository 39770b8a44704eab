package dev.cloudless.fakes.stepfunctions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What AWS's {@code TestState} API takes: the definition of one state (or of a state machine and
 * the name of the state to test), its input, variables, an optional mocked result or error, the
 * retry position, and an inspection level.
 *
 * <pre>{@code
 * TestStateResult r = cloud.stepFunctions().testState(
 *     TestStateRequest.definition(chargeStateJson)
 *         .input("{\"orderId\":\"o-42\"}")
 *         .mockError("PaymentTimeout", "psp slow")
 *         .retrierRetryCount(1));
 * }</pre>
 *
 * @param definition the ASL of one state, or of a state machine (then {@code stateName} is
 *     required)
 * @param stateName the state to test within a state machine definition, or null
 * @param input the state's input as JSON text; {@code {}} when null
 * @param variables the workflow variables visible to the state, as a JSON object, or null
 * @param inspectionLevel {@code INFO} by default
 * @param mockResult the mocked result of the state's task, as JSON text, or null
 * @param mockError the mocked error of the state's task, or null
 * @param mockCause the mocked cause (with {@code mockError}), or null
 * @param retrierRetryCount how many retries the retrier matching the error has already made, or
 *     null for none
 * @param roleArn the execution role, or null
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TestStateRequest(
    String definition,
    String stateName,
    String input,
    String variables,
    InspectionLevel inspectionLevel,
    String mockResult,
    String mockError,
    String mockCause,
    Integer retrierRetryCount,
    String roleArn) {

  /** AWS's inspection levels. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum InspectionLevel {
    /** The final output (the default). */
    INFO,
    /** Also the data flow: input, parameters, result, error details. */
    DEBUG,
    /** DEBUG and, for HTTP Tasks, the HTTP request and response. */
    TRACE
  }

  public TestStateRequest {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(inspectionLevel, "inspectionLevel");
    if (retrierRetryCount != null && retrierRetryCount < 0) {
      throw new IllegalArgumentException(
          "retrierRetryCount is " + retrierRetryCount + "; AWS allows 0 or more.");
    }
    if (mockResult != null && mockError != null) {
      throw new IllegalArgumentException(
          "A TestState mock has either a result or an error output, not both.");
    }
    if (stateName != null && (stateName.isEmpty() || stateName.length() > 80)) {
      throw new IllegalArgumentException(
          "stateName ["
              + stateName
              + "] has "
              + stateName.length()
              + " characters; AWS allows 1 to 80.");
    }
  }

  /** A request to test the state (or state machine) defined by {@code definition}. */
  public static TestStateRequest definition(String definition) {
    return new TestStateRequest(
        definition, null, null, null, InspectionLevel.INFO, null, null, null, null, null);
  }

  /** The state to test, when the definition is a whole state machine. */
  public TestStateRequest stateName(String stateName) {
    return new TestStateRequest(
        definition,
        stateName,
        input,
        variables,
        inspectionLevel,
        mockResult,
        mockError,
        mockCause,
        retrierRetryCount,
        roleArn);
  }

  /** The state's input, as JSON text. */
  public TestStateRequest input(String input) {
    return new TestStateRequest(
        definition,
        stateName,
        input,
        variables,
        inspectionLevel,
        mockResult,
        mockError,
        mockCause,
        retrierRetryCount,
        roleArn);
  }

  /** The variables the state sees, as a JSON object such as {@code {"total": 3}}. */
  public TestStateRequest variables(String variables) {
    return new TestStateRequest(
        definition,
        stateName,
        input,
        variables,
        inspectionLevel,
        mockResult,
        mockError,
        mockCause,
        retrierRetryCount,
        roleArn);
  }

  public TestStateRequest inspectionLevel(InspectionLevel inspectionLevel) {
    return new TestStateRequest(
        definition,
        stateName,
        input,
        variables,
        inspectionLevel,
        mockResult,
        mockError,
        mockCause,
        retrierRetryCount,
        roleArn);
  }

  /** The task answers with this result (JSON text) instead of calling its resource. */
  public TestStateRequest mockResult(String result) {
    return new TestStateRequest(
        definition,
        stateName,
        input,
        variables,
        inspectionLevel,
        Objects.requireNonNull(result, "result"),
        null,
        null,
        retrierRetryCount,
        roleArn);
  }

  /** The task fails with this error and cause instead of calling its resource. */
  public TestStateRequest mockError(String error, String cause) {
    return new TestStateRequest(
        definition,
        stateName,
        input,
        variables,
        inspectionLevel,
        null,
        Objects.requireNonNull(error, "error"),
        cause,
        retrierRetryCount,
        roleArn);
  }

  /** How many retries the retrier that matches the error has already made. */
  public TestStateRequest retrierRetryCount(int count) {
    return new TestStateRequest(
        definition,
        stateName,
        input,
        variables,
        inspectionLevel,
        mockResult,
        mockError,
        mockCause,
        count,
        roleArn);
  }

  public TestStateRequest roleArn(String roleArn) {
    return new TestStateRequest(
        definition,
        stateName,
        input,
        variables,
        inspectionLevel,
        mockResult,
        mockError,
        mockCause,
        retrierRetryCount,
        roleArn);
  }
}
