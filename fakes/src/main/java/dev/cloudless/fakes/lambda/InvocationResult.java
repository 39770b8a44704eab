package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What {@code Invoke} answers. As in AWS, a function error is not an exception: the status stays
 * 200 and {@link #functionError()} is {@code "Unhandled"}, with the error in the payload.
 *
 * @param statusCode 200 for a synchronous invoke, 202 for an asynchronous one, 204 for a dry run
 * @param functionError {@code "Unhandled"} when the function failed, else {@code null}
 * @param executedVersion the version that ran ({@code $LATEST} or a number); {@code null} for
 *     asynchronous invokes, which AWS answers before anything runs
 * @param payload the function's JSON result, or its error; {@code ""} for asynchronous invokes
 * @param logResult the base64 log tail when {@link LogType#TAIL} was asked for, else {@code null}
 * @param requestId the invocation's request id
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record InvocationResult(
    int statusCode,
    String functionError,
    String executedVersion,
    String payload,
    String logResult,
    String requestId) {

  /** Whether the function failed. */
  public boolean isFunctionError() {
    return functionError != null;
  }

  /** The function error, if any. */
  public Optional<String> functionErrorType() {
    return Optional.ofNullable(functionError);
  }

  /** The decoded log tail, or an empty string without {@link LogType#TAIL}. */
  public String logTail() {
    return logResult == null
        ? ""
        : new String(Base64.getDecoder().decode(logResult), StandardCharsets.UTF_8);
  }
}
