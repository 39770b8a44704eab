package dev.cloudless.fakes.stepfunctions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Does the work of Task states whose resource a test handles itself: any resource ARN, such as an
 * activity, an SDK integration or a service Cloudless does not fake.
 *
 * <pre>{@code
 * cloud.stepFunctions().taskHandler("arn:aws:states:::dynamodb:putItem", request -> "{}");
 * }</pre>
 *
 * <p>Return the task's result as JSON text; throw {@link TaskFailedException} to fail the task with
 * an error name and cause. For a {@code .waitForTaskToken} resource, return null: the task then
 * waits for {@link FakeStepFunctions#sendTaskSuccess} or {@link FakeStepFunctions#sendTaskFailure}
 * with {@link TaskRequest#taskToken()}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface TaskHandler {

  String handle(TaskRequest request) throws Exception;
}
