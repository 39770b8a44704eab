package dev.cloudless.fakes.lambda.internal;

import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.lambda.FunctionConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One version of a function: {@code $LATEST} or a published number. Its configuration and code
 * never change; updating {@code $LATEST} replaces its {@code VersionImpl}, and with it the
 * execution environments.
 */
final class VersionImpl {

  private final FunctionImpl function;
  private final FunctionConfiguration configuration;
  private final HandlerFactory handlers;
  private final EnvironmentPool onDemand;

  /** Provisioned environments, per qualifier (alias name or version number) they serve. */
  private final Map<String, EnvironmentPool> provisioned = new LinkedHashMap<>();

  VersionImpl(
      CloudContext cloud,
      FunctionImpl function,
      FunctionConfiguration configuration,
      HandlerFactory handlers) {
    this.function = function;
    this.configuration = configuration;
    this.handlers = handlers;
    this.onDemand = new EnvironmentPool(cloud, this, false);
  }

  FunctionImpl function() {
    return function;
  }

  String version() {
    return configuration.version();
  }

  FunctionConfiguration configuration() {
    return configuration;
  }

  HandlerFactory handlers() {
    return handlers;
  }

  EnvironmentPool onDemand() {
    return onDemand;
  }

  synchronized EnvironmentPool provisionedPool(String qualifier) {
    return qualifier == null ? null : provisioned.get(qualifier);
  }

  synchronized void provisionedPool(String qualifier, EnvironmentPool pool) {
    if (pool == null) {
      provisioned.remove(qualifier);
    } else {
      provisioned.put(qualifier, pool);
    }
  }

  /** Recycles every environment of this version, on demand and provisioned. */
  void recycleAll(String reason) {
    onDemand.recycleAll(reason);
    Map<String, EnvironmentPool> pools;
    synchronized (this) {
      pools = Map.copyOf(provisioned);
    }
    pools.values().forEach(p -> p.recycleAll(reason));
  }

  @Override
  public String toString() {
    return configuration.functionName() + ":" + version();
  }
}
