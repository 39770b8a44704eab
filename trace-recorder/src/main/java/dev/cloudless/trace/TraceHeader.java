package dev.cloudless.trace;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The {@code X-Amzn-Trace-Id} header that carries a trace across hops: {@code
 * Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1}. It travels in HTTP
 * headers, in the {@code AWSTraceHeader} SQS system attribute and in Lambda's {@code
 * _X_AMZN_TRACE_ID}. A {@code Lineage} part added by AWS services is kept unchanged.
 *
 * @param root the trace id
 * @param parent the id of the segment that made the call, or {@code null} at the first hop
 * @param sampled whether the trace is recorded
 * @param lineage AWS's {@code Lineage} value, passed through as is, or {@code null}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TraceHeader(TraceId root, String parent, boolean sampled, String lineage) {

  /** The name of the HTTP header. */
  public static final String HTTP_HEADER = "X-Amzn-Trace-Id";

  public TraceHeader {
    Objects.requireNonNull(root, "root");
  }

  /** A sampled header for the first hop of a trace. */
  public static TraceHeader root(TraceId root) {
    return new TraceHeader(root, null, true, null);
  }

  /** The same trace, continued from the segment {@code parentSegmentId}. */
  public TraceHeader withParent(String parentSegmentId) {
    return new TraceHeader(root, parentSegmentId, sampled, lineage);
  }

  /**
   * Parses a header value. Unknown keys are ignored, as X-Ray's SDKs ignore them.
   *
   * @throws IllegalArgumentException if there is no valid {@code Root}
   */
  public static TraceHeader parse(String value) {
    return tryParse(value)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Trace header ["
                        + value
                        + "] has no valid Root; expected"
                        + " Root=1-<8 hex>-<24 hex>[;Parent=<16 hex>][;Sampled=0|1]."));
  }

  /** Parses a header value, or returns empty when it carries no valid {@code Root}. */
  public static Optional<TraceHeader> tryParse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    TraceId root = null;
    String parent = null;
    boolean sampled = true;
    String lineage = null;
    for (String part : value.split(";")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = part.substring(0, eq).trim();
      String val = part.substring(eq + 1).trim();
      switch (key) {
        case "Root" -> {
          try {
            root = TraceId.of(val);
          } catch (IllegalArgumentException e) {
            return Optional.empty();
          }
        }
        case "Parent" -> parent = val;
        case "Sampled" -> sampled = !"0".equals(val);
        case "Lineage" -> lineage = val;
        default -> {
          // Other keys are legal and ignored.
        }
      }
    }
    return root == null
        ? Optional.empty()
        : Optional.of(new TraceHeader(root, parent, sampled, lineage));
  }

  /** The header value in AWS's order: Root, Parent, Sampled, Lineage. */
  public String value() {
    StringBuilder sb = new StringBuilder("Root=").append(root.value());
    if (parent != null) {
      sb.append(";Parent=").append(parent);
    }
    sb.append(";Sampled=").append(sampled ? '1' : '0');
    if (lineage != null) {
      sb.append(";Lineage=").append(lineage);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return value();
  }
}
