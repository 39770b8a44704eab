package dev.cloudless.trace;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One X-Ray segment (or subsegment): the work one service did for one request, with its timing,
 * outcome flags and children. Times are the virtual clock's instants when recorded by Cloudless.
 *
 * <p>The flags follow X-Ray's mapping: {@code error} for 4xx, {@code throttle} for 429 (which is
 * also an error), {@code fault} for 5xx and for function errors.
 *
 * @param id 16 hex digits
 * @param traceId the trace this segment belongs to
 * @param parentId the calling segment's id, or {@code null} for the first hop
 * @param name the service or resource name, such as a function name
 * @param origin X-Ray's resource type, such as {@code AWS::Lambda::Function}, or {@code null}
 * @param namespace {@code aws} or {@code remote} on subsegments, otherwise {@code null}
 * @param startTime when the work began
 * @param endTime when it ended
 * @param httpStatus the response status, or {@code null} where there is none
 * @param error a client error (4xx)
 * @param throttle a throttle (429)
 * @param fault a server error (5xx) or a function error
 * @param cause what went wrong, or {@code null}
 * @param annotations indexed key-values (strings, numbers, booleans)
 * @param metadata free-form values, not indexed
 * @param aws AWS-specific fields such as {@code operation}, {@code request_id}, {@code queue_url}
 * @param subsegments work done inside this segment
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Segment(
    String id,
    TraceId traceId,
    String parentId,
    String name,
    String origin,
    String namespace,
    Instant startTime,
    Instant endTime,
    Integer httpStatus,
    boolean error,
    boolean throttle,
    boolean fault,
    Cause cause,
    Map<String, Object> annotations,
    Map<String, Object> metadata,
    Map<String, Object> aws,
    List<Segment> subsegments) {

  public Segment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(endTime, "endTime");
    // Insertion order is kept so that rendered and exported documents read the same on every run.
    annotations = ordered(annotations);
    metadata = ordered(metadata);
    aws = ordered(aws);
    subsegments = subsegments.isEmpty() ? List.of() : List.copyOf(subsegments);
  }

  private static Map<String, Object> ordered(Map<String, Object> map) {
    return map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** What went wrong in a segment: the exception type and its message. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Cause(String type, String message) {}

  /** The outcome X-Ray would colour this segment with. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Status {
    OK,
    ERROR,
    THROTTLE,
    FAULT
  }

  /** Starts a segment; {@code id} is usually {@link TraceRecorder#newSegmentId()}. */
  public static Builder builder(TraceId traceId, String id, String name) {
    return new Builder(traceId, id, name);
  }

  /** The most severe flag set: fault, then throttle, then error. */
  public Status status() {
    if (fault) {
      return Status.FAULT;
    }
    if (throttle) {
      return Status.THROTTLE;
    }
    return error ? Status.ERROR : Status.OK;
  }

  /** How long the work took. */
  public Duration duration() {
    return Duration.between(startTime, endTime);
  }

  /** A mutable builder; {@link #build()} gives the immutable segment. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public static final class Builder {
    private final TraceId traceId;
    private final String id;
    private final String name;
    private String parentId;
    private String origin;
    private String namespace;
    private Instant startTime;
    private Instant endTime;
    private Integer httpStatus;
    private boolean error;
    private boolean throttle;
    private boolean fault;
    private Cause cause;
    private final Map<String, Object> annotations = new LinkedHashMap<>();
    private final Map<String, Object> metadata = new LinkedHashMap<>();
    private final Map<String, Object> aws = new LinkedHashMap<>();
    private final List<Segment> subsegments = new ArrayList<>();

    private Builder(TraceId traceId, String id, String name) {
      this.traceId = Objects.requireNonNull(traceId, "traceId");
      this.id = Objects.requireNonNull(id, "id");
      this.name = Objects.requireNonNull(name, "name");
    }

    public Builder parentId(String parentId) {
      this.parentId = parentId;
      return this;
    }

    public Builder origin(String origin) {
      this.origin = origin;
      return this;
    }

    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    public Builder start(Instant startTime) {
      this.startTime = startTime;
      return this;
    }

    public Builder end(Instant endTime) {
      this.endTime = endTime;
      return this;
    }

    /** Sets the response status and the flags X-Ray derives from it. */
    public Builder httpStatus(int status) {
      this.httpStatus = status;
      if (status == 429) {
        this.throttle = true;
        this.error = true;
      } else if (status >= 400 && status < 500) {
        this.error = true;
      } else if (status >= 500) {
        this.fault = true;
      }
      return this;
    }

    /** Marks a fault (a 5xx or a function error) with its cause. */
    public Builder fault(Cause cause) {
      this.fault = true;
      this.cause = cause;
      return this;
    }

    /** Marks a client error with its cause. */
    public Builder error(Cause cause) {
      this.error = true;
      this.cause = cause;
      return this;
    }

    /** Marks a throttle with its cause. */
    public Builder throttle(Cause cause) {
      this.throttle = true;
      this.error = true;
      this.cause = cause;
      return this;
    }

    public Builder annotation(String key, Object value) {
      annotations.put(key, value);
      return this;
    }

    public Builder metadata(String key, Object value) {
      metadata.put(key, value);
      return this;
    }

    public Builder aws(String key, Object value) {
      aws.put(key, value);
      return this;
    }

    public Builder subsegment(Segment subsegment) {
      subsegments.add(subsegment);
      return this;
    }

    public Segment build() {
      Instant start = Objects.requireNonNull(startTime, "startTime");
      Instant end = endTime == null ? start : endTime;
      return new Segment(
          id,
          traceId,
          parentId,
          name,
          origin,
          namespace,
          start,
          end,
          httpStatus,
          error,
          throttle,
          fault,
          cause,
          annotations,
          metadata,
          aws,
          subsegments);
    }
  }
}
