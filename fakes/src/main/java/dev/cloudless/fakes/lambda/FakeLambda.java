package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The fake AWS Lambda of one cloud: functions are ordinary Java handlers, invoked in process.
 *
 * <pre>{@code
 * cloud.lambda().create(FunctionSpec.named("charge").handler(new ChargeHandler()));
 * InvocationResult result = cloud.lambda().invoke("charge", "{\"amount\":42}");
 * }</pre>
 *
 * <p>Errors follow AWS: a handler that throws gives status 200 with {@code FunctionError:
 * "Unhandled"}; Lambda's own refusals are exceptions: {@link TooManyRequestsException} (429),
 * {@link dev.cloudless.fakes.aws.AwsServiceException} with {@code ResourceNotFoundException} (404),
 * {@code InvalidRequestContentException} (400), {@code RequestTooLargeException} (413).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface FakeLambda {

  /**
   * Creates a function.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code ResourceConflictException} if one
   *     with this name exists, {@code InvalidParameterValueException} without a handler
   */
  LambdaFunction create(FunctionSpec spec);

  /**
   * The function with this name or ARN.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code ResourceNotFoundException}
   */
  LambdaFunction function(String nameOrArn);

  /** The function with this name or ARN, if it exists. */
  Optional<LambdaFunction> findFunction(String nameOrArn);

  /** Every function, in creation order. */
  List<LambdaFunction> functions();

  /** Deletes a function. */
  void deleteFunction(String nameOrArn);

  /** Invokes a function synchronously ({@code RequestResponse}) with this JSON event. */
  InvocationResult invoke(String functionName, String payload);

  /** Invokes a function asynchronously ({@code Event}): answers 202 at once. */
  InvocationResult invokeAsync(String functionName, String payload);

  /** Invokes a function as the request says. */
  InvocationResult invoke(InvokeRequest request);
}
