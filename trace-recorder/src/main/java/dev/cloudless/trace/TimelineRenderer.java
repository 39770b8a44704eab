package dev.cloudless.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Renders segments as a text timeline, one line per segment, subsegments indented below. */
final class TimelineRenderer {

  private TimelineRenderer() {}

  static String render(List<Segment> segments, Instant origin) {
    if (segments.isEmpty()) {
      return "(no segments recorded)\n";
    }
    StringBuilder sb = new StringBuilder();
    // A stable sort keeps recording order for segments that start at the same instant.
    segments.stream()
        .sorted(Comparator.comparing(Segment::startTime))
        .forEach(s -> line(sb, s, origin, 0));
    return sb.toString();
  }

  private static void line(StringBuilder sb, Segment s, Instant origin, int depth) {
    String who = (s.origin() == null ? "" : s.origin() + " ") + s.name();
    sb.append(String.format("%-14s", RelativeTime.format(origin, s.startTime())))
        .append("  ".repeat(depth))
        .append(String.format("%-8s %-46s %10s", s.status(), who, duration(s.duration())));
    Object operation = s.annotations().get("operation");
    if (operation != null) {
      sb.append("  ").append(operation);
    }
    if (s.cause() != null) {
      sb.append("  ").append(s.cause().type());
      if (s.cause().message() != null) {
        sb.append(": ").append(firstLine(s.cause().message()));
      }
    }
    sb.append("  [").append(s.traceId().value()).append("]\n");
    for (Segment sub : s.subsegments()) {
      line(sb, sub, origin, depth + 1);
    }
  }

  private static String duration(Duration d) {
    if (d.compareTo(Duration.ofSeconds(1)) < 0) {
      return String.format("%.1fms", d.toNanos() / 1_000_000.0);
    }
    return String.format("%.3fs", d.toNanos() / 1_000_000_000.0);
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl) + " ...";
  }
}
