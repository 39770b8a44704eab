package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.trace.TraceHeader;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An {@code Invoke} call.
 *
 * <pre>{@code
 * cloud.lambda().invoke(InvokeRequest.function("charge").payload("{\"amount\":42}").logType(LogType.TAIL));
 * }</pre>
 *
 * @param functionName a name, a partial ARN or an ARN, optionally with a qualifier
 * @param qualifier a version or alias, or {@code null} for the one in the name, else {@code
 *     $LATEST}
 * @param invocationType how to invoke
 * @param payload the event as JSON; {@code null} or empty means {@code {}}
 * @param logType whether to return the log tail
 * @param traceHeader the trace to continue, or {@code null}: an invoke made inside a handler then
 *     continues the handler's trace, one made by the test starts a new trace
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record InvokeRequest(
    String functionName,
    String qualifier,
    InvocationType invocationType,
    String payload,
    LogType logType,
    TraceHeader traceHeader) {

  public InvokeRequest {
    Objects.requireNonNull(functionName, "functionName");
    Objects.requireNonNull(invocationType, "invocationType");
    Objects.requireNonNull(logType, "logType");
  }

  /** A synchronous invoke of {@code functionName} with an empty event. */
  public static InvokeRequest function(String functionName) {
    return new InvokeRequest(
        functionName, null, InvocationType.REQUEST_RESPONSE, null, LogType.NONE, null);
  }

  public InvokeRequest qualifier(String qualifier) {
    return new InvokeRequest(
        functionName, qualifier, invocationType, payload, logType, traceHeader);
  }

  public InvokeRequest invocationType(InvocationType invocationType) {
    return new InvokeRequest(
        functionName, qualifier, invocationType, payload, logType, traceHeader);
  }

  public InvokeRequest payload(String payload) {
    return new InvokeRequest(
        functionName, qualifier, invocationType, payload, logType, traceHeader);
  }

  public InvokeRequest logType(LogType logType) {
    return new InvokeRequest(
        functionName, qualifier, invocationType, payload, logType, traceHeader);
  }

  public InvokeRequest traceHeader(TraceHeader traceHeader) {
    return new InvokeRequest(
        functionName, qualifier, invocationType, payload, logType, traceHeader);
  }
}
