package dev.cloudless.fakes.lambda.internal;

import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.journal.Journal;
import dev.cloudless.fakes.journal.JournalEvent;
import dev.cloudless.fakes.lambda.AliasConfiguration;
import dev.cloudless.fakes.lambda.EventInvokeConfig;
import dev.cloudless.fakes.lambda.FunctionConfiguration;
import dev.cloudless.fakes.lambda.Invocation;
import dev.cloudless.fakes.lambda.InvocationResult;
import dev.cloudless.fakes.lambda.InvocationType;
import dev.cloudless.fakes.lambda.LambdaCost;
import dev.cloudless.fakes.lambda.LambdaEvent;
import dev.cloudless.fakes.lambda.LambdaFunction;
import dev.cloudless.fakes.lambda.ProvisionedConcurrencyConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * A function: {@code $LATEST} and its published versions, aliases, reserved and provisioned
 * concurrency, asynchronous invocation settings per qualifier, and the virtual intervals of its
 * invocations in flight, which concurrency is counted on.
 */
final class FunctionImpl implements LambdaFunction {

  static final String LATEST = "$LATEST";

  private final LambdaService service;
  private final CloudContext cloud;
  private final String name;
  private final String arn;

  private VersionImpl latest;
  private final TreeMap<Integer, VersionImpl> published = new TreeMap<>();
  private final Map<String, AliasImpl> aliases = new LinkedHashMap<>();
  private Integer reserved;
  private final Map<String, ProvisionedState> provisioned = new LinkedHashMap<>();
  private final Map<String, EventInvokeConfig> eventInvokeConfigs = new HashMap<>();

  // End instants of invocations in flight. Invocations start at the clock's now, which never goes
  // back, so ends at or before a start can be dropped for good.
  private final PriorityQueue<Instant> onDemandEnds = new PriorityQueue<>();
  private final PriorityQueue<Instant> provisionedEnds = new PriorityQueue<>();

  FunctionImpl(LambdaService service, CloudContext cloud, String name, String arn) {
    this.service = service;
    this.cloud = cloud;
    this.name = name;
    this.arn = arn;
  }

  /** What a provisioned concurrency configuration holds: its request and its pools. */
  static final class ProvisionedState {
    final int requested;
    final String status;
    final String statusReason;
    final Map<VersionImpl, EnvironmentPool> pools;

    ProvisionedState(
        int requested,
        String status,
        String statusReason,
        Map<VersionImpl, EnvironmentPool> pools) {
      this.requested = requested;
      this.status = status;
      this.statusReason = statusReason;
      this.pools = pools;
    }

    int available() {
      return pools.values().stream().mapToInt(EnvironmentPool::size).sum();
    }
  }

  // ---- identity ---------------------------------------------------------------------------------

  @Override
  public String name() {
    return name;
  }

  @Override
  public String arn() {
    return arn;
  }

  String qualifiedArn(String qualifier) {
    return arn + ":" + qualifier;
  }

  @Override
  public Journal journal() {
    return cloud.journal();
  }

  // ---- versions ---------------------------------------------------------------------------------

  synchronized VersionImpl latest() {
    return latest;
  }

  synchronized void latest(VersionImpl version) {
    this.latest = version;
  }

  synchronized Optional<VersionImpl> lastPublished() {
    return published.isEmpty() ? Optional.empty() : Optional.of(published.lastEntry().getValue());
  }

  synchronized int nextVersionNumber() {
    return published.isEmpty() ? 1 : published.lastKey() + 1;
  }

  synchronized void addPublished(VersionImpl version) {
    published.put(Integer.parseInt(version.version()), version);
  }

  /** A version by {@code $LATEST} or number, if it exists. */
  synchronized Optional<VersionImpl> version(String version) {
    if (LATEST.equals(version)) {
      return Optional.of(latest);
    }
    if (version != null && version.matches("[0-9]+")) {
      try {
        return Optional.ofNullable(published.get(Integer.parseInt(version)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  @Override
  public FunctionConfiguration configuration() {
    return latest().configuration();
  }

  @Override
  public FunctionConfiguration configuration(String qualifier) {
    Optional<VersionImpl> version = version(qualifier);
    if (version.isPresent()) {
      return version.get().configuration();
    }
    AliasImpl alias = aliasImpl(qualifier).orElseThrow(() -> service.notFound(this, qualifier));
    return version(alias.functionVersion()).orElseThrow().configuration();
  }

  @Override
  public synchronized List<FunctionConfiguration> versions() {
    List<FunctionConfiguration> all = new ArrayList<>();
    all.add(latest.configuration());
    published.values().forEach(v -> all.add(v.configuration()));
    return all;
  }

  // ---- aliases ----------------------------------------------------------------------------------

  synchronized Optional<AliasImpl> aliasImpl(String aliasName) {
    return Optional.ofNullable(aliases.get(aliasName));
  }

  synchronized void alias(AliasImpl alias) {
    aliases.put(alias.name(), alias);
  }

  synchronized void removeAlias(String aliasName) {
    aliases.remove(aliasName);
  }

  synchronized boolean versionIsAliased(String version) {
    return aliases.values().stream()
        .anyMatch(
            a -> version.equals(a.functionVersion()) || version.equals(a.additionalVersion()));
  }

  @Override
  public synchronized List<AliasConfiguration> aliases() {
    return aliases.values().stream().map(this::toConfiguration).toList();
  }

  @Override
  public Optional<AliasConfiguration> alias(String aliasName) {
    return aliasImpl(aliasName).map(this::toConfiguration);
  }

  AliasConfiguration toConfiguration(AliasImpl alias) {
    return new AliasConfiguration(
        qualifiedArn(alias.name()),
        alias.name(),
        alias.functionVersion(),
        alias.description(),
        alias.weights(),
        alias.revisionId());
  }

  // ---- concurrency ------------------------------------------------------------------------------

  synchronized Integer reserved() {
    return reserved;
  }

  synchronized void reserved(Integer executions) {
    this.reserved = executions;
  }

  @Override
  public OptionalInt reservedConcurrency() {
    Integer value = reserved();
    return value == null ? OptionalInt.empty() : OptionalInt.of(value);
  }

  synchronized Optional<ProvisionedState> provisionedState(String qualifier) {
    return Optional.ofNullable(provisioned.get(qualifier));
  }

  synchronized void provisionedState(String qualifier, ProvisionedState state) {
    if (state == null) {
      provisioned.remove(qualifier);
    } else {
      provisioned.put(qualifier, state);
    }
  }

  /** Provisioned concurrency requested over every qualifier, or all but {@code except}. */
  synchronized int provisionedTotal(String except) {
    int total = 0;
    for (Map.Entry<String, ProvisionedState> e : provisioned.entrySet()) {
      if (!e.getKey().equals(except)) {
        total += e.getValue().requested;
      }
    }
    return total;
  }

  @Override
  public Optional<ProvisionedConcurrencyConfig> provisionedConcurrency(String qualifier) {
    return provisionedState(qualifier)
        .map(
            s ->
                new ProvisionedConcurrencyConfig(
                    s.requested, s.available(), s.available(), s.status, s.statusReason));
  }

  /** Invocations of this function in flight at {@code at}, on demand and provisioned. */
  synchronized int inFlight(Instant at) {
    return onDemandInFlight(at) + provisionedInFlight(at);
  }

  /** On-demand invocations in flight at {@code at}: those that draw on concurrency pools. */
  synchronized int onDemandInFlight(Instant at) {
    return prune(onDemandEnds, at);
  }

  private int provisionedInFlight(Instant at) {
    return prune(provisionedEnds, at);
  }

  private static int prune(PriorityQueue<Instant> ends, Instant at) {
    while (!ends.isEmpty() && !ends.peek().isAfter(at)) {
      ends.poll();
    }
    return ends.size();
  }

  /** Records an invocation holding its slot until {@code end}. */
  synchronized void occupy(Instant end, boolean provisionedEnvironment) {
    (provisionedEnvironment ? provisionedEnds : onDemandEnds).add(end);
  }

  // ---- asynchronous invocation settings ---------------------------------------------------------

  synchronized Optional<EventInvokeConfig> eventInvokeConfig(String qualifier) {
    return Optional.ofNullable(eventInvokeConfigs.get(qualifier));
  }

  synchronized void eventInvokeConfig(String qualifier, EventInvokeConfig config) {
    if (config == null) {
      eventInvokeConfigs.remove(qualifier);
    } else {
      eventInvokeConfigs.put(qualifier, config);
    }
  }

  // ---- invoking and reading back ----------------------------------------------------------------

  @Override
  public InvocationResult invoke(String payload) {
    return service.invoke(name, payload);
  }

  @Override
  public InvocationResult invokeAsync(String payload) {
    return service.invokeAsync(name, payload);
  }

  @Override
  public List<Invocation> invocations() {
    // Invocations in the order they started: a slot is taken at the start and filled at the
    // finish, so a nested invocation that finishes first still comes after its caller.
    List<Invocation> slots = new ArrayList<>();
    Map<String, Integer> slotOf = new HashMap<>();
    Map<String, LambdaEvent.InvocationStarted> started = new HashMap<>();
    for (JournalEvent e : cloud.journal().forResource(arn)) {
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
                f.executedVersion(),
                f.traceId(),
                f.logs(),
                f.billedDuration(),
                f.memorySize());
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
                t.invocationType(),
                t.attempt(),
                t.time(),
                t.traceId(),
                Invocation.Outcome.THROTTLED,
                "TooManyRequestsException",
                t.reason()));
      } else if (e instanceof LambdaEvent.InvocationServiceError se) {
        slots.add(
            refusal(
                se.requestId(),
                se.invocationType(),
                se.attempt(),
                se.time(),
                se.traceId(),
                Invocation.Outcome.SERVICE_ERROR,
                "ServiceException",
                "The AWS Lambda service encountered an internal error."));
      }
    }
    // An invocation still running (a caller waiting on a nested call) has no finish yet.
    return slots.stream().filter(Objects::nonNull).toList();
  }

  private static Invocation refusal(
      String requestId,
      InvocationType type,
      int attempt,
      Instant at,
      String traceId,
      Invocation.Outcome outcome,
      String errorType,
      String errorMessage) {
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
        traceId,
        List.of(),
        Duration.ZERO,
        0);
  }

  @Override
  public LambdaCost cost() {
    return service.costOf(cloud.journal().forResource(arn));
  }

  @Override
  public String toString() {
    return "LambdaFunction[" + name + "]";
  }
}
