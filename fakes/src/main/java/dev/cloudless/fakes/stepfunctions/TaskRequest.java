package dev.cloudless.fakes.stepfunctions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * One call a Task state makes to a resource that a test handles with a {@link TaskHandler}.
 *
 * @param stateName the Task state
 * @param resource the state's {@code Resource}
 * @param input the effective parameters, as JSON text
 * @param attempt 0 for the first attempt, then 1, 2, ... for retries
 * @param taskToken the task token for {@code .waitForTaskToken} resources, else null
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TaskRequest(
    String executionArn,
    String stateName,
    String resource,
    String input,
    int attempt,
    String taskToken) {}
