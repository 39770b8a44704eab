package dev.cloudless.fakes.lambda.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.clock.TimeMode;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.FunctionInvoker;
import dev.cloudless.fakes.internal.Scheduler;
import dev.cloudless.fakes.journal.JournalEvent;
import dev.cloudless.fakes.lambda.AliasConfiguration;
import dev.cloudless.fakes.lambda.AliasSpec;
import dev.cloudless.fakes.lambda.EventInvokeConfig;
import dev.cloudless.fakes.lambda.EventSourceMappingConfiguration;
import dev.cloudless.fakes.lambda.EventSourceMappingSpec;
import dev.cloudless.fakes.lambda.FakeLambda;
import dev.cloudless.fakes.lambda.FunctionCode;
import dev.cloudless.fakes.lambda.FunctionConfiguration;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.lambda.InvocationResult;
import dev.cloudless.fakes.lambda.InvocationType;
import dev.cloudless.fakes.lambda.InvokeRequest;
import dev.cloudless.fakes.lambda.LambdaCost;
import dev.cloudless.fakes.lambda.LambdaEvent;
import dev.cloudless.fakes.lambda.LambdaFunction;
import dev.cloudless.fakes.lambda.LambdaSettings;
import dev.cloudless.fakes.lambda.LogType;
import dev.cloudless.fakes.lambda.ProvisionedConcurrencyConfig;
import dev.cloudless.fakes.lambda.TooManyRequestsException;
import dev.cloudless.fakes.lambda.internal.esm.EventSourceMappings;
import dev.cloudless.trace.TraceHeader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * The fake Lambda: functions by name, their versions and aliases, concurrency, and the synchronous
 * and asynchronous invoke paths.
 */
@API(status = INTERNAL, since = "0.1")
public final class LambdaService implements FakeLambda {

  private static final int LOG_TAIL_BYTES = 4096;

  private final CloudContext cloud;
  private final ConcurrencyLimits limits;
  private final InvocationEngine engine;
  private final AsyncInvoker async;
  private final EventSourceMappings eventSources;
  private final Map<String, FunctionImpl> functions = new LinkedHashMap<>();

  /** Distinct code objects, numbered in upload order, so their SHA-256 is the same on every run. */
  private final Map<Object, Integer> codeIdentities = new IdentityHashMap<>();

  public LambdaService(CloudContext cloud) {
    this.cloud = cloud;
    this.limits = new ConcurrencyLimits(this::functionList);
    this.engine = new InvocationEngine(cloud, limits);
    this.async = new AsyncInvoker(cloud, this, engine);
    cloud.resources().functions(this::invokeForService);
    this.eventSources = new EventSourceMappings(cloud, this::mappedFunction);
  }

  // ---- functions --------------------------------------------------------------------------------

  @Override
  public LambdaFunction create(FunctionSpec spec) {
    if (spec.code() == null) {
      throw LambdaErrors.invalidParameter(
          "Function ["
              + spec.name()
              + "] has no code; give a handler with FunctionSpec.handler(...).");
    }
    CodePackages.checkUpload(spec.code(), "CreateFunction");
    String arn = cloud.arn("lambda", "function:" + spec.name());
    FunctionImpl fn = new FunctionImpl(this, cloud, spec.name(), arn);
    fn.latest(newVersion(fn, FunctionImpl.LATEST, spec, spec.memorySize(), spec.code()));
    synchronized (functions) {
      if (functions.containsKey(spec.name())) {
        throw LambdaErrors.functionExists(spec.name());
      }
      if (spec.reservedConcurrency().isPresent()) {
        limits.checkReservation(fn, spec.reservedConcurrency().getAsInt());
      }
      functions.put(spec.name(), fn);
    }
    Instant now = cloud.now();
    cloud
        .journal()
        .append(
            seq ->
                new LambdaEvent.FunctionCreated(
                    seq, now, arn, spec.name(), spec.memorySize(), spec.timeout()));
    if (!spec.eventInvokeConfig().equals(EventInvokeConfig.defaults())) {
      fn.eventInvokeConfig(FunctionImpl.LATEST, spec.eventInvokeConfig());
    }
    spec.reservedConcurrency().ifPresent(r -> setReserved(fn, r));
    return fn;
  }

  private VersionImpl newVersion(
      FunctionImpl fn, String version, FunctionSpec spec, int runsForMemory, FunctionCode code) {
    HandlerFactory handlers = packages().handlers(fn.latest(), spec, code);
    FunctionConfiguration configuration =
        new FunctionConfiguration(
            spec.name(),
            version.equals(FunctionImpl.LATEST) ? fn.arn() : fn.qualifiedArn(version),
            version,
            spec.description(),
            handlers.handlerName(),
            handlers.packaged() != null ? handlers.packaged().codeSha256() : codeSha256(code),
            cloud.newRequestId(),
            spec.memorySize(),
            spec.timeout(),
            spec.runsFor(),
            runsForMemory,
            spec.initDuration(),
            spec.memoryUsed(),
            spec.ephemeralStorage(),
            spec.environment(),
            spec.deadLetterTargetArn().orElse(null),
            spec.layers());
    return new VersionImpl(cloud, fn, configuration, handlers);
  }

  /**
   * The base64 SHA-256 AWS reports for the code. A handler in the class path has no bytes to hash,
   * so the same handler object or class hashes the same, and each new one differently.
   */
  private String codeSha256(FunctionCode code) {
    Object identity =
        code.handler().isPresent() ? code.handler().get() : code.factory().orElseThrow();
    int number;
    synchronized (codeIdentities) {
      number = codeIdentities.computeIfAbsent(identity, k -> codeIdentities.size() + 1);
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((code.handlerName() + "#" + number).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  @Override
  public LambdaFunction function(String nameOrArn) {
    return functionImpl(nameOrArn);
  }

  FunctionImpl functionImpl(String nameOrArn) {
    FunctionRef ref = FunctionRef.parse(nameOrArn);
    return find(ref.name())
        .orElseThrow(
            () ->
                LambdaErrors.functionNotFound(
                    cloud.arn("lambda", "function:" + ref.name())
                        + ":"
                        + (ref.qualifier() == null ? FunctionImpl.LATEST : ref.qualifier())));
  }

  @Override
  public Optional<LambdaFunction> findFunction(String nameOrArn) {
    return find(FunctionRef.parse(nameOrArn).name()).map(f -> f);
  }

  private Optional<FunctionImpl> find(String name) {
    synchronized (functions) {
      return Optional.ofNullable(functions.get(name));
    }
  }

  @Override
  public List<LambdaFunction> functions() {
    return new ArrayList<>(functionList());
  }

  private List<FunctionImpl> functionList() {
    synchronized (functions) {
      return new ArrayList<>(functions.values());
    }
  }

  @Override
  public void deleteFunction(String nameOrArn) {
    FunctionImpl fn = functionImpl(nameOrArn);
    synchronized (functions) {
      functions.remove(fn.name());
    }
    for (FunctionConfiguration version : fn.versions()) {
      fn.version(version.version()).ifPresent(v -> v.recycleAll("function deleted"));
    }
  }

  @Override
  public FunctionConfiguration updateFunctionCode(String functionName, FunctionCode code) {
    FunctionImpl fn = functionImpl(functionName);
    CodePackages.checkUpload(code, "UpdateFunctionCode");
    VersionImpl before = fn.latest();
    FunctionConfiguration config = before.configuration();
    FunctionSpec spec = FunctionSpec.of(config, code);
    VersionImpl after = newVersion(fn, FunctionImpl.LATEST, spec, config.runsForMemory(), code);
    replaceLatest(fn, before, after, "code");
    return after.configuration();
  }

  @Override
  public FunctionConfiguration updateFunctionConfiguration(
      String functionName, UnaryOperator<FunctionSpec> change) {
    FunctionImpl fn = functionImpl(functionName);
    VersionImpl before = fn.latest();
    FunctionConfiguration config = before.configuration();
    FunctionSpec current =
        FunctionSpec.of(config, before.handlers().code())
            .eventInvokeConfig(
                fn.eventInvokeConfig(FunctionImpl.LATEST).orElse(EventInvokeConfig.defaults()));
    if (fn.reserved() != null) {
      current = current.reservedConcurrency(fn.reserved());
    }
    FunctionSpec next = change.apply(current);
    if (next.code() != current.code()) {
      throw LambdaErrors.invalidParameter(
          "updateFunctionConfiguration changes configuration only; give new code to"
              + " updateFunctionCode.");
    }
    if (!next.name().equals(current.name())) {
      throw LambdaErrors.invalidParameter(
          "updateFunctionConfiguration cannot rename function [" + current.name() + "].");
    }
    if (next.reservedConcurrency().isPresent()
        && !next.reservedConcurrency().equals(current.reservedConcurrency())) {
      limits.checkReservation(fn, next.reservedConcurrency().getAsInt());
    }
    // runsFor is given at the spec's memory: kept as it was unless the change gave a new one.
    int runsForMemory =
        next.runsFor().equals(current.runsFor()) ? config.runsForMemory() : next.memorySize();
    VersionImpl after =
        newVersion(fn, FunctionImpl.LATEST, next, runsForMemory, before.handlers().code());
    replaceLatest(fn, before, after, "configuration");
    if (!next.eventInvokeConfig().equals(current.eventInvokeConfig())) {
      fn.eventInvokeConfig(FunctionImpl.LATEST, next.eventInvokeConfig());
    }
    if (!next.reservedConcurrency().equals(current.reservedConcurrency())) {
      setReserved(fn, next.reservedConcurrency().getAsInt());
    }
    return after.configuration();
  }

  /** Swaps in a new {@code $LATEST}; its old environments are recycled, as AWS replaces them. */
  private void replaceLatest(FunctionImpl fn, VersionImpl before, VersionImpl after, String what) {
    fn.latest(after);
    before.recycleAll(what + " updated");
    Instant now = cloud.now();
    cloud
        .journal()
        .append(
            seq ->
                new LambdaEvent.FunctionUpdated(
                    seq, now, fn.arn(), fn.name(), what, after.configuration().revisionId()));
  }

  // ---- versions and aliases ---------------------------------------------------------------------

  @Override
  public FunctionConfiguration publishVersion(String functionName) {
    return publishVersion(functionName, null);
  }

  @Override
  public FunctionConfiguration publishVersion(String functionName, String revisionId) {
    FunctionImpl fn = functionImpl(functionName);
    synchronized (fn) {
      VersionImpl latest = fn.latest();
      FunctionConfiguration config = latest.configuration();
      if (revisionId != null && !revisionId.equals(config.revisionId())) {
        throw new AwsServiceException(
            412,
            "PreconditionFailedException",
            "The Revision Id provided does not match the latest Revision Id. Call the"
                + " GetFunction/GetAlias API to retrieve the latest Revision Id");
      }
      Optional<VersionImpl> last = fn.lastPublished();
      if (last.isPresent() && sameCodeAndConfiguration(last.get().configuration(), config)) {
        // Nothing changed since the last version: AWS returns it instead of a new one.
        return last.get().configuration();
      }
      String number = Integer.toString(fn.nextVersionNumber());
      FunctionConfiguration frozen =
          new FunctionConfiguration(
              config.functionName(),
              fn.qualifiedArn(number),
              number,
              config.description(),
              config.handler(),
              config.codeSha256(),
              cloud.newRequestId(),
              config.memorySize(),
              config.timeout(),
              config.runsFor(),
              config.runsForMemory(),
              config.initDuration(),
              config.memoryUsed(),
              config.ephemeralStorage(),
              config.environment(),
              config.deadLetterTargetArn(),
              config.layers());
      VersionImpl version = new VersionImpl(cloud, fn, frozen, latest.handlers());
      fn.addPublished(version);
      Instant now = cloud.now();
      cloud
          .journal()
          .append(
              seq ->
                  new LambdaEvent.VersionPublished(
                      seq, now, fn.arn(), fn.name(), number, frozen.codeSha256()));
      return frozen;
    }
  }

  private static boolean sameCodeAndConfiguration(
      FunctionConfiguration a, FunctionConfiguration b) {
    return a.codeSha256().equals(b.codeSha256())
        && a.description().equals(b.description())
        && a.handler().equals(b.handler())
        && a.memorySize() == b.memorySize()
        && a.timeout().equals(b.timeout())
        && a.runsFor().equals(b.runsFor())
        && a.runsForMemory() == b.runsForMemory()
        && a.initDuration().equals(b.initDuration())
        && a.memoryUsed() == b.memoryUsed()
        && a.ephemeralStorage() == b.ephemeralStorage()
        && a.environment().equals(b.environment())
        && java.util.Objects.equals(a.deadLetterTargetArn(), b.deadLetterTargetArn())
        && a.layers().equals(b.layers());
  }

  @Override
  public AliasConfiguration createAlias(String functionName, AliasSpec spec) {
    FunctionImpl fn = functionImpl(functionName);
    synchronized (fn) {
      AliasRules.checkName(spec.name());
      if (spec.functionVersion() == null) {
        throw FunctionSpecErrors.notNull("functionVersion");
      }
      if (fn.aliasImpl(spec.name()).isPresent()) {
        throw new AwsServiceException(
            409,
            "ResourceConflictException",
            "Alias already exists: " + fn.qualifiedArn(spec.name()));
      }
      AliasImpl alias = AliasRules.checked(fn, spec, cloud.newRequestId(), this);
      fn.alias(alias);
      journalAlias(fn, alias, "created");
      return fn.toConfiguration(alias);
    }
  }

  @Override
  public AliasConfiguration updateAlias(String functionName, AliasSpec spec) {
    FunctionImpl fn = functionImpl(functionName);
    synchronized (fn) {
      AliasImpl existing =
          fn.aliasImpl(spec.name())
              .orElseThrow(
                  () ->
                      new AwsServiceException(
                          404,
                          "ResourceNotFoundException",
                          "Cannot find alias arn: " + fn.qualifiedArn(spec.name())));
      AliasSpec complete =
          spec.functionVersion() == null ? spec.version(existing.functionVersion()) : spec;
      AliasImpl alias = AliasRules.checked(fn, complete, cloud.newRequestId(), this);
      fn.alias(alias);
      journalAlias(fn, alias, "updated");
      return fn.toConfiguration(alias);
    }
  }

  @Override
  public void deleteAlias(String functionName, String aliasName) {
    FunctionImpl fn = functionImpl(functionName);
    synchronized (fn) {
      if (fn.aliasImpl(aliasName).isEmpty()) {
        throw new AwsServiceException(
            404,
            "ResourceNotFoundException",
            "Cannot find alias arn: " + fn.qualifiedArn(aliasName));
      }
      removeProvisioned(fn, aliasName);
      fn.eventInvokeConfig(aliasName, null);
      fn.removeAlias(aliasName);
      Instant now = cloud.now();
      cloud
          .journal()
          .append(
              seq ->
                  new LambdaEvent.AliasChanged(
                      seq,
                      now,
                      fn.qualifiedArn(aliasName),
                      fn.name(),
                      aliasName,
                      "deleted",
                      null,
                      Map.of()));
    }
  }

  private void journalAlias(FunctionImpl fn, AliasImpl alias, String change) {
    Instant now = cloud.now();
    cloud
        .journal()
        .append(
            seq ->
                new LambdaEvent.AliasChanged(
                    seq,
                    now,
                    fn.qualifiedArn(alias.name()),
                    fn.name(),
                    alias.name(),
                    change,
                    alias.functionVersion(),
                    alias.weights()));
  }

  /** {@code Function not found} for a qualified ARN, as AWS words it. */
  AwsServiceException notFound(FunctionImpl fn, String qualifier) {
    return LambdaErrors.functionNotFound(fn.qualifiedArn(qualifier));
  }

  // ---- concurrency ------------------------------------------------------------------------------

  @Override
  public void putFunctionConcurrency(String functionName, int reservedConcurrentExecutions) {
    FunctionImpl fn = functionImpl(functionName);
    if (reservedConcurrentExecutions < 0) {
      throw FunctionSpecErrors.validation(
          reservedConcurrentExecutions,
          "reservedConcurrentExecutions",
          "Member must have value greater than or equal to 0");
    }
    synchronized (functions) {
      limits.checkReservation(fn, reservedConcurrentExecutions);
      setReserved(fn, reservedConcurrentExecutions);
    }
  }

  private void setReserved(FunctionImpl fn, Integer executions) {
    fn.reserved(executions);
    Instant now = cloud.now();
    cloud
        .journal()
        .append(
            seq ->
                new LambdaEvent.ConcurrencyChanged(
                    seq, now, fn.arn(), fn.name(), "reserved", null, executions));
  }

  @Override
  public void deleteFunctionConcurrency(String functionName) {
    FunctionImpl fn = functionImpl(functionName);
    if (fn.reserved() != null) {
      setReserved(fn, null);
    }
  }

  @Override
  public ProvisionedConcurrencyConfig putProvisionedConcurrencyConfig(
      String functionName, String qualifier, int executions) {
    FunctionImpl fn = functionImpl(functionName);
    if (executions < 1) {
      throw FunctionSpecErrors.validation(
          executions,
          "provisionedConcurrentExecutions",
          "Member must have value greater than or equal to 1");
    }
    if (qualifier == null || qualifier.equals(FunctionImpl.LATEST)) {
      throw LambdaErrors.invalidParameter(
          "Provisioned Concurrency Configs cannot be applied to unpublished function versions.");
    }
    Map<VersionImpl, Integer> shares = provisionedShares(fn, qualifier, executions);
    synchronized (functions) {
      limits.checkProvisioning(fn, qualifier, executions);
      removeProvisioned(fn, qualifier);
      Map<VersionImpl, EnvironmentPool> pools = new LinkedHashMap<>();
      String failure = null;
      for (Map.Entry<VersionImpl, Integer> share : shares.entrySet()) {
        VersionImpl version = share.getKey();
        EnvironmentPool pool = new EnvironmentPool(cloud, version, true);
        for (int i = 0; i < share.getValue() && failure == null; i++) {
          ExecutionEnvironment env = pool.create(cloud.now());
          Optional<Throwable> initError = engine.initialiseAhead(env);
          if (initError.isPresent()) {
            failure = "FUNCTION_ERROR_INIT_FAILURE";
          } else {
            pool.addReady(env);
          }
        }
        pools.put(version, pool);
      }
      if (failure != null) {
        pools.values().forEach(p -> p.recycleAll("provisioning failed"));
        pools.clear();
      } else {
        pools.forEach((version, pool) -> version.provisionedPool(qualifier, pool));
      }
      fn.provisionedState(
          qualifier,
          new FunctionImpl.ProvisionedState(
              executions, failure == null ? "READY" : "FAILED", failure, pools));
    }
    Instant now = cloud.now();
    cloud
        .journal()
        .append(
            seq ->
                new LambdaEvent.ConcurrencyChanged(
                    seq, now, fn.arn(), fn.name(), "provisioned", qualifier, executions));
    return fn.provisionedConcurrency(qualifier).orElseThrow();
  }

  /**
   * How many provisioned environments each version gets: all for a version; for a weighted alias,
   * split by the weights, as AWS allocates them.
   */
  private Map<VersionImpl, Integer> provisionedShares(
      FunctionImpl fn, String qualifier, int executions) {
    Map<VersionImpl, Integer> shares = new LinkedHashMap<>();
    Optional<VersionImpl> version = fn.version(qualifier);
    if (version.isPresent()) {
      shares.put(version.get(), executions);
      return shares;
    }
    AliasImpl alias = fn.aliasImpl(qualifier).orElseThrow(() -> notFound(fn, qualifier));
    if (alias.functionVersion().equals(FunctionImpl.LATEST)) {
      throw LambdaErrors.invalidParameter(
          "Provisioned Concurrency Configs cannot be applied to unpublished function versions.");
    }
    int extra =
        alias.additionalVersion() == null
            ? 0
            : (int) Math.round(executions * alias.additionalWeight());
    shares.put(fn.version(alias.functionVersion()).orElseThrow(), executions - extra);
    if (alias.additionalVersion() != null) {
      shares.put(fn.version(alias.additionalVersion()).orElseThrow(), extra);
    }
    return shares;
  }

  @Override
  public void deleteProvisionedConcurrencyConfig(String functionName, String qualifier) {
    FunctionImpl fn = functionImpl(functionName);
    if (fn.provisionedState(qualifier).isEmpty()) {
      throw new AwsServiceException(
          404,
          "ProvisionedConcurrencyConfigNotFoundException",
          "No Provisioned Concurrency Config found for this function");
    }
    removeProvisioned(fn, qualifier);
    Instant now = cloud.now();
    cloud
        .journal()
        .append(
            seq ->
                new LambdaEvent.ConcurrencyChanged(
                    seq, now, fn.arn(), fn.name(), "provisioned", qualifier, null));
  }

  private void removeProvisioned(FunctionImpl fn, String qualifier) {
    fn.provisionedState(qualifier)
        .ifPresent(
            state ->
                state.pools.forEach(
                    (version, pool) -> {
                      version.provisionedPool(qualifier, null);
                      pool.recycleAll("provisioned concurrency removed");
                    }));
    fn.provisionedState(qualifier, null);
  }

  @Override
  public LambdaSettings settings() {
    return limits.settings();
  }

  @Override
  public void settings(LambdaSettings settings) {
    synchronized (functions) {
      limits.settings(settings);
    }
  }

  @Override
  public void forceColdStart(String functionName) {
    FunctionImpl fn = functionImpl(functionName);
    for (FunctionConfiguration config : fn.versions()) {
      fn.version(config.version()).ifPresent(v -> v.onDemand().recycleAll("forced"));
    }
  }

  // ---- asynchronous invocation settings ---------------------------------------------------------

  @Override
  public void putFunctionEventInvokeConfig(
      String functionName, String qualifier, EventInvokeConfig config) {
    FunctionImpl fn = functionImpl(functionName);
    fn.eventInvokeConfig(
        existingQualifier(fn, qualifier), java.util.Objects.requireNonNull(config));
  }

  @Override
  public Optional<EventInvokeConfig> functionEventInvokeConfig(
      String functionName, String qualifier) {
    FunctionImpl fn = functionImpl(functionName);
    return fn.eventInvokeConfig(existingQualifier(fn, qualifier));
  }

  @Override
  public void deleteFunctionEventInvokeConfig(String functionName, String qualifier) {
    FunctionImpl fn = functionImpl(functionName);
    fn.eventInvokeConfig(existingQualifier(fn, qualifier), null);
  }

  /** The qualifier's key ({@code $LATEST} when null), checking that it exists. */
  private String existingQualifier(FunctionImpl fn, String qualifier) {
    String key = qualifier == null ? FunctionImpl.LATEST : qualifier;
    if (fn.version(key).isEmpty() && fn.aliasImpl(key).isEmpty()) {
      throw notFound(fn, key);
    }
    return key;
  }

  // ---- invoking ---------------------------------------------------------------------------------

  @Override
  public InvocationResult invoke(String functionName, String payload) {
    return invoke(InvokeRequest.function(functionName).payload(payload));
  }

  @Override
  public InvocationResult invokeAsync(String functionName, String payload) {
    return invoke(
        InvokeRequest.function(functionName).payload(payload).invocationType(InvocationType.EVENT));
  }

  @Override
  public InvocationResult invoke(InvokeRequest request) {
    Answer answer = answer(request);
    waitForResult(answer.endedAt());
    if (answer.refusal() != null) {
      throw answer.refusal();
    }
    return answer.result();
  }

  /**
   * The invoke other services make: the same checks, limits and faults, but the clock stays where
   * it is and the caller continues at the invocation's end.
   */
  private FunctionInvoker.ServiceInvocation invokeForService(
      String functionName,
      String qualifier,
      String invocationType,
      String payload,
      TraceHeader traceHeader) {
    InvokeRequest request =
        InvokeRequest.function(functionName)
            .qualifier(qualifier)
            .invocationType(invocationType(invocationType))
            .payload(payload)
            .traceHeader(traceHeader);
    Answer answer = answer(request);
    if (answer.refusal() != null) {
      throw answer.refusal();
    }
    InvocationResult r = answer.result();
    return new FunctionInvoker.ServiceInvocation(
        r.statusCode(),
        r.functionError(),
        r.executedVersion(),
        r.payload(),
        r.requestId(),
        answer.endedAt());
  }

  private static InvocationType invocationType(String awsName) {
    for (InvocationType type : InvocationType.values()) {
      if (type.awsName().equals(awsName)) {
        return type;
      }
    }
    throw new AwsServiceException(
        400,
        "ValidationException",
        "1 validation error detected: Value '"
            + awsName
            + "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value"
            + " set: [Event, RequestResponse, DryRun]");
  }

  /**
   * What {@code Invoke} answers and when: a result, or the refusal Lambda answers with once the
   * attempt is over (a throttle, a service error).
   */
  private record Answer(InvocationResult result, AwsServiceException refusal, Instant endedAt) {}

  private Answer answer(InvokeRequest request) {
    FunctionRef ref = FunctionRef.parse(request.functionName());
    if (ref.qualifier() != null
        && request.qualifier() != null
        && !ref.qualifier().equals(request.qualifier())) {
      throw LambdaErrors.invalidParameter(
          "The derived qualifier from the function name does not match the specified qualifier.");
    }
    String qualifier = request.qualifier() != null ? request.qualifier() : ref.qualifier();
    String qualifiedArn =
        cloud.arn("lambda", "function:" + ref.name())
            + ":"
            + (qualifier == null ? FunctionImpl.LATEST : qualifier);
    FunctionImpl fn =
        find(ref.name()).orElseThrow(() -> LambdaErrors.functionNotFound(qualifiedArn));
    InvokeTarget target = target(fn, qualifier);

    String body =
        request.payload() == null || request.payload().isEmpty() ? "{}" : request.payload();
    byte[] payload = body.getBytes(StandardCharsets.UTF_8);
    int limit =
        request.invocationType() == InvocationType.EVENT
            ? LambdaErrors.MAX_ASYNC_PAYLOAD
            : LambdaErrors.MAX_SYNC_PAYLOAD;
    if (payload.length > limit) {
      throw LambdaErrors.requestTooLarge(
          limit, request.invocationType() == InvocationType.EVENT ? "InvokeAsync" : "Invoke");
    }
    requireJson(payload);

    String requestId = cloud.newRequestId();
    TraceHeader trace = incomingTrace(request.traceHeader());
    switch (request.invocationType()) {
      case DRY_RUN -> {
        return new Answer(
            new InvocationResult(204, null, null, "", null, requestId), null, cloud.now());
      }
      case EVENT -> {
        async.enqueue(target, qualifier, requestId, payload, body, trace);
        return new Answer(
            new InvocationResult(202, null, null, "", null, requestId), null, cloud.now());
      }
      default -> {
        return invokeSync(target, request, requestId, payload, trace);
      }
    }
  }

  /**
   * What a call naming {@code qualifier} (null for none) runs: {@code $LATEST}, a version, or an
   * alias's version, chosen by the alias's weights from the cloud's seed.
   */
  InvokeTarget target(FunctionImpl fn, String qualifier) {
    if (qualifier == null) {
      return new InvokeTarget(fn, fn.latest(), FunctionImpl.LATEST, null, fn.arn());
    }
    Optional<VersionImpl> version = fn.version(qualifier);
    if (version.isPresent()) {
      return new InvokeTarget(fn, version.get(), qualifier, qualifier, fn.qualifiedArn(qualifier));
    }
    AliasImpl alias = fn.aliasImpl(qualifier).orElseThrow(() -> notFound(fn, qualifier));
    String chosen = alias.functionVersion();
    if (alias.additionalVersion() != null) {
      double draw;
      synchronized (cloud.randomness().routing()) {
        draw = cloud.randomness().routing().nextDouble();
      }
      if (draw < alias.additionalWeight()) {
        chosen = alias.additionalVersion();
      }
    }
    VersionImpl runs = fn.version(chosen).orElseThrow();
    return new InvokeTarget(fn, runs, qualifier, qualifier, fn.qualifiedArn(qualifier));
  }

  /**
   * Lambda refuses an event that is not one JSON value before anything runs. A streaming pass
   * checks it without building a tree the handler's deserializer would build again.
   */
  private void requireJson(byte[] payload) {
    try (JsonParser parser = cloud.json().getFactory().createParser(payload)) {
      parser.nextToken();
      parser.skipChildren();
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        throw LambdaErrors.invalidRequestContent(
            "Unexpected content after the JSON value: "
                + trailing
                + " at "
                + parser.currentLocation());
      }
    } catch (JsonProcessingException e) {
      throw LambdaErrors.invalidRequestContent(e.getOriginalMessage());
    } catch (IOException e) {
      throw LambdaErrors.invalidRequestContent(e.getMessage());
    }
  }

  private Answer invokeSync(
      InvokeTarget target,
      InvokeRequest request,
      String requestId,
      byte[] payload,
      TraceHeader trace) {
    AttemptResult result =
        engine.run(
            new Attempt(
                target,
                requestId,
                InvocationType.REQUEST_RESPONSE,
                1,
                payload,
                trace,
                request.logType()));
    switch (result.outcome()) {
      case THROTTLED -> {
        return new Answer(
            null, new TooManyRequestsException(result.throttleReason()), result.endedAt());
      }
      case SERVICE_ERROR -> {
        return new Answer(null, LambdaErrors.serviceException(), result.endedAt());
      }
      default -> {
        String logResult = request.logType() == LogType.TAIL ? tail(result.logs()) : null;
        return new Answer(
            new InvocationResult(
                200,
                result.failed() ? "Unhandled" : null,
                result.executedVersion(),
                result.payload(),
                logResult,
                requestId),
            null,
            result.endedAt());
      }
    }
  }

  /**
   * A synchronous call made by the test waits for its result, as the caller would on AWS: the clock
   * moves to the invocation's end, running whatever falls due meanwhile. A call made inside a
   * handler or a scheduled event happens at that instant and moves nothing, so that many calls can
   * start at the same instant.
   */
  private void waitForResult(Instant end) {
    Scheduler clock = cloud.scheduler();
    if (clock.mode() == TimeMode.VIRTUAL
        && !clock.inEvent()
        && !cloud.workers().isWorkerThread()
        && end.isAfter(clock.now())) {
      clock.advanceTo(end);
    }
  }

  /**
   * The trace an invocation continues: the one the caller passed, else the one of the handler
   * running on this thread, else a new one, as Lambda starts a trace when none comes in.
   */
  private TraceHeader incomingTrace(TraceHeader given) {
    if (given != null) {
      return given;
    }
    TraceHeader current = cloud.currentTrace();
    return current != null ? current : TraceHeader.root(cloud.newTraceId());
  }

  /** The last 4 KB of the log, base64-encoded, as {@code LogResult} carries it. */
  private static String tail(List<String> lines) {
    byte[] all = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    int from = Math.max(0, all.length - LOG_TAIL_BYTES);
    byte[] tail = Arrays.copyOfRange(all, from, all.length);
    return Base64.getEncoder().encodeToString(tail);
  }

  // ---- cost -------------------------------------------------------------------------------------

  @Override
  public LambdaCost cost() {
    return costOf(cloud.journal().events());
  }

  /** The cost of the invocations among {@code events}, at the current prices. */
  LambdaCost costOf(List<JournalEvent> events) {
    LambdaSettings prices = limits.settings();
    LambdaCost total = LambdaCost.ZERO;
    for (JournalEvent e : events) {
      if (e instanceof LambdaEvent.InvocationFinished f) {
        total = total.plus(LambdaCost.of(f.billedDuration().toMillis(), f.memorySize(), prices));
      }
    }
    return total;
  }

  // ---- event source mappings --------------------------------------------------------------------

  @Override
  public EventSourceMappingConfiguration createEventSourceMapping(EventSourceMappingSpec spec) {
    return eventSources.create(spec);
  }

  @Override
  public EventSourceMappingConfiguration eventSourceMapping(String uuid) {
    return eventSources.get(uuid);
  }

  @Override
  public List<EventSourceMappingConfiguration> eventSourceMappings() {
    return eventSources.list(null);
  }

  @Override
  public List<EventSourceMappingConfiguration> eventSourceMappings(String functionName) {
    return eventSources.list(functionName);
  }

  @Override
  public EventSourceMappingConfiguration updateEventSourceMapping(
      String uuid, UnaryOperator<EventSourceMappingSpec> change) {
    return eventSources.update(uuid, change);
  }

  @Override
  public EventSourceMappingConfiguration deleteEventSourceMapping(String uuid) {
    return eventSources.delete(uuid);
  }

  /** The function, version or alias a mapping names, with the timeout its queue must cover. */
  private EventSourceMappings.Functions.Target mappedFunction(String functionName) {
    FunctionRef ref = FunctionRef.parse(functionName);
    String qualifiedArn =
        cloud.arn("lambda", "function:" + ref.name())
            + (ref.qualifier() == null ? "" : ":" + ref.qualifier());
    FunctionImpl fn =
        find(ref.name()).orElseThrow(() -> LambdaErrors.functionNotFound(qualifiedArn));
    FunctionConfiguration configuration =
        ref.qualifier() == null ? fn.configuration() : fn.configuration(ref.qualifier());
    return new EventSourceMappings.Functions.Target(
        qualifiedArn, fn.name(), configuration.timeout());
  }

  // ---- function URLs ----------------------------------------------------------------------------

  /**
   * The cloud's function URLs, made on first use and closed with the cloud. They live in the
   * cloud's registry of closeable resources rather than in a field of this class, so that the HTTP
   * machinery stays in its own package ({@code urls}) and starts nothing until a URL is created.
   */
  private dev.cloudless.fakes.lambda.internal.urls.FunctionUrls functionUrls() {
    return cloud.closeWithCloud(
        dev.cloudless.fakes.lambda.internal.urls.FunctionUrls.class,
        () ->
            new dev.cloudless.fakes.lambda.internal.urls.FunctionUrls(
                cloud, this, this::invokeForFunctionUrl));
  }

  @Override
  public dev.cloudless.fakes.lambda.FunctionUrlConfig createFunctionUrlConfig(
      String functionName, String qualifier, dev.cloudless.fakes.lambda.FunctionUrlSpec spec) {
    return functionUrls().create(functionName, qualifier, spec);
  }

  @Override
  public dev.cloudless.fakes.lambda.FunctionUrlConfig functionUrlConfig(
      String functionName, String qualifier) {
    return functionUrls().get(functionName, qualifier);
  }

  @Override
  public List<dev.cloudless.fakes.lambda.FunctionUrlConfig> functionUrlConfigs(
      String functionName) {
    return functionUrls().list(functionName);
  }

  @Override
  public dev.cloudless.fakes.lambda.FunctionUrlConfig updateFunctionUrlConfig(
      String functionName,
      String qualifier,
      UnaryOperator<dev.cloudless.fakes.lambda.FunctionUrlSpec> change) {
    return functionUrls().update(functionName, qualifier, change);
  }

  @Override
  public void deleteFunctionUrlConfig(String functionName, String qualifier) {
    functionUrls().delete(functionName, qualifier);
  }

  /** Whether the HTTP server of function URLs runs: not before the first URL is created. */
  public boolean functionUrlServerStarted() {
    return functionUrls().serverStarted();
  }

  /**
   * The synchronous invoke a function URL makes: with the request id the URL already put in the
   * event (AWS gives the request, the event and the logs one id) and the URL's trace.
   */
  private InvocationResult invokeForFunctionUrl(
      String functionName, String qualifier, String requestId, String event, TraceHeader trace) {
    String qualifiedArn =
        cloud.arn("lambda", "function:" + functionName)
            + ":"
            + (qualifier == null ? FunctionImpl.LATEST : qualifier);
    FunctionImpl fn =
        find(functionName).orElseThrow(() -> LambdaErrors.functionNotFound(qualifiedArn));
    byte[] payload = event.getBytes(StandardCharsets.UTF_8);
    if (payload.length > LambdaErrors.MAX_SYNC_PAYLOAD) {
      throw LambdaErrors.requestTooLarge(LambdaErrors.MAX_SYNC_PAYLOAD, "Invoke");
    }
    InvokeRequest request = InvokeRequest.function(functionName).qualifier(qualifier);
    Answer answer = invokeSync(target(fn, qualifier), request, requestId, payload, trace);
    waitForResult(answer.endedAt());
    if (answer.refusal() != null) {
      throw answer.refusal();
    }
    return answer.result();
  }

  // ---- deployment packages and layers -----------------------------------------------------------

  private CodePackages packages;
  private dev.cloudless.fakes.s3.FakeS3 s3;

  /** Created on first use, so that a cloud without packages pays nothing for them. */
  private synchronized CodePackages packages() {
    if (packages == null) {
      packages = new CodePackages(cloud);
      packages.connectS3(s3);
    }
    return packages;
  }

  /** Where {@code FunctionCode.s3} and {@code LayerSpec.s3} read their zips. */
  public synchronized void connectS3(dev.cloudless.fakes.s3.FakeS3 s3) {
    this.s3 = s3;
    if (packages != null) {
      packages.connectS3(s3);
    }
  }

  /** Closes the class loaders of packaged functions; called when the cloud closes. */
  public void closePackages() {
    CodePackages open;
    synchronized (this) {
      open = packages;
    }
    if (open != null) {
      open.close();
    }
  }

  @Override
  public dev.cloudless.fakes.lambda.LayerVersion publishLayerVersion(
      dev.cloudless.fakes.lambda.LayerSpec spec) {
    return packages().publishLayerVersion(java.util.Objects.requireNonNull(spec, "spec"));
  }

  @Override
  public dev.cloudless.fakes.lambda.LayerVersion layerVersion(String layerVersionArn) {
    return packages().layers().get(layerVersionArn);
  }

  @Override
  public List<dev.cloudless.fakes.lambda.LayerVersion> layerVersions(String layerName) {
    return packages().layers().list(java.util.Objects.requireNonNull(layerName, "layerName"));
  }

  @Override
  public void deleteLayerVersion(String layerVersionArn) {
    packages().layers().delete(layerVersionArn);
  }
}
