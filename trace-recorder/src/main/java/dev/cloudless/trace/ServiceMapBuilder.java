package dev.cloudless.trace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Derives a {@link ServiceMap} from top-level segments and their parent links. */
final class ServiceMapBuilder {

  private ServiceMapBuilder() {}

  static ServiceMap build(List<Segment> segments) {
    Map<String, Segment> byId = new HashMap<>();
    for (Segment s : segments) {
      byId.put(s.id(), s);
      for (Segment sub : s.subsegments()) {
        // A call made from inside a subsegment is attributed to the segment that holds it.
        byId.putIfAbsent(sub.id(), s);
      }
    }
    Map<String, Counter> nodes = new LinkedHashMap<>();
    Map<String, String> types = new LinkedHashMap<>();
    Map<List<String>, Counter> edges = new LinkedHashMap<>();
    for (Segment s : segments) {
      String node = s.name();
      types.putIfAbsent(node, s.origin() == null ? "unknown" : s.origin());
      nodes.computeIfAbsent(node, k -> new Counter()).add(s);
      Segment parent = s.parentId() == null ? null : byId.get(s.parentId());
      String caller = parent == null ? ServiceMap.CLIENT : parent.name();
      if (parent == null) {
        types.putIfAbsent(ServiceMap.CLIENT, ServiceMap.CLIENT);
        nodes.computeIfAbsent(ServiceMap.CLIENT, k -> new Counter());
      }
      if (!caller.equals(node)) {
        edges.computeIfAbsent(List.of(caller, node), k -> new Counter()).add(s);
      }
    }
    List<ServiceMap.Node> nodeList = new ArrayList<>();
    nodes.forEach((name, c) -> nodeList.add(new ServiceMap.Node(name, types.get(name), c.stats())));
    List<ServiceMap.Edge> edgeList = new ArrayList<>();
    edges.forEach((k, c) -> edgeList.add(new ServiceMap.Edge(k.get(0), k.get(1), c.stats())));
    return new ServiceMap(nodeList, edgeList);
  }

  private static final class Counter {
    int ok;
    int error;
    int throttle;
    int fault;
    Duration time = Duration.ZERO;

    void add(Segment s) {
      switch (s.status()) {
        case OK -> ok++;
        case ERROR -> error++;
        case THROTTLE -> {
          error++;
          throttle++;
        }
        case FAULT -> fault++;
      }
      time = time.plus(s.duration());
    }

    ServiceMap.Statistics stats() {
      return new ServiceMap.Statistics(ok, error, throttle, fault, time);
    }
  }
}
