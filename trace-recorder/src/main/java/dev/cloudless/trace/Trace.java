package dev.cloudless.trace;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * All segments recorded under one trace id, in the order they were recorded.
 *
 * @param id the trace id
 * @param segments its segments
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Trace(TraceId id, List<Segment> segments) {

  public Trace {
    segments = List.copyOf(segments);
  }

  /** The segments that no other segment of this trace called: where the request entered. */
  public List<Segment> roots() {
    return segments.stream()
        .filter(s -> s.parentId() == null || segment(s.parentId()).isEmpty())
        .toList();
  }

  /** The segments whose parent is {@code segmentId}. */
  public List<Segment> children(String segmentId) {
    return segments.stream().filter(s -> segmentId.equals(s.parentId())).toList();
  }

  /** The segment with this id, searching top-level segments only. */
  public Optional<Segment> segment(String segmentId) {
    return segments.stream().filter(s -> s.id().equals(segmentId)).findFirst();
  }
}
