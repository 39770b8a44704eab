package dev.cloudless.fakes.stepfunctions.internal;

import dev.cloudless.trace.Segment;
import dev.cloudless.trace.TraceHeader;
import dev.cloudless.trace.TraceRecorder;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The states of one execution as X-Ray subsegments: from entered to exited, in order. */
final class StateSpans {

  private final Map<String, Deque<Instant>> open = new HashMap<>();
  private final List<Segment> closed = new ArrayList<>();

  synchronized void entered(String state, Instant at) {
    open.computeIfAbsent(state, k -> new ArrayDeque<>()).push(at);
  }

  synchronized void exited(
      String state, String type, Instant at, TraceRecorder traces, TraceHeader trace) {
    Deque<Instant> starts = open.get(state);
    Instant start = starts == null || starts.isEmpty() ? at : starts.pop();
    closed.add(
        Segment.builder(trace.root(), traces.newSegmentId(), state)
            .parentId(trace.parent())
            .namespace("aws")
            .start(start)
            .end(at)
            .annotation("state_type", type)
            .build());
  }

  synchronized List<Segment> closed() {
    return List.copyOf(closed);
  }
}
