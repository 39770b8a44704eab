package dev.cloudless.fakes.faults;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.journal.JournalEvent;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A fault rule fired.
 *
 * @param rule the rule as written in the DSL
 * @param hit which hit of the rule's target this was, from 1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record FaultFired(
    long sequence, Instant time, String resourceArn, String traceId, String rule, int hit)
    implements JournalEvent {

  @Override
  public String summary() {
    return "fault " + rule + " fired on hit " + hit;
  }
}
