package dev.cloudless.trace;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TraceRecorderTest {

  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private final TraceRecorder recorder = new TraceRecorder(new Random(7));
  private final TraceId trace = recorder.newTraceId(T0);

  /** An API call into a function that fails, then puts the event on a dead-letter queue. */
  private void recordScenario() {
    String gateway = recorder.newSegmentId();
    String lambda = recorder.newSegmentId();
    String function = recorder.newSegmentId();
    recorder.record(
        Segment.builder(trace, gateway, "orders-api")
            .origin("AWS::ApiGateway::Stage")
            .start(T0)
            .end(T0.plusMillis(120))
            .httpStatus(502)
            .build());
    recorder.record(
        Segment.builder(trace, lambda, "charge")
            .origin("AWS::Lambda")
            .parentId(gateway)
            .start(T0.plusMillis(10))
            .end(T0.plusMillis(110))
            .httpStatus(200)
            .build());
    recorder.record(
        Segment.builder(trace, function, "charge")
            .origin("AWS::Lambda::Function")
            .parentId(lambda)
            .start(T0.plusMillis(10))
            .end(T0.plusMillis(110))
            .annotation("operation", "Invoke (RequestResponse) attempt 1")
            .fault(new Segment.Cause("java.lang.IllegalStateException", "card declined"))
            .subsegment(
                Segment.builder(trace, recorder.newSegmentId(), "Invocation")
                    .start(T0.plusMillis(10))
                    .end(T0.plusMillis(110))
                    .build())
            .build());
    recorder.record(
        Segment.builder(trace, recorder.newSegmentId(), "charge-dlq")
            .origin("AWS::SQS::Queue")
            .parentId(function)
            .start(T0.plus(Duration.ofMinutes(3)))
            .end(T0.plus(Duration.ofMinutes(3)))
            .httpStatus(200)
            .build());
  }

  @Test
  void groupsSegmentsByTraceAndFindsTheEntryPoint() {
    recordScenario();

    Trace recorded = recorder.trace(trace).orElseThrow();

    assertThat(recorded.segments()).hasSize(4);
    assertThat(recorded.roots()).extracting(Segment::name).containsExactly("orders-api");
    assertThat(recorder.traces()).hasSize(1);
  }

  @Test
  void theTimelineShowsRelativeTimesOutcomesAndCauses() {
    recordScenario();

    String timeline = recorder.timeline(T0);

    assertThat(timeline.lines())
        .hasSize(5)
        .satisfiesExactly(
            l -> assertThat(l).startsWith("t+0.000s").contains("FAULT", "orders-api", "120.0ms"),
            l -> assertThat(l).startsWith("t+0.010s").contains("OK", "AWS::Lambda charge"),
            l ->
                assertThat(l)
                    .startsWith("t+0.010s")
                    .contains(
                        "FAULT",
                        "AWS::Lambda::Function charge",
                        "Invoke (RequestResponse) attempt 1",
                        "java.lang.IllegalStateException: card declined",
                        trace.value()),
            l -> assertThat(l).startsWith("t+0.010s").contains("  OK", "Invocation"),
            l -> assertThat(l).startsWith("t+180.000s").contains("AWS::SQS::Queue charge-dlq"));
  }

  @Test
  void theServiceMapCountsOutcomesPerServiceAndCall() {
    recordScenario();

    ServiceMap map = recorder.serviceMap();

    assertThat(map.node("charge").orElseThrow().statistics().faultCount()).isEqualTo(1);
    assertThat(map.node("charge").orElseThrow().statistics().okCount()).isEqualTo(1);
    assertThat(map.node("orders-api").orElseThrow().statistics().faultCount()).isEqualTo(1);
    assertThat(map.edge(ServiceMap.CLIENT, "orders-api")).isPresent();
    assertThat(map.edge("orders-api", "charge").orElseThrow().statistics().totalCount())
        .isEqualTo(1);
    assertThat(map.edge("charge", "charge-dlq")).isPresent();
    assertThat(map.render()).contains("orders-api -> charge");
  }

  @Test
  void exportsXRaySegmentDocuments() {
    recordScenario();

    String function = recorder.segmentDocuments().get(2);

    assertThatJson(function)
        .isEqualTo(
            "{\"name\":\"charge\",\"id\":\"${json-unit.any-string}\",\"trace_id\":\""
                + trace.value()
                + "\",\"parent_id\":\"${json-unit.any-string}\",\"start_time\":1735689600.01,"
                + "\"end_time\":1735689600.11,\"origin\":\"AWS::Lambda::Function\","
                + "\"fault\":true,\"cause\":{\"exceptions\":[{\"type\":"
                + "\"java.lang.IllegalStateException\",\"message\":\"card declined\"}]},"
                + "\"annotations\":{\"operation\":\"Invoke (RequestResponse) attempt 1\"},"
                + "\"subsegments\":[{\"name\":\"Invocation\",\"id\":\"${json-unit.any-string}\","
                + "\"start_time\":1735689600.01,\"end_time\":1735689600.11}]}");
    assertThatJson(recorder.segmentDocuments().get(0))
        .inPath("http.response.status")
        .isEqualTo(502);
  }

  @Test
  void httpStatusesSetXRayFlags() {
    Segment throttled = Segment.builder(trace, "a", "f").start(T0).httpStatus(429).build();
    Segment clientError = Segment.builder(trace, "b", "f").start(T0).httpStatus(404).build();
    Segment serverError = Segment.builder(trace, "c", "f").start(T0).httpStatus(503).build();

    assertThat(throttled.status()).isEqualTo(Segment.Status.THROTTLE);
    assertThat(throttled.error()).isTrue();
    assertThat(clientError.status()).isEqualTo(Segment.Status.ERROR);
    assertThat(serverError.status()).isEqualTo(Segment.Status.FAULT);
  }

  @Test
  void relativeTimesSwitchToDaysForLongRuns() {
    assertThat(RelativeTime.format(Duration.ofMillis(60_100))).isEqualTo("t+60.100s");
    assertThat(RelativeTime.format(Duration.ofDays(365).plusHours(1).plusMillis(5)))
        .isEqualTo("t+365d01:00:00.005");
  }

  @Test
  void theSameSeedGivesTheSameIds() {
    TraceRecorder a = new TraceRecorder(new Random(3));
    TraceRecorder b = new TraceRecorder(new Random(3));

    assertThat(a.newTraceId(T0)).isEqualTo(b.newTraceId(T0));
    assertThat(a.newSegmentId()).isEqualTo(b.newSegmentId()).hasSize(16);
  }
}
