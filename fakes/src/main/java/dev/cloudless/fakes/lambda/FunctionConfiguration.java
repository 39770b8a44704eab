package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * A function's configuration, as {@code GetFunctionConfiguration} and {@code
 * GetFunctionEventInvokeConfig} report it.
 *
 * @param functionName the name
 * @param functionArn the unqualified ARN
 * @param handler the handler class name
 * @param version {@code $LATEST}
 * @param memorySize MB
 * @param timeout the invocation timeout
 * @param runsFor the modelled virtual duration of an invocation
 * @param maximumRetryAttempts asynchronous retries after a function error
 * @param maximumEventAge how long an asynchronous event is kept
 * @param deadLetterTargetArn where failed asynchronous events go, or {@code null}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record FunctionConfiguration(
    String functionName,
    String functionArn,
    String handler,
    String version,
    int memorySize,
    Duration timeout,
    Duration runsFor,
    int maximumRetryAttempts,
    Duration maximumEventAge,
    String deadLetterTargetArn) {}
