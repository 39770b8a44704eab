package dev.cloudless.fakes.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.journal.Journal;
import dev.cloudless.fakes.journal.JournalEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;
import org.apiguardian.api.API;

/** The journal's storage: an append-only list; the fakes append, everyone else reads. */
@API(status = INTERNAL, since = "0.1")
public final class JournalLog implements Journal {

  private final List<JournalEvent> events = new ArrayList<>();
  private final Instant origin;

  public JournalLog(Instant origin) {
    this.origin = origin;
  }

  @Override
  public Instant origin() {
    return origin;
  }

  /** Appends the event that {@code factory} builds for the next sequence number, and returns it. */
  public synchronized <E extends JournalEvent> E append(LongFunction<E> factory) {
    E event = factory.apply(events.size() + 1L);
    events.add(Objects.requireNonNull(event, "event"));
    return event;
  }

  @Override
  public synchronized List<JournalEvent> events() {
    return List.copyOf(events);
  }

  @Override
  public synchronized <T extends JournalEvent> List<T> events(Class<T> type) {
    List<T> result = new ArrayList<>();
    for (JournalEvent e : events) {
      if (type.isInstance(e)) {
        result.add(type.cast(e));
      }
    }
    return result;
  }

  @Override
  public synchronized List<JournalEvent> forResource(String resourceArn) {
    return events.stream().filter(e -> resourceArn.equals(e.resourceArn())).toList();
  }

  @Override
  public synchronized List<JournalEvent> forTrace(String traceId) {
    return events.stream().filter(e -> traceId.equals(e.traceId())).toList();
  }

  @Override
  public synchronized List<JournalEvent> since(long sequence) {
    int from = (int) Math.max(0, Math.min(sequence, events.size()));
    return List.copyOf(events.subList(from, events.size()));
  }

  @Override
  public synchronized int size() {
    return events.size();
  }

  @Override
  public String render(Instant origin) {
    return Journal.render(events(), origin);
  }
}
