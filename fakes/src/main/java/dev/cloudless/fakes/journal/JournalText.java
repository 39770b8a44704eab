package dev.cloudless.fakes.journal;

import dev.cloudless.trace.RelativeTime;
import java.time.Instant;
import java.util.List;

/** Formats journal events as lines of text; shared by the journal and by failure messages. */
final class JournalText {

  private JournalText() {}

  static String render(List<? extends JournalEvent> events, Instant origin) {
    if (events.isEmpty()) {
      return "(no events)\n";
    }
    StringBuilder sb = new StringBuilder();
    for (JournalEvent e : events) {
      sb.append(
          String.format(
              "%-14s #%-5d %-24s %s%n",
              RelativeTime.format(origin, e.time()), e.sequence(), e.type(), e.summary()));
    }
    return sb.toString();
  }
}
