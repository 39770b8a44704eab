package dev.cloudless.fakes.lambda.internal;

import dev.cloudless.fakes.lambda.InvocationType;
import dev.cloudless.fakes.lambda.LogType;
import dev.cloudless.trace.TraceHeader;

/**
 * One attempt to run a function.
 *
 * @param target what runs: function, version, qualifier
 * @param requestId the request id (shared by the attempts of one asynchronous event)
 * @param type how it was invoked
 * @param number 1 for the first attempt
 * @param payload the event bytes
 * @param trace the incoming trace: its root is the invocation's trace, its parent the caller
 * @param logType whether the caller wants the log tail
 */
record Attempt(
    InvokeTarget target,
    String requestId,
    InvocationType type,
    int number,
    byte[] payload,
    TraceHeader trace,
    LogType logType) {

  FunctionImpl function() {
    return target.function();
  }
}
