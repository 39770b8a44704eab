package dev.cloudless.fakes.lambda.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.cloudless.fakes.clock.TimeMode;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.Scheduler;
import dev.cloudless.fakes.lambda.FakeLambda;
import dev.cloudless.fakes.lambda.FunctionConfiguration;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.lambda.InvocationResult;
import dev.cloudless.fakes.lambda.InvocationType;
import dev.cloudless.fakes.lambda.InvokeRequest;
import dev.cloudless.fakes.lambda.LambdaEvent;
import dev.cloudless.fakes.lambda.LambdaFunction;
import dev.cloudless.fakes.lambda.LogType;
import dev.cloudless.fakes.lambda.TooManyRequestsException;
import dev.cloudless.trace.TraceHeader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/** The fake Lambda: functions by name, and the synchronous and asynchronous invoke paths. */
@API(status = INTERNAL, since = "0.1")
public final class LambdaService implements FakeLambda {

  private static final int LOG_TAIL_BYTES = 4096;

  private final CloudContext cloud;
  private final InvocationEngine engine;
  private final AsyncInvoker async;
  private final Map<String, FunctionImpl> functions = new LinkedHashMap<>();

  public LambdaService(CloudContext cloud) {
    this.cloud = cloud;
    this.engine = new InvocationEngine(cloud);
    this.async = new AsyncInvoker(cloud, engine);
  }

  @Override
  public LambdaFunction create(FunctionSpec spec) {
    if (spec.handler() == null) {
      throw LambdaErrors.invalidParameter(
          "Function ["
              + spec.name()
              + "] has no handler; give one with FunctionSpec.handler(...).");
    }
    HandlerFactory handlers = new HandlerFactory(spec.handler(), spec.inputType().orElse(null));
    String arn = cloud.arn("lambda", "function:" + spec.name());
    FunctionConfiguration configuration =
        new FunctionConfiguration(
            spec.name(),
            arn,
            handlers.handlerName(),
            FunctionImpl.LATEST,
            spec.memorySize(),
            spec.timeout(),
            spec.runsFor(),
            spec.maximumRetryAttempts(),
            spec.maximumEventAge(),
            spec.deadLetterTargetArn().orElse(null));
    FunctionImpl fn = new FunctionImpl(this, cloud, configuration, handlers);
    synchronized (functions) {
      if (functions.containsKey(spec.name())) {
        throw LambdaErrors.functionExists(spec.name());
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
    return fn;
  }

  @Override
  public LambdaFunction function(String nameOrArn) {
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
    synchronized (functions) {
      return new ArrayList<>(functions.values());
    }
  }

  @Override
  public void deleteFunction(String nameOrArn) {
    LambdaFunction fn = function(nameOrArn);
    synchronized (functions) {
      functions.remove(fn.name());
    }
  }

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
    FunctionRef ref = FunctionRef.parse(request.functionName());
    if (ref.qualifier() != null
        && request.qualifier() != null
        && !ref.qualifier().equals(request.qualifier())) {
      throw LambdaErrors.invalidParameter(
          "The derived qualifier from the function name does not match the specified qualifier.");
    }
    String qualifier = request.qualifier() != null ? request.qualifier() : ref.qualifier();
    String unqualifiedArn = cloud.arn("lambda", "function:" + ref.name());
    String qualifiedArn =
        unqualifiedArn + ":" + (qualifier == null ? FunctionImpl.LATEST : qualifier);
    FunctionImpl fn =
        find(ref.name()).orElseThrow(() -> LambdaErrors.functionNotFound(qualifiedArn));
    if (qualifier != null && !qualifier.equals(FunctionImpl.LATEST)) {
      // Versions and aliases are not modelled yet: only $LATEST exists.
      throw LambdaErrors.functionNotFound(qualifiedArn);
    }
    String invokedArn = qualifier == null ? unqualifiedArn : qualifiedArn;

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
        return new InvocationResult(204, null, null, "", null, requestId);
      }
      case EVENT -> {
        async.enqueue(fn, requestId, payload, body, trace, invokedArn);
        return new InvocationResult(202, null, null, "", null, requestId);
      }
      default -> {
        return invokeSync(fn, request, requestId, payload, trace, invokedArn);
      }
    }
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

  private InvocationResult invokeSync(
      FunctionImpl fn,
      InvokeRequest request,
      String requestId,
      byte[] payload,
      TraceHeader trace,
      String invokedArn) {
    AttemptResult result =
        engine.run(
            new Attempt(
                fn,
                requestId,
                InvocationType.REQUEST_RESPONSE,
                1,
                payload,
                trace,
                invokedArn,
                request.logType()));
    waitForResult(result.endedAt());
    switch (result.outcome()) {
      case THROTTLED -> throw new TooManyRequestsException(result.throttleReason());
      case SERVICE_ERROR -> throw LambdaErrors.serviceException();
      default -> {
        String logResult = request.logType() == LogType.TAIL ? tail(result.logs()) : null;
        return new InvocationResult(
            200,
            result.failed() ? "Unhandled" : null,
            fn.version(),
            result.payload(),
            logResult,
            requestId);
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
}
