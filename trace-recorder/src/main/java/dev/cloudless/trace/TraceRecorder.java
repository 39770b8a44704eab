package dev.cloudless.trace;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * Records X-Ray-shaped segments for every hop and derives from them a timeline (text, for failure
 * messages), a service map, and X-Ray segment documents for other tools.
 *
 * <p>The recorder reads no clock: callers pass the instants (Cloudless passes virtual time). Ids
 * come from the random source given at construction, so a seeded source gives the same ids on every
 * run. Safe to use from several threads.
 *
 * <pre>{@code
 * TraceRecorder traces = cloud.traces();
 * System.out.println(traces.timeline(cloud.clock().startTime()));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TraceRecorder {

  private final RandomGenerator ids;
  private final List<Segment> segments = new ArrayList<>();

  /** A recorder drawing trace and segment ids from {@code ids}. */
  public TraceRecorder(RandomGenerator ids) {
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  /** A new trace id stamped with {@code at}. */
  public synchronized TraceId newTraceId(Instant at) {
    return TraceId.generate(at, ids);
  }

  /** A new 16-hex-digit segment id. */
  public synchronized String newSegmentId() {
    byte[] bits = new byte[8];
    ids.nextBytes(bits);
    return HexFormat.of().formatHex(bits);
  }

  /** Adds a finished segment. */
  public synchronized void record(Segment segment) {
    segments.add(Objects.requireNonNull(segment, "segment"));
  }

  /** Every top-level segment, in the order recorded. */
  public synchronized List<Segment> segments() {
    return List.copyOf(segments);
  }

  /** Every trace, in the order their first segment was recorded. */
  public List<Trace> traces() {
    Map<TraceId, List<Segment>> byTrace = new LinkedHashMap<>();
    for (Segment s : segments()) {
      byTrace.computeIfAbsent(s.traceId(), k -> new ArrayList<>()).add(s);
    }
    List<Trace> result = new ArrayList<>();
    byTrace.forEach((id, list) -> result.add(new Trace(id, list)));
    return result;
  }

  /** The trace with this id, if any segment of it was recorded. */
  public Optional<Trace> trace(TraceId id) {
    List<Segment> list = segments().stream().filter(s -> s.traceId().equals(id)).toList();
    return list.isEmpty() ? Optional.empty() : Optional.of(new Trace(id, list));
  }

  /**
   * A text timeline of every segment, ordered by start time, with times shown relative to {@code
   * origin} (in Cloudless, the cloud's start). One line per segment, subsegments indented.
   */
  public String timeline(Instant origin) {
    return TimelineRenderer.render(segments(), origin);
  }

  /** The text timeline of one trace. */
  public String timeline(TraceId id, Instant origin) {
    return TimelineRenderer.render(
        segments().stream().filter(s -> s.traceId().equals(id)).toList(), origin);
  }

  /** The service map: one node per service, one edge per caller/callee pair, with counts. */
  public ServiceMap serviceMap() {
    return ServiceMapBuilder.build(segments());
  }

  /**
   * Every segment as an X-Ray segment document (the JSON that {@code PutTraceSegments} and the
   * daemon accept), one document per top-level segment.
   */
  public List<String> segmentDocuments() {
    return segments().stream().map(SegmentDocuments::toJson).toList();
  }
}
