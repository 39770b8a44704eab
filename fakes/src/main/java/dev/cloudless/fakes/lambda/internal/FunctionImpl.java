package dev.cloudless.fakes.lambda.internal;

import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.journal.Journal;
import dev.cloudless.fakes.journal.JournalEvent;
import dev.cloudless.fakes.lambda.FunctionConfiguration;
import dev.cloudless.fakes.lambda.Invocation;
import dev.cloudless.fakes.lambda.InvocationResult;
import dev.cloudless.fakes.lambda.LambdaEvent;
import dev.cloudless.fakes.lambda.LambdaFunction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A function: its configuration, its handler factory and its execution environments. */
final class FunctionImpl implements LambdaFunction {

  static final String LATEST = "$LATEST";

  private final LambdaService service;
  private final CloudContext cloud;
  private final FunctionConfiguration configuration;
  private final HandlerFactory handlers;
  private final EnvironmentPool environments;

  FunctionImpl(
      LambdaService service,
      CloudContext cloud,
      FunctionConfiguration configuration,
      HandlerFactory handlers) {
    this.service = service;
    this.cloud = cloud;
    this.configuration = configuration;
    this.handlers = handlers;
    this.environments = new EnvironmentPool(LATEST, cloud.randomness());
  }

  @Override
  public String name() {
    return configuration.functionName();
  }

  @Override
  public String arn() {
    return configuration.functionArn();
  }

  String version() {
    return LATEST;
  }

  @Override
  public Journal journal() {
    return cloud.journal();
  }

  @Override
  public FunctionConfiguration configuration() {
    return configuration;
  }

  HandlerFactory handlers() {
    return handlers;
  }

  EnvironmentPool environments() {
    return environments;
  }

  @Override
  public InvocationResult invoke(String payload) {
    return service.invoke(name(), payload);
  }

  @Override
  public InvocationResult invokeAsync(String payload) {
    return service.invokeAsync(name(), payload);
  }

  @Override
  public List<Invocation> invocations() {
    // Invocations in the order they started: a slot is taken at the start and filled at the
    // finish, so a nested invocation that finishes first still comes after its caller.
    List<Invocation> slots = new ArrayList<>();
    Map<String, Integer> slotOf = new HashMap<>();
    Map<String, LambdaEvent.InvocationStarted> started = new HashMap<>();
    for (JournalEvent e : cloud.journal().forResource(arn())) {
      if (e instanceof LambdaEvent.InvocationStarted s) {
        String key = s.requestId() + "#" + s.attempt();
        started.put(key, s);
        slotOf.put(key, slots.size());
        slots.add(null);
      } else if (e instanceof LambdaEvent.InvocationFinished f) {
        String key = f.requestId() + "#" + f.attempt();
        LambdaEvent.InvocationStarted s = started.get(key);
        Invocation invocation =
            new Invocation(
                f.requestId(),
                f.invocationType(),
                f.attempt(),
                f.startedAt(),
                f.time(),
                f.outcome(),
                f.errorType(),
                f.errorMessage(),
                s != null && s.coldStart(),
                s == null ? null : s.executedVersion(),
                f.traceId(),
                f.logs());
        Integer slot = slotOf.get(key);
        if (slot == null) {
          slots.add(invocation);
        } else {
          slots.set(slot, invocation);
        }
      } else if (e instanceof LambdaEvent.InvocationThrottled t) {
        slots.add(
            refusal(
                t.requestId(),
                t,
                t.attempt(),
                t.time(),
                Invocation.Outcome.THROTTLED,
                "TooManyRequestsException",
                t.reason()));
      } else if (e instanceof LambdaEvent.InvocationServiceError se) {
        slots.add(
            refusal(
                se.requestId(),
                se,
                se.attempt(),
                se.time(),
                Invocation.Outcome.SERVICE_ERROR,
                "ServiceException",
                "The AWS Lambda service encountered an internal error."));
      }
    }
    // An invocation still running (a caller waiting on a nested call) has no finish yet.
    return slots.stream().filter(java.util.Objects::nonNull).toList();
  }

  private static Invocation refusal(
      String requestId,
      LambdaEvent event,
      int attempt,
      Instant at,
      Invocation.Outcome outcome,
      String errorType,
      String errorMessage) {
    var type =
        event instanceof LambdaEvent.InvocationThrottled t
            ? t.invocationType()
            : ((LambdaEvent.InvocationServiceError) event).invocationType();
    return new Invocation(
        requestId,
        type,
        attempt,
        at,
        at,
        outcome,
        errorType,
        errorMessage,
        false,
        null,
        event.traceId(),
        List.of());
  }

  @Override
  public String toString() {
    return "LambdaFunction[" + name() + "]";
  }
}
