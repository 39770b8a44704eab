package dev.cloudless.fakes.journal;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * One thing that happened in the cloud. Each service defines its events as records implementing
 * this interface (for example {@code LambdaEvent.InvocationFinished}); they are the single source
 * for assertions, traces and failure diagnostics.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface JournalEvent {

  /** Position in the journal, from 1, in the order events were recorded (causal order). */
  long sequence();

  /**
   * The virtual instant the event describes. Usually the clock's time when it was recorded; an
   * invocation's end is recorded when its result is known, stamped with the instant its modelled
   * duration ends.
   */
  Instant time();

  /** The ARN of the resource the event concerns. */
  String resourceArn();

  /** The X-Ray trace id of the request, or {@code null} where there is none. */
  String traceId();

  /** One line for people, such as {@code invoke charge (Event) attempt 2 FAILED ...}. */
  String summary();

  /** The event's type name, as shown in diagnostics: the record's simple name by default. */
  default String type() {
    return getClass().getSimpleName();
  }
}
