package dev.cloudless.trace;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The services a set of traces touched and the calls between them, with X-Ray's counts: {@code
 * total = ok + error + fault}, where throttles are counted among errors.
 *
 * @param nodes one per service (name and origin)
 * @param edges one per caller/callee pair
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ServiceMap(List<Node> nodes, List<Edge> edges) {

  /** The name of the virtual node standing for callers outside the traces (a test, a client). */
  public static final String CLIENT = "client";

  public ServiceMap {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /** The node with this name, if any. */
  public Optional<Node> node(String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
  }

  /** The edge from {@code caller} to {@code callee}, if any call was recorded. */
  public Optional<Edge> edge(String caller, String callee) {
    return edges.stream().filter(e -> e.from().equals(caller) && e.to().equals(callee)).findFirst();
  }

  /** Counts of outcomes for a node or an edge. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Statistics(
      int okCount, int errorCount, int throttleCount, int faultCount, Duration totalResponseTime) {

    /** Ok plus error plus fault; throttles are already among the errors. */
    public int totalCount() {
      return okCount + errorCount + faultCount;
    }
  }

  /**
   * A service.
   *
   * @param name the service name ({@link #CLIENT} for outside callers)
   * @param type X-Ray's type, such as {@code AWS::Lambda::Function}, or {@code client}
   * @param statistics outcomes of the segments recorded for it
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Node(String name, String type, Statistics statistics) {}

  /**
   * Calls from one service to another.
   *
   * @param from the caller's node name
   * @param to the callee's node name
   * @param statistics outcomes of the calls, seen from the callee's segments
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Edge(String from, String to, Statistics statistics) {}

  /** A plain-text rendering: nodes with their counts, then edges. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    for (Node n : nodes) {
      sb.append(String.format("%-40s %-24s %s%n", n.name(), n.type(), counts(n.statistics())));
    }
    for (Edge e : edges) {
      sb.append(String.format("%s -> %s  %s%n", e.from(), e.to(), counts(e.statistics())));
    }
    return sb.toString();
  }

  private static String counts(Statistics s) {
    return String.format(
        "total=%d ok=%d error=%d throttle=%d fault=%d",
        s.totalCount(), s.okCount(), s.errorCount(), s.throttleCount(), s.faultCount());
  }
}
