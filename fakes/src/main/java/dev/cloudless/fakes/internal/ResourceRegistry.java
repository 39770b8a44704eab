package dev.cloudless.fakes.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/** Finds delivery targets by ARN, across services. */
@API(status = INTERNAL, since = "0.1")
public final class ResourceRegistry {

  private final Map<String, MessageSink> sinks = new ConcurrentHashMap<>();

  public void register(MessageSink sink) {
    sinks.put(sink.arn(), sink);
  }

  public void unregister(String arn) {
    sinks.remove(arn);
  }

  public Optional<MessageSink> sink(String arn) {
    return Optional.ofNullable(sinks.get(arn));
  }

  private volatile FunctionInvoker functions;

  /** Set by Lambda when the cloud starts. */
  public void functions(FunctionInvoker invoker) {
    this.functions = invoker;
  }

  /** How other services invoke functions. */
  public FunctionInvoker functions() {
    if (functions == null) {
      throw new IllegalStateException("Lambda is not part of this cloud");
    }
    return functions;
  }
}
