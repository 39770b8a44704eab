package dev.cloudless.fakes.stepfunctions.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudless.trace.TraceHeader;
import org.apiguardian.api.API;

/**
 * One attempt at a Task state's work.
 *
 * @param parameters the effective parameters (JSONPath {@code Parameters} or JSONata {@code
 *     Arguments}, else the effective input)
 * @param attempt 0 for the first attempt, then 1, 2, ... for retries
 * @param invocation how many times this state has called its resource in this execution, from 0:
 *     the key into mocked responses
 * @param taskToken the task token for {@code .waitForTaskToken}, else null
 * @param timeoutSeconds the state's timeout, or null
 * @param heartbeatSeconds the state's heartbeat, or null
 */
@API(status = INTERNAL, since = "0.1")
public record TaskCall(
    String executionArn,
    String stateMachineArn,
    String stateName,
    String resource,
    JsonNode parameters,
    int attempt,
    int invocation,
    String taskToken,
    Integer timeoutSeconds,
    Integer heartbeatSeconds,
    TraceHeader trace) {}
