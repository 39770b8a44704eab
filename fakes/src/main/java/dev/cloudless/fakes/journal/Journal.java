package dev.cloudless.fakes.journal;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The append-only record of everything that happened in one cloud, in order. This is a read-only
 * view: the fakes write to it, tests and assertions read it.
 *
 * <pre>{@code
 * List<LambdaEvent.InvocationFinished> attempts =
 *     cloud.journal().events(LambdaEvent.InvocationFinished.class);
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Journal {

  /** Every event so far, in order; a snapshot that later events do not change. */
  List<JournalEvent> events();

  /** The events of one type, in order. */
  <T extends JournalEvent> List<T> events(Class<T> type);

  /** The events concerning one resource. */
  List<JournalEvent> forResource(String resourceArn);

  /** The events of one trace. */
  List<JournalEvent> forTrace(String traceId);

  /** The events recorded after the one with sequence number {@code sequence}. */
  List<JournalEvent> since(long sequence);

  /** The number of events so far. */
  int size();

  /** The cloud's start instant: diagnostics show times relative to it, as {@code t+12.000s}. */
  Instant origin();

  /** {@link #render(Instant)} from the cloud's start. */
  default String render() {
    return render(origin());
  }

  /**
   * The events as text, one per line, with virtual times relative to {@code origin}:
   *
   * <pre>
   * t+0.000s    #1  FunctionCreated      charge  created (timeout 3s, memory 128 MB)
   * t+60.100s   #7  InvocationFinished   charge  invoke (Event) attempt 2 FAILED ...
   * </pre>
   */
  String render(Instant origin);

  /** {@link #render(Instant)} for a subset of events. */
  static String render(List<? extends JournalEvent> events, Instant origin) {
    return JournalText.render(events, origin);
  }
}
