package dev.cloudless.fakes.lambda.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudless.fakes.faults.FaultEffect;
import dev.cloudless.fakes.faults.FaultTarget;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.Workers;
import dev.cloudless.fakes.lambda.FunctionConfiguration;
import dev.cloudless.fakes.lambda.Invocation.Outcome;
import dev.cloudless.fakes.lambda.LambdaEvent;
import dev.cloudless.trace.Segment;
import dev.cloudless.trace.TraceHeader;
import dev.cloudless.trace.TraceId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * Runs one invocation attempt: consults the fault plan, admits it against concurrency (or serves it
 * from a provisioned environment), takes an execution environment (initialising it on a cold
 * start), runs the handler on a worker thread, and records the outcome in the journal and the
 * trace.
 *
 * <p>The attempt occupies its environment and its concurrency slot for its virtual duration: Init
 * on a cold start, then the function's modelled duration at its CPU share plus injected latency,
 * capped by the timeout.
 */
final class InvocationEngine {

  /**
   * AWS's cap on the Init phase, which also bounds how long a constructor may hang in real time.
   */
  private static final Duration INIT_LIMIT = Duration.ofSeconds(10);

  private final CloudContext cloud;
  private final ConcurrencyLimits limits;
  private final ErrorPayloads errors;

  InvocationEngine(CloudContext cloud, ConcurrencyLimits limits) {
    this.cloud = cloud;
    this.limits = limits;
    this.errors = new ErrorPayloads(cloud.json());
  }

  /** Everything the attempt decided, gathered while it runs. */
  private static final class Run {
    Outcome outcome = Outcome.SUCCEEDED;
    ObjectNode error;
    String response;
    long realNanos;
    boolean reset;
  }

  AttemptResult run(Attempt attempt) {
    InvokeTarget target = attempt.target();
    FunctionImpl fn = target.function();
    VersionImpl version = target.version();
    FunctionConfiguration config = version.configuration();
    Instant start = cloud.now();
    TraceId traceId = attempt.trace().root();
    List<FaultEffect> effects =
        cloud.faults().consult(t -> targets(t, fn), fn.arn(), traceId.value());

    FaultEffect.Throttle throttle = first(effects, FaultEffect.Throttle.class);
    if (throttle != null) {
      return refused(attempt, start, Outcome.THROTTLED, 429, throttle.reason());
    }
    if (first(effects, FaultEffect.ServiceError.class) != null) {
      return refused(attempt, start, Outcome.SERVICE_ERROR, 500, null);
    }

    // A provisioned environment serves the call if one is idle; otherwise it runs on demand, if
    // concurrency allows.
    boolean forcedCold = first(effects, FaultEffect.ColdStart.class) != null;
    EnvironmentPool provisionedPool = version.provisionedPool(target.provisionedKey());
    ExecutionEnvironment env = null;
    if (provisionedPool != null && !forcedCold) {
      env = provisionedPool.acquireIdle(start, limits.settings().environmentIdleTimeout());
    }
    boolean provisioned = env != null;
    if (!provisioned) {
      String reason = limits.throttleReason(fn, start);
      if (reason != null) {
        return refused(attempt, start, Outcome.THROTTLED, 429, reason);
      }
      EnvironmentPool pool = version.onDemand();
      env = forcedCold ? null : pool.acquireIdle(start, limits.settings().environmentIdleTimeout());
      if (env == null) {
        env = pool.create(start);
      }
    }
    boolean coldStart = !env.initialised();
    ExecutionEnvironment environment = env;
    cloud
        .journal()
        .append(
            seq ->
                new LambdaEvent.InvocationStarted(
                    seq,
                    start,
                    fn.arn(),
                    traceId.value(),
                    fn.name(),
                    attempt.requestId(),
                    attempt.type(),
                    attempt.number(),
                    target.invokedArn(),
                    version.version(),
                    coldStart,
                    environment.id,
                    environment.initializationType()));

    Duration latency = Duration.ZERO;
    for (FaultEffect e : effects) {
      if (e instanceof FaultEffect.Latency l) {
        latency = latency.plus(l.delay());
      }
    }
    Duration timeout = config.timeout();
    Duration init = coldStart ? config.initDuration() : Duration.ZERO;
    String functionSegmentId = cloud.traces().newSegmentId();
    TraceHeader handlerTrace = attempt.trace().withParent(functionSegmentId);
    InvocationLog log = new InvocationLog();
    Instant invokeStart = start.plus(init);
    Run run =
        execute(attempt, env, log, handlerTrace, invokeStart.plus(timeout).minus(latency), effects);

    Duration invoke = latency.plus(config.effectiveRunsFor());
    if (run.outcome != Outcome.TIMED_OUT && invoke.compareTo(timeout) > 0) {
      run.outcome = Outcome.TIMED_OUT;
    }
    if (run.outcome == Outcome.TIMED_OUT) {
      invoke = timeout;
      run.error = errors.timeout(attempt.requestId(), timeout);
      run.response = null;
      run.reset = true;
    } else if (config.memoryUsed() > config.memorySize()) {
      // Lambda kills a runtime that outgrows its memory, whatever the handler returned.
      run.outcome = Outcome.FAILED;
      run.error =
          errors.plain(
              "Runtime.ExitError",
              "RequestId: "
                  + attempt.requestId()
                  + " Error: Runtime exited with error: signal: killed");
      run.response = null;
      run.reset = true;
    } else if (env.tmpBytes() > config.ephemeralStorage() * 1024L * 1024L) {
      run.outcome = Outcome.FAILED;
      run.error = errors.noSpaceLeft();
      run.response = null;
    }
    if (run.reset) {
      // A timeout or crash resets the environment: the next invocation initialises again, and
      // /tmp survives. An exception thrown by the handler does not reset it.
      env.reset();
    }
    Instant end = invokeStart.plus(invoke);
    (provisioned ? provisionedPool : version.onDemand()).release(env, end);
    fn.occupy(end, provisioned);

    String payload = run.error != null ? run.error.toString() : run.response;
    String errorType = run.error == null ? null : run.error.path("errorType").asText(null);
    String errorMessage = run.error == null ? null : run.error.get("errorMessage").asText();
    // Billed: the invocation rounded up to the millisecond, plus an on-demand cold start's Init.
    Duration billed =
        Duration.ofMillis(Math.max(1, ceilMillis(invoke)) + (provisioned ? 0 : ceilMillis(init)));
    List<String> logs =
        InvocationLogFormat.lines(
            attempt.requestId(),
            version.version(),
            log.lines(),
            invoke,
            billed,
            init,
            coldStart,
            config,
            run.outcome,
            end);
    Outcome outcome = run.outcome;
    Duration realDuration = Duration.ofNanos(run.realNanos);
    cloud
        .journal()
        .append(
            seq ->
                new LambdaEvent.InvocationFinished(
                    seq,
                    end,
                    fn.arn(),
                    traceId.value(),
                    fn.name(),
                    attempt.requestId(),
                    attempt.type(),
                    attempt.number(),
                    start,
                    version.version(),
                    outcome,
                    errorType,
                    errorMessage,
                    payload,
                    logs,
                    billed,
                    config.memorySize(),
                    realDuration));
    recordSegments(
        attempt,
        start,
        invokeStart,
        end,
        latency,
        coldStart,
        functionSegmentId,
        outcome,
        errorType,
        errorMessage);
    return new AttemptResult(
        outcome,
        version.version(),
        payload,
        errorType,
        errorMessage,
        start,
        end,
        logs,
        functionSegmentId,
        null);
  }

  /**
   * Initialises the environment if it needs it, then runs the handler, unless a fault replaces the
   * handler's run: then only the initialisation happens, and the fault decides the outcome.
   */
  private Run execute(
      Attempt attempt,
      ExecutionEnvironment env,
      InvocationLog log,
      TraceHeader handlerTrace,
      Instant deadline,
      List<FaultEffect> effects) {
    Run run = new Run();
    FaultEffect replacing = firstReplacing(effects);
    boolean initFailed = false;
    if (replacing == null || !env.initialised()) {
      FunctionConfiguration config = env.version.configuration();
      FakeContext context =
          new FakeContext(
              attempt.requestId(),
              config.functionName(),
              env.version.version(),
              attempt.target().invokedArn(),
              env,
              deadline,
              cloud.scheduler(),
              log,
              handlerTrace.value());
      // The wall time the handler takes is measured to report beside the virtual duration; it
      // never decides anything but the real-time guards against hung code: AWS's 10-second cap
      // on Init, then the function's timeout on the handler.
      long realStart = System.nanoTime();
      try {
        if (!env.initialised()) {
          cloud.workers().run(initTask(env, handlerTrace), INIT_LIMIT);
        }
        byte[] out =
            replacing != null
                ? null
                : cloud
                    .workers()
                    .run(
                        handlerTask(env, attempt.payload(), context, handlerTrace),
                        config.timeout());
        if (out == null) {
          // Only initialised: a fault replaces the handler's run.
        } else if (out.length > ErrorPayloads.MAX_RESPONSE_BYTES) {
          run.outcome = Outcome.FAILED;
          run.error = errors.responseTooLarge();
        } else {
          run.response = new String(out, StandardCharsets.UTF_8);
        }
      } catch (Workers.RealTimeLimitExceeded e) {
        run.outcome = Outcome.TIMED_OUT;
      } catch (ExecutionException e) {
        run.outcome = Outcome.FAILED;
        Throwable cause = e.getCause();
        initFailed = cause instanceof InitFailure;
        run.error = initFailed ? errors.initError(cause.getCause()) : errors.fromThrowable(cause);
      }
      run.realNanos = System.nanoTime() - realStart;
    }
    if (!initFailed && run.outcome == Outcome.SUCCEEDED) {
      if (replacing instanceof FaultEffect.Timeout) {
        run.outcome = Outcome.TIMED_OUT;
      } else if (replacing instanceof FaultEffect.Throw t) {
        run.outcome = Outcome.FAILED;
        run.error = errors.fromThrowable(t.exception());
      } else if (replacing instanceof FaultEffect.FunctionError f) {
        run.outcome = Outcome.FAILED;
        run.error = errors.plain(f.errorType(), f.errorMessage());
        // A runtime error such as Runtime.ExitError is a crash, and resets the environment.
        run.reset = f.errorType().startsWith("Runtime.");
      }
    }
    return run;
  }

  private Callable<byte[]> handlerTask(
      ExecutionEnvironment env, byte[] payload, FakeContext context, TraceHeader handlerTrace) {
    return () ->
        cloud.withTrace(
            handlerTrace,
            () -> {
              try {
                return env.invoker.invoke(payload, context);
              } catch (Exception | Error e) {
                throw e;
              } catch (Throwable t) {
                throw new IllegalStateException(t);
              }
            });
  }

  private Callable<Void> initTask(ExecutionEnvironment env, TraceHeader handlerTrace) {
    return () ->
        cloud.withTrace(
            handlerTrace,
            () -> {
              initialise(env);
              return null;
            });
  }

  private static void initialise(ExecutionEnvironment env) throws InitFailure {
    try {
      env.invoker = env.version.handlers().newInvoker(env);
    } catch (Throwable t) {
      throw new InitFailure(t);
    }
  }

  /**
   * Initialises an environment ahead of any invocation (provisioned concurrency), on a worker.
   * Returns what the initialisation threw, if it failed.
   */
  Optional<Throwable> initialiseAhead(ExecutionEnvironment env) {
    try {
      cloud
          .workers()
          .run(
              () -> {
                initialise(env);
                return null;
              },
              INIT_LIMIT);
      return Optional.empty();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      return Optional.of(cause instanceof InitFailure ? cause.getCause() : cause);
    } catch (Workers.RealTimeLimitExceeded e) {
      return Optional.of(e);
    }
  }

  /** Marks a failure of the handler's initialisation (its constructor), not of its invocation. */
  static final class InitFailure extends Exception {
    private static final long serialVersionUID = 1L;

    InitFailure(Throwable cause) {
      super(cause);
    }
  }

  private AttemptResult refused(
      Attempt attempt, Instant at, Outcome outcome, int status, String reason) {
    FunctionImpl fn = attempt.function();
    String traceId = attempt.trace().root().value();
    if (outcome == Outcome.THROTTLED) {
      cloud
          .journal()
          .append(
              seq ->
                  new LambdaEvent.InvocationThrottled(
                      seq,
                      at,
                      fn.arn(),
                      traceId,
                      fn.name(),
                      attempt.requestId(),
                      attempt.type(),
                      attempt.number(),
                      reason));
    } else {
      cloud
          .journal()
          .append(
              seq ->
                  new LambdaEvent.InvocationServiceError(
                      seq,
                      at,
                      fn.arn(),
                      traceId,
                      fn.name(),
                      attempt.requestId(),
                      attempt.type(),
                      attempt.number(),
                      status));
    }
    Segment.Builder segment =
        Segment.builder(attempt.trace().root(), cloud.traces().newSegmentId(), fn.name())
            .origin("AWS::Lambda")
            .parentId(attempt.trace().parent())
            .start(at)
            .end(at)
            .httpStatus(status)
            .annotation("operation", "Invoke (" + attempt.type().awsName() + ")")
            .aws("operation", "Invoke")
            .aws("request_id", attempt.requestId());
    if (outcome == Outcome.THROTTLED) {
      segment.throttle(new Segment.Cause("TooManyRequestsException", reason));
    } else {
      segment.fault(new Segment.Cause("ServiceException", "internal error"));
    }
    cloud.traces().record(segment.build());
    return new AttemptResult(outcome, null, null, null, null, at, at, List.of(), null, reason);
  }

  private void recordSegments(
      Attempt attempt,
      Instant start,
      Instant invokeStart,
      Instant end,
      Duration latency,
      boolean coldStart,
      String functionSegmentId,
      Outcome outcome,
      String errorType,
      String errorMessage) {
    FunctionImpl fn = attempt.function();
    TraceId traceId = attempt.trace().root();
    String serviceSegmentId = cloud.traces().newSegmentId();
    String operation = "Invoke (" + attempt.type().awsName() + ") attempt " + attempt.number();
    cloud
        .traces()
        .record(
            Segment.builder(traceId, serviceSegmentId, fn.name())
                .origin("AWS::Lambda")
                .parentId(attempt.trace().parent())
                .start(start)
                .end(end)
                .httpStatus(200)
                .annotation("operation", operation)
                .aws("operation", "Invoke")
                .aws("request_id", attempt.requestId())
                .build());
    Segment.Builder function =
        Segment.builder(traceId, functionSegmentId, fn.name())
            .origin("AWS::Lambda::Function")
            .parentId(serviceSegmentId)
            .start(start)
            .end(end)
            .annotation("operation", operation)
            .aws("request_id", attempt.requestId());
    if (coldStart) {
      function.subsegment(
          Segment.builder(traceId, cloud.traces().newSegmentId(), "Initialization")
              .start(start)
              .end(invokeStart)
              .build());
    }
    Instant handlerStart = invokeStart.plus(latency).isAfter(end) ? end : invokeStart.plus(latency);
    Segment.Builder invocation =
        Segment.builder(traceId, cloud.traces().newSegmentId(), "Invocation")
            .start(handlerStart)
            .end(end);
    if (outcome != Outcome.SUCCEEDED) {
      Segment.Cause cause = new Segment.Cause(errorType, errorMessage);
      function.fault(cause);
      invocation.fault(cause);
    }
    function.subsegment(invocation.build());
    cloud.traces().record(function.build());
  }

  private static long ceilMillis(Duration d) {
    return (d.toNanos() + 999_999) / 1_000_000;
  }

  private static boolean targets(FaultTarget target, FunctionImpl fn) {
    return target instanceof FaultTarget.OnFunction f
        && (f.functionName().equals(fn.name()) || f.functionName().equals(fn.arn()));
  }

  private static <T extends FaultEffect> T first(List<FaultEffect> effects, Class<T> type) {
    for (FaultEffect e : effects) {
      if (type.isInstance(e)) {
        return type.cast(e);
      }
    }
    return null;
  }

  /** The first effect that replaces the handler's run: a timeout, an exception, an error. */
  private static FaultEffect firstReplacing(List<FaultEffect> effects) {
    for (FaultEffect e : effects) {
      if (e instanceof FaultEffect.Timeout
          || e instanceof FaultEffect.Throw
          || e instanceof FaultEffect.FunctionError) {
        return e;
      }
    }
    return null;
  }
}
