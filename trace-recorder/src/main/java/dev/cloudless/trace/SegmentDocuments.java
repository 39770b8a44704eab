package dev.cloudless.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;

/** Writes segments as X-Ray segment documents (the JSON of {@code PutTraceSegments}). */
final class SegmentDocuments {

  // Immutable after construction and thread-safe: shared, not mutable state.
  private static final ObjectMapper JSON = new ObjectMapper();

  private SegmentDocuments() {}

  static String toJson(Segment segment) {
    try {
      return JSON.writeValueAsString(node(segment, false));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode node(Segment s, boolean sub) {
    ObjectNode n = JSON.createObjectNode();
    n.put("name", s.name());
    n.put("id", s.id());
    if (!sub) {
      n.put("trace_id", s.traceId().value());
      if (s.parentId() != null) {
        n.put("parent_id", s.parentId());
      }
    }
    n.put("start_time", epochSeconds(s.startTime()));
    n.put("end_time", epochSeconds(s.endTime()));
    if (s.origin() != null) {
      n.put("origin", s.origin());
    }
    if (s.namespace() != null) {
      n.put("namespace", s.namespace());
    }
    if (s.httpStatus() != null) {
      n.putObject("http").putObject("response").put("status", s.httpStatus());
    }
    if (s.error()) {
      n.put("error", true);
    }
    if (s.throttle()) {
      n.put("throttle", true);
    }
    if (s.fault()) {
      n.put("fault", true);
    }
    if (s.cause() != null) {
      ObjectNode exception = n.putObject("cause").putArray("exceptions").addObject();
      exception.put("type", s.cause().type());
      exception.put("message", s.cause().message());
    }
    if (!s.annotations().isEmpty()) {
      n.set("annotations", JSON.valueToTree(s.annotations()));
    }
    if (!s.metadata().isEmpty()) {
      n.putObject("metadata").set("default", JSON.valueToTree(s.metadata()));
    }
    if (!s.aws().isEmpty()) {
      n.set("aws", JSON.valueToTree(s.aws()));
    }
    if (!s.subsegments().isEmpty()) {
      var array = n.putArray("subsegments");
      s.subsegments().forEach(child -> array.add(node(child, true)));
    }
    return n;
  }

  /** Epoch seconds with microsecond precision, as X-Ray writes them. */
  private static BigDecimal epochSeconds(Instant t) {
    return BigDecimal.valueOf(t.getEpochSecond())
        .add(BigDecimal.valueOf(t.getNano() / 1000, 6))
        .stripTrailingZeros();
  }
}
