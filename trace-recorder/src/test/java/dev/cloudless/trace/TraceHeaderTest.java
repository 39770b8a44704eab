package dev.cloudless.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TraceHeaderTest {

  @Test
  void generatedTraceIdsCarryTheEpochSecondsAnd96RandomBits() {
    Instant at = Instant.parse("2016-06-09T22:11:20Z");

    TraceId id = TraceId.generate(at, new Random(1));

    assertThat(id.value()).matches("1-5759e988-[0-9a-f]{24}");
    assertThat(id.epochTime()).isEqualTo(at);
    assertThat(TraceId.generate(at, new Random(1))).isEqualTo(id);
    assertThat(TraceId.generate(at, new Random(2))).isNotEqualTo(id);
  }

  @Test
  void malformedTraceIdsAreRefusedWithTheExpectedShape() {
    assertThatThrownBy(() -> TraceId.of("1-xyz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[1-xyz]")
        .hasMessageContaining("1-<8 hex digits>-<24 hex digits>");
  }

  @Test
  void parsesAndWritesAwsHeaderKeepingLineage() {
    String value =
        "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1;"
            + "Lineage=a87bd80c:1|68fd508a:5";

    TraceHeader header = TraceHeader.parse(value);

    assertThat(header.root().value()).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
    assertThat(header.parent()).isEqualTo("53995c3f42cd8ad8");
    assertThat(header.sampled()).isTrue();
    assertThat(header.lineage()).isEqualTo("a87bd80c:1|68fd508a:5");
    assertThat(header.value()).isEqualTo(value);
  }

  @Test
  void continuingATraceKeepsTheRootAndReplacesTheParent() {
    TraceHeader header = TraceHeader.root(TraceId.of("1-5759e988-bd862e3fe1be46a994272793"));

    assertThat(header.value()).isEqualTo("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
    assertThat(header.withParent("0123456789abcdef").value())
        .isEqualTo("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=0123456789abcdef;Sampled=1");
  }

  @Test
  void aHeaderWithoutValidRootDoesNotParse() {
    assertThat(TraceHeader.tryParse("Parent=53995c3f42cd8ad8;Sampled=1")).isEmpty();
    assertThat(TraceHeader.tryParse("Root=nope")).isEmpty();
    assertThat(TraceHeader.tryParse(null)).isEmpty();
    assertThatThrownBy(() -> TraceHeader.parse("Sampled=0")).hasMessageContaining("no valid Root");
  }

  @Test
  void sampledZeroIsKept() {
    assertThat(TraceHeader.parse("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=0").sampled())
        .isFalse();
  }
}
