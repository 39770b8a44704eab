package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
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

  // ---- functions --------------------------------------------------------------------------------

  /**
   * Creates a function.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code ResourceConflictException} if one
   *     with this name exists, {@code InvalidParameterValueException} without code
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

  /** Deletes a function with its versions and aliases. */
  void deleteFunction(String nameOrArn);

  /**
   * {@code UpdateFunctionCode}: new code for {@code $LATEST}. Published versions keep theirs;
   * {@code $LATEST}'s execution environments are replaced, so its next invocation is cold.
   */
  FunctionConfiguration updateFunctionCode(String functionName, FunctionCode code);

  /**
   * {@code UpdateFunctionConfiguration}: changes {@code $LATEST}'s configuration, starting from its
   * current spec: {@code updateFunctionConfiguration("charge", spec -> spec.memory(1024))}. The
   * code cannot change here (use {@link #updateFunctionCode}); {@code $LATEST}'s execution
   * environments are replaced.
   */
  FunctionConfiguration updateFunctionConfiguration(
      String functionName, UnaryOperator<FunctionSpec> change);

  // ---- versions and aliases ---------------------------------------------------------------------

  /**
   * {@code PublishVersion}: freezes {@code $LATEST}'s code and configuration under the next number.
   * When neither changed since the last published version, that version is returned and no new one
   * is made.
   */
  FunctionConfiguration publishVersion(String functionName);

  /**
   * {@code PublishVersion} with a {@code RevisionId} precondition.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code PreconditionFailedException} if
   *     {@code $LATEST} changed since {@code revisionId}
   */
  FunctionConfiguration publishVersion(String functionName, String revisionId);

  /** {@code CreateAlias}. */
  AliasConfiguration createAlias(String functionName, AliasSpec alias);

  /** {@code UpdateAlias}: repoints an alias or changes its routing. */
  AliasConfiguration updateAlias(String functionName, AliasSpec alias);

  /** {@code DeleteAlias}, with its provisioned concurrency and event invoke configuration. */
  void deleteAlias(String functionName, String aliasName);

  // ---- concurrency ------------------------------------------------------------------------------

  /**
   * {@code PutFunctionConcurrency}: reserves concurrency for the function, which is also its cap.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code InvalidParameterValueException} when
   *     the account's unreserved concurrency would drop below its minimum
   */
  void putFunctionConcurrency(String functionName, int reservedConcurrentExecutions);

  /** {@code DeleteFunctionConcurrency}: the function draws from the unreserved pool again. */
  void deleteFunctionConcurrency(String functionName);

  /**
   * {@code PutProvisionedConcurrencyConfig}: keeps {@code executions} environments of a version or
   * alias initialised, so invocations through that qualifier start warm.
   */
  ProvisionedConcurrencyConfig putProvisionedConcurrencyConfig(
      String functionName, String qualifier, int executions);

  /** {@code DeleteProvisionedConcurrencyConfig}. */
  void deleteProvisionedConcurrencyConfig(String functionName, String qualifier);

  /** The account's concurrency quota and the prices costs are computed with. */
  LambdaSettings settings();

  /**
   * Changes the account-level settings.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code InvalidParameterValueException} when
   *     existing reservations no longer fit
   */
  void settings(LambdaSettings settings);

  /**
   * Recycles every idle execution environment of the function, so that its next invocations start
   * cold. Not an AWS operation: a test's way to get a cold start on demand.
   */
  void forceColdStart(String functionName);

  // ---- asynchronous invocation ------------------------------------------------------------------

  /**
   * {@code PutFunctionEventInvokeConfig}: retries, event age and destinations for asynchronous
   * invocations of a version or alias ({@code qualifier}), or of {@code $LATEST} when it is null.
   */
  void putFunctionEventInvokeConfig(
      String functionName, String qualifier, EventInvokeConfig config);

  /** The event invoke configuration of a qualifier ({@code $LATEST} when null), if one is set. */
  Optional<EventInvokeConfig> functionEventInvokeConfig(String functionName, String qualifier);

  /** {@code DeleteFunctionEventInvokeConfig}: back to AWS's defaults. */
  void deleteFunctionEventInvokeConfig(String functionName, String qualifier);

  // ---- invoking ---------------------------------------------------------------------------------

  /** Invokes a function synchronously ({@code RequestResponse}) with this JSON event. */
  InvocationResult invoke(String functionName, String payload);

  /** Invokes a function asynchronously ({@code Event}): answers 202 at once. */
  InvocationResult invokeAsync(String functionName, String payload);

  /** Invokes a function as the request says. */
  InvocationResult invoke(InvokeRequest request);

  /** What every invocation so far cost, at {@link #settings()}'s prices. */
  LambdaCost cost();

  // ---- function URLs ----------------------------------------------------------------------------

  /**
   * {@code CreateFunctionUrlConfig}: gives {@code $LATEST} (qualifier {@code null}) or an alias a
   * URL served over real HTTP, on a loopback port of its own: {@link
   * FunctionUrlConfig#functionUrl()}. The first URL of a cloud starts its HTTP server; closing the
   * cloud stops it.
   *
   * <pre>{@code
   * FunctionUrlConfig url = cloud.lambda().createFunctionUrlConfig("orders", null,
   *     FunctionUrlSpec.of(FunctionUrlAuthType.NONE));
   * HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.uri()).build(), ofString());
   * }</pre>
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code ResourceConflictException} if the
   *     function or alias has a URL, {@code ResourceNotFoundException} without the function or
   *     alias, {@code ValidationException} for a version number as qualifier (AWS allows aliases
   *     and {@code $LATEST} only)
   */
  FunctionUrlConfig createFunctionUrlConfig(
      String functionName, String qualifier, FunctionUrlSpec spec);

  /**
   * {@code GetFunctionUrlConfig} for {@code $LATEST} (qualifier {@code null}) or an alias.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code ResourceNotFoundException} if there
   *     is none
   */
  FunctionUrlConfig functionUrlConfig(String functionName, String qualifier);

  /** {@code ListFunctionUrlConfigs}: the function's URLs, in creation order. */
  List<FunctionUrlConfig> functionUrlConfigs(String functionName);

  /**
   * {@code UpdateFunctionUrlConfig}: changes the auth type or CORS settings, starting from the
   * current ones: {@code updateFunctionUrlConfig("orders", null, spec -> spec.authType(AWS_IAM))}.
   * The URL stays the same.
   */
  FunctionUrlConfig updateFunctionUrlConfig(
      String functionName, String qualifier, UnaryOperator<FunctionUrlSpec> change);

  /**
   * {@code DeleteFunctionUrlConfig}. Requests to the URL are then refused as AWS refuses a URL that
   * does not exist (403).
   */
  void deleteFunctionUrlConfig(String functionName, String qualifier);

  // ---- layers -----------------------------------------------------------------------------------

  /**
   * {@code PublishLayerVersion}: stores the layer's zip as its next version, numbered from 1.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code RequestEntityTooLargeException} for
   *     an upload over 50 MB zipped, {@code InvalidParameterValueException} for content that is not
   *     a zip, is over 250 MB unzipped, or is missing from S3 or in another region's bucket
   */
  LayerVersion publishLayerVersion(LayerSpec spec);

  /**
   * {@code GetLayerVersionByArn}.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code ResourceNotFoundException}
   */
  LayerVersion layerVersion(String layerVersionArn);

  /** {@code ListLayerVersions}: the layer's versions, newest first; empty for an unknown layer. */
  List<LayerVersion> layerVersions(String layerName);

  /**
   * {@code DeleteLayerVersion}: the version can no longer be added to a function; functions already
   * using it keep its content. Deleting a version that does not exist succeeds, as on AWS.
   */
  void deleteLayerVersion(String layerVersionArn);

  // ---- event source mappings --------------------------------------------------------------------

  /**
   * {@code CreateEventSourceMapping} for an SQS queue: Lambda polls the queue and invokes the
   * function with batches of messages, deleting each batch the function handles. As on AWS, the
   * mapping starts in state {@code Creating} and takes effect when the clock next runs.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code ValidationException} for a value out
   *     of range, {@code InvalidParameterValueException} for a missing queue, a FIFO queue with a
   *     batch above 10 or a batching window, a batch above 10 without a window, or a queue whose
   *     visibility timeout is shorter than the function's timeout, {@code
   *     ResourceNotFoundException} for a missing function, {@code ResourceConflictException} if the
   *     queue is already mapped to the function
   */
  EventSourceMappingConfiguration createEventSourceMapping(EventSourceMappingSpec spec);

  /**
   * {@code GetEventSourceMapping}.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code ResourceNotFoundException}
   */
  EventSourceMappingConfiguration eventSourceMapping(String uuid);

  /** {@code ListEventSourceMappings}: every mapping, in creation order. */
  List<EventSourceMappingConfiguration> eventSourceMappings();

  /** {@code ListEventSourceMappings} for one function. */
  List<EventSourceMappingConfiguration> eventSourceMappings(String functionName);

  /**
   * {@code UpdateEventSourceMapping}, starting from the current settings: {@code
   * updateEventSourceMapping(uuid, spec -> spec.enabled(false))}. The queue cannot change.
   */
  EventSourceMappingConfiguration updateEventSourceMapping(
      String uuid, UnaryOperator<EventSourceMappingSpec> change);

  /**
   * {@code DeleteEventSourceMapping}: polling stops; batches in flight finish. Answers with the
   * state {@code Deleting}, as AWS does.
   */
  EventSourceMappingConfiguration deleteEventSourceMapping(String uuid);
}
