package dev.cloudless.fakes.lambda.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudless.fakes.faults.FaultEffect;
import dev.cloudless.fakes.faults.FaultTarget;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.Workers;
import dev.cloudless.fakes.lambda.Invocation.Outcome;
import dev.cloudless.fakes.lambda.LambdaEvent;
import dev.cloudless.trace.Segment;
import dev.cloudless.trace.TraceHeader;
import dev.cloudless.trace.TraceId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * Runs one invocation attempt: consults the fault plan, takes an execution environment
 * (initialising it on a cold start), runs the handler on a worker thread, and records the outcome
 * in the journal and the trace. The attempt occupies the environment for its virtual duration: the
 * function's modelled duration plus injected latency, capped by the timeout.
 */
final class InvocationEngine {

  private final CloudContext cloud;
  private final ErrorPayloads errors;

  InvocationEngine(CloudContext cloud) {
    this.cloud = cloud;
    this.errors = new ErrorPayloads(cloud.json());
  }

  AttemptResult run(Attempt attempt) {
    FunctionImpl fn = attempt.function();
    Instant start = cloud.now();
    TraceId traceId = attempt.trace().root();
    List<FaultEffect> effects =
        cloud.faults().consult(target -> targets(target, fn), fn.arn(), traceId.value());

    FaultEffect.Throttle throttle = first(effects, FaultEffect.Throttle.class);
    if (throttle != null) {
      return refused(attempt, start, Outcome.THROTTLED, 429, throttle.reason());
    }
    if (first(effects, FaultEffect.ServiceError.class) != null) {
      return refused(attempt, start, Outcome.SERVICE_ERROR, 500, null);
    }

    ExecutionEnvironment env = fn.environments().acquire(start);
    boolean coldStart = !env.initialised();
    String version = fn.version();
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
                    version,
                    coldStart));

    Duration latency = Duration.ZERO;
    for (FaultEffect e : effects) {
      if (e instanceof FaultEffect.Latency l) {
        latency = latency.plus(l.delay());
      }
    }
    Duration timeout = fn.configuration().timeout();
    String functionSegmentId = cloud.traces().newSegmentId();
    TraceHeader handlerTrace = attempt.trace().withParent(functionSegmentId);
    InvocationLog log = new InvocationLog();

    Outcome outcome = Outcome.SUCCEEDED;
    ObjectNode error = null;
    String response = null;
    Duration virtual = latency.plus(fn.configuration().runsFor());
    long realNanos = 0;

    FaultEffect replacing = firstOf(effects);
    boolean initFailed = false;
    if (replacing == null || !env.initialised()) {
      FakeContext context =
          new FakeContext(
              attempt.requestId(),
              fn.name(),
              version,
              attempt.invokedArn(),
              env.logStreamName,
              fn.configuration().memorySize(),
              start.plus(timeout).minus(latency),
              cloud.scheduler(),
              log,
              handlerTrace.value());
      // The wall time the handler takes is measured to report beside the virtual duration; it
      // never decides anything but the real-time guard against hung code.
      long realStart = System.nanoTime();
      try {
        byte[] out =
            cloud
                .workers()
                .run(
                    handlerTask(
                        fn, env, attempt.payload(), context, handlerTrace, replacing == null),
                    timeout);
        if (out == null) {
          // Only initialised: a fault replaces the handler's run.
        } else if (out.length > ErrorPayloads.MAX_RESPONSE_BYTES) {
          outcome = Outcome.FAILED;
          error = errors.responseTooLarge();
        } else {
          response = new String(out, StandardCharsets.UTF_8);
        }
      } catch (Workers.RealTimeLimitExceeded e) {
        outcome = Outcome.TIMED_OUT;
      } catch (ExecutionException e) {
        outcome = Outcome.FAILED;
        Throwable cause = e.getCause();
        initFailed = cause instanceof InitFailure;
        error = initFailed ? errors.initError(cause.getCause()) : errors.fromThrowable(cause);
      }
      realNanos = System.nanoTime() - realStart;
    }
    if (!initFailed && outcome == Outcome.SUCCEEDED) {
      if (replacing instanceof FaultEffect.Timeout) {
        outcome = Outcome.TIMED_OUT;
      } else if (replacing instanceof FaultEffect.Throw t) {
        outcome = Outcome.FAILED;
        error = errors.fromThrowable(t.exception());
      } else if (replacing instanceof FaultEffect.FunctionError f) {
        outcome = Outcome.FAILED;
        error = errors.plain(f.errorType(), f.errorMessage());
      }
    }
    if (outcome != Outcome.TIMED_OUT && virtual.compareTo(timeout) > 0) {
      outcome = Outcome.TIMED_OUT;
    }
    if (outcome == Outcome.TIMED_OUT) {
      virtual = timeout;
      error = errors.timeout(attempt.requestId(), timeout);
      response = null;
    }
    if (outcome == Outcome.TIMED_OUT
        || (replacing instanceof FaultEffect.FunctionError f
            && f.errorType().startsWith("Runtime."))) {
      // A timeout or a runtime crash resets the environment: the next invocation initialises
      // again. An exception thrown by the handler does not.
      env.reset();
    }
    Instant end = start.plus(virtual);
    fn.environments().release(env, end);

    String payload = error != null ? error.toString() : response;
    String errorType = error == null ? null : error.get("errorType").asText();
    String errorMessage = error == null ? null : error.get("errorMessage").asText();
    List<String> logs =
        logLines(attempt.requestId(), version, log.lines(), virtual, fn, outcome, end);
    Outcome finalOutcome = outcome;
    Duration realDuration = Duration.ofNanos(realNanos);
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
                    finalOutcome,
                    errorType,
                    errorMessage,
                    payload,
                    logs,
                    realDuration));
    recordSegments(
        attempt,
        fn,
        start,
        end,
        latency,
        coldStart,
        functionSegmentId,
        outcome,
        errorType,
        errorMessage);
    return new AttemptResult(
        outcome, payload, errorType, errorMessage, start, end, logs, functionSegmentId, null);
  }

  private Callable<byte[]> handlerTask(
      FunctionImpl fn,
      ExecutionEnvironment env,
      byte[] payload,
      FakeContext context,
      TraceHeader handlerTrace,
      boolean invokeHandler) {
    return () ->
        cloud.withTrace(
            handlerTrace,
            () -> {
              if (!env.initialised()) {
                try {
                  env.invoker = fn.handlers().newInvoker();
                } catch (Throwable t) {
                  throw new InitFailure(t);
                }
              }
              if (!invokeHandler) {
                return null;
              }
              try {
                return env.invoker.invoke(payload, context);
              } catch (Exception | Error e) {
                throw e;
              } catch (Throwable t) {
                throw new IllegalStateException(t);
              }
            });
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
    return new AttemptResult(outcome, null, null, null, at, at, List.of(), null, reason);
  }

  private void recordSegments(
      Attempt attempt,
      FunctionImpl fn,
      Instant start,
      Instant end,
      Duration latency,
      boolean coldStart,
      String functionSegmentId,
      Outcome outcome,
      String errorType,
      String errorMessage) {
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
              .end(start)
              .build());
    }
    Segment.Builder invocation =
        Segment.builder(traceId, cloud.traces().newSegmentId(), "Invocation")
            .start(start.plus(latency).isAfter(end) ? end : start.plus(latency))
            .end(end);
    if (outcome != Outcome.SUCCEEDED) {
      Segment.Cause cause = new Segment.Cause(errorType, errorMessage);
      function.fault(cause);
      invocation.fault(cause);
    }
    function.subsegment(invocation.build());
    cloud.traces().record(function.build());
  }

  /**
   * The invocation's log as Lambda writes it: START, the handler's lines, END and REPORT (TAB
   * separated, durations with two decimals, billed duration rounded up to the millisecond).
   */
  private static List<String> logLines(
      String requestId,
      String version,
      List<String> handlerLines,
      Duration duration,
      FunctionImpl fn,
      Outcome outcome,
      Instant end) {
    List<String> lines = new ArrayList<>(handlerLines.size() + 4);
    lines.add("START RequestId: " + requestId + " Version: " + version);
    lines.addAll(handlerLines);
    if (outcome == Outcome.TIMED_OUT) {
      lines.add(
          end + " " + requestId + " " + ErrorPayloads.timeoutText(fn.configuration().timeout()));
    }
    lines.add("END RequestId: " + requestId);
    long nanos = duration.toNanos();
    long billedMillis = Math.max(1, (nanos + 999_999) / 1_000_000);
    StringBuilder report =
        new StringBuilder(120)
            .append("REPORT RequestId: ")
            .append(requestId)
            .append("\tDuration: ");
    appendTwoDecimals(report, nanos)
        .append(" ms\tBilled Duration: ")
        .append(billedMillis)
        .append(" ms\tMemory Size: ")
        .append(fn.configuration().memorySize())
        .append(" MB\t");
    if (outcome == Outcome.TIMED_OUT) {
      report.append("Status: timeout");
    }
    lines.add(report.toString());
    return lines;
  }

  /** Milliseconds with two decimals, rounded half up, as the REPORT line writes durations. */
  private static StringBuilder appendTwoDecimals(StringBuilder sb, long nanos) {
    long hundredths = (nanos + 5_000) / 10_000;
    long fraction = hundredths % 100;
    return sb.append(hundredths / 100)
        .append('.')
        .append(fraction < 10 ? "0" : "")
        .append(fraction);
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
  private static FaultEffect firstOf(List<FaultEffect> effects) {
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
