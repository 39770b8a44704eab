package dev.cloudless.fakes.apigateway.internal.cache;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.apigateway.ApiResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A stage's response cache, on the virtual clock. Entries live for their method's TTL; a response
 * over 1,048,576 bytes is not stored (AWS-SEMANTICS 5.5). Source: API Gateway developer guide,
 * {@code api-gateway-caching.md}.
 */
@API(status = INTERNAL, since = "0.1")
public final class StageCache {

  /** The largest response API Gateway caches. */
  public static final int MAX_ENTRY_BYTES = 1_048_576;

  private record Entry(ApiResponse response, Instant expires) {}

  private final Map<String, Entry> entries = new HashMap<>();

  /** The live entry for {@code key}, if any. */
  public synchronized Optional<ApiResponse> lookup(String key, Instant now) {
    Entry e = entries.get(key);
    if (e == null) {
      return Optional.empty();
    }
    if (!now.isBefore(e.expires())) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(e.response());
  }

  /** Stores {@code response} for {@code ttlSeconds}; returns whether it was small enough. */
  public synchronized boolean store(String key, ApiResponse response, int ttlSeconds, Instant now) {
    if (response.body().length > MAX_ENTRY_BYTES || ttlSeconds <= 0) {
      return false;
    }
    entries.put(key, new Entry(response, now.plusSeconds(ttlSeconds)));
    return true;
  }

  public synchronized void flush() {
    entries.clear();
  }

  public synchronized int size() {
    return entries.size();
  }
}
