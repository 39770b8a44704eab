package dev.cloudless.fakes.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Finds delivery targets by ARN, across services. */
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
}
