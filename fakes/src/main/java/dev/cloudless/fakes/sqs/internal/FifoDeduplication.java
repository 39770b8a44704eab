package dev.cloudless.fakes.sqs.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A FIFO queue's deduplication window: a deduplication id seen in the last 5 minutes (from the send
 * that was accepted) makes a new send a duplicate, whether or not the first message is still in the
 * queue. Not thread-safe: guarded by the queue's lock.
 */
final class FifoDeduplication {

  static final Duration WINDOW = Duration.ofMinutes(5);

  /** The message a deduplication id was first accepted for. */
  record Accepted(String messageId, String sequenceNumber, Instant at) {}

  // Insertion order is acceptance order, so expired entries are always at the front.
  private final Map<String, Accepted> accepted = new LinkedHashMap<>();

  /** The message first accepted with this key within the window, or null. */
  Accepted find(String key, Instant now) {
    prune(now);
    return accepted.get(key);
  }

  void remember(String key, String messageId, String sequenceNumber, Instant now) {
    accepted.put(key, new Accepted(messageId, sequenceNumber, now));
  }

  private void prune(Instant now) {
    for (Iterator<Accepted> it = accepted.values().iterator(); it.hasNext(); ) {
      if (it.next().at.plus(WINDOW).isAfter(now)) {
        return;
      }
      it.remove();
    }
  }
}
