package dev.cloudless.fakes.sqs.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The messages of one queue, indexed three ways: by arrival (for peeking and FIFO order), by the
 * instant they become visible (for receiving and long polling), and by the instant retention counts
 * from (for expiry). FIFO queues also index by message group. Not thread-safe: the owning queue
 * guards it with its lock.
 */
final class MessageStore {

  private static final Comparator<StoredMessage> BY_VISIBILITY =
      Comparator.comparing((StoredMessage m) -> m.visibleAt).thenComparingLong(m -> m.key);
  private static final Comparator<StoredMessage> BY_SENT =
      Comparator.comparing((StoredMessage m) -> m.sentAt).thenComparingLong(m -> m.key);
  private static final Comparator<StoredMessage> BY_KEY = Comparator.comparingLong(m -> m.key);

  private final boolean fifo;
  private final Map<Long, StoredMessage> byKey = new LinkedHashMap<>();
  private final TreeSet<StoredMessage> byVisibility = new TreeSet<>(BY_VISIBILITY);
  private final TreeSet<StoredMessage> byRetention = new TreeSet<>(BY_SENT);
  private final Map<String, TreeSet<StoredMessage>> groups = new HashMap<>();

  MessageStore(boolean fifo) {
    this.fifo = fifo;
  }

  /**
   * What a receive does: the messages to return, in order, and the messages to move to the
   * dead-letter queue instead.
   */
  record Selection(List<StoredMessage> take, List<StoredMessage> move) {
    boolean isEmpty() {
      return take.isEmpty() && move.isEmpty();
    }
  }

  void add(StoredMessage m) {
    byKey.put(m.key, m);
    byVisibility.add(m);
    byRetention.add(m);
    if (fifo) {
      groups.computeIfAbsent(m.messageGroupId, g -> new TreeSet<>(BY_KEY)).add(m);
    }
  }

  void remove(StoredMessage m) {
    if (byKey.remove(m.key) == null) {
      return;
    }
    byVisibility.remove(m);
    byRetention.remove(m);
    if (fifo) {
      TreeSet<StoredMessage> group = groups.get(m.messageGroupId);
      group.remove(m);
      if (group.isEmpty()) {
        groups.remove(m.messageGroupId);
      }
    }
  }

  StoredMessage get(long key) {
    return byKey.get(key);
  }

  boolean contains(StoredMessage m) {
    return byKey.get(m.key) == m;
  }

  /** Moves a message in the visibility index: the only field an index key can change. */
  void setVisibleAt(StoredMessage m, Instant visibleAt) {
    boolean held = byVisibility.remove(m);
    m.visibleAt = visibleAt;
    if (held) {
      byVisibility.add(m);
    }
  }

  /** Every message, in arrival order. */
  Collection<StoredMessage> all() {
    return byKey.values();
  }

  int size() {
    return byKey.size();
  }

  /** Removes and returns everything. */
  List<StoredMessage> clear() {
    List<StoredMessage> all = new ArrayList<>(byKey.values());
    byKey.clear();
    byVisibility.clear();
    byRetention.clear();
    groups.clear();
    return all;
  }

  /**
   * Removes and returns the messages whose retention period has ended by {@code now}: measured from
   * when they were first sent, so a message moved to a dead-letter queue keeps its original clock.
   */
  List<StoredMessage> expire(Instant now, Duration retention) {
    List<StoredMessage> expired = List.of();
    while (!byRetention.isEmpty()) {
      StoredMessage oldest = byRetention.first();
      if (oldest.sentAt.plus(retention).isAfter(now)) {
        break;
      }
      if (expired.isEmpty()) {
        expired = new ArrayList<>();
      }
      expired.add(oldest);
      remove(oldest);
    }
    return expired;
  }

  /** The first instant after {@code now} at which a message becomes visible, or null. */
  Instant nextVisibleAfter(Instant now) {
    StoredMessage next = byVisibility.higher(StoredMessage.probe(now));
    return next == null ? null : next.visibleAt;
  }

  /**
   * The messages a receive of up to {@code max} gets now, and those it moves to the dead-letter
   * queue on the way ({@code movesToDeadLetterQueue}). Pure: nothing changes until the caller
   * applies the selection.
   */
  Selection select(Instant now, int max, Predicate<StoredMessage> movesToDeadLetterQueue) {
    return fifo
        ? selectFifo(now, max, movesToDeadLetterQueue)
        : selectStandard(now, max, movesToDeadLetterQueue);
  }

  /** The earliest-visible messages first, ties in arrival order: deterministic delivery order. */
  private Selection selectStandard(Instant now, int max, Predicate<StoredMessage> moves) {
    List<StoredMessage> take = new ArrayList<>(Math.min(max, 10));
    List<StoredMessage> move = List.of();
    for (StoredMessage m : byVisibility) {
      if (m.visibleAt.isAfter(now)) {
        break;
      }
      if (moves.test(m)) {
        if (move.isEmpty()) {
          move = new ArrayList<>();
        }
        move.add(m);
        continue;
      }
      take.add(m);
      if (take.size() == max) {
        break;
      }
    }
    return new Selection(take, move);
  }

  /**
   * FIFO order: groups in the order of their oldest message; a group with a message in flight is
   * skipped whole; from each other group, its messages in order for as long as they are visible. So
   * a receive returns as many messages of one group as it can before it takes from the next.
   */
  private Selection selectFifo(Instant now, int max, Predicate<StoredMessage> moves) {
    List<StoredMessage> take = new ArrayList<>(Math.min(max, 10));
    List<StoredMessage> move = new ArrayList<>(0);
    Set<String> seen = new HashSet<>();
    for (StoredMessage head : byKey.values()) {
      if (!seen.add(head.messageGroupId)) {
        continue;
      }
      TreeSet<StoredMessage> group = groups.get(head.messageGroupId);
      if (inFlight(group, now)) {
        continue;
      }
      for (StoredMessage m : group) {
        if (m.visibleAt.isAfter(now)) {
          break;
        }
        if (moves.test(m)) {
          move.add(m);
          continue;
        }
        take.add(m);
        if (take.size() == max) {
          return new Selection(take, move);
        }
      }
    }
    return new Selection(take, move);
  }

  private static boolean inFlight(TreeSet<StoredMessage> group, Instant now) {
    for (StoredMessage m : group) {
      if (m.inFlight(now)) {
        return true;
      }
    }
    return false;
  }

  /** The oldest visible message, for a move task; null if none. */
  StoredMessage firstVisible(Instant now) {
    if (byVisibility.isEmpty()) {
      return null;
    }
    StoredMessage first = byVisibility.first();
    return first.visibleAt.isAfter(now) ? null : first;
  }

  int countVisible(Instant now) {
    int n = 0;
    for (StoredMessage m : byVisibility) {
      if (m.visibleAt.isAfter(now)) {
        break;
      }
      n++;
    }
    return n;
  }

  int countInFlight(Instant now) {
    int n = 0;
    for (StoredMessage m : byKey.values()) {
      if (m.inFlight(now)) {
        n++;
      }
    }
    return n;
  }

  int countDelayed(Instant now) {
    int n = 0;
    for (StoredMessage m : byKey.values()) {
      if (m.delayed(now)) {
        n++;
      }
    }
    return n;
  }

  /** The messages still waiting out the queue's delay before their first receive. */
  List<StoredMessage> waitingForQueueDelay() {
    List<StoredMessage> waiting = new ArrayList<>();
    for (Iterator<StoredMessage> it = byKey.values().iterator(); it.hasNext(); ) {
      StoredMessage m = it.next();
      if (m.waitingForQueueDelay && m.receiveCount == 0) {
        waiting.add(m);
      }
    }
    return waiting;
  }
}
