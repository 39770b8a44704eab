package dev.cloudless.fakes.stepfunctions.conformance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One recorded case of {@code shared/conformance/asl}: a definition, an input, the results its
 * tasks returned, and what AWS reported (see the folder's README.md).
 *
 * @param set {@code cases}, {@code cases_lenient} or {@code cases_docs}
 */
record ConformanceCase(String set, Path file, JsonNode json) {

  /** Numbers exact, as CHECKER.md asks: {@code 0} and {@code 0.0} stay apart. */
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  static ConformanceCase load(String set, Path file) {
    try {
      return new ConformanceCase(set, file, MAPPER.readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read conformance case " + file, e);
    }
  }

  String name() {
    return json.path("name").asText(file.getFileName().toString());
  }

  List<String> features() {
    List<String> out = new ArrayList<>();
    json.path("features").forEach(f -> out.add(f.asText()));
    if (out.isEmpty()) {
      out.add("(none)");
    }
    return out;
  }

  JsonNode definition() {
    return json.get("definition");
  }

  JsonNode input() {
    return json.get("input");
  }

  JsonNode mocks() {
    return json.path("mocks");
  }

  JsonNode expected() {
    return json.get("expected");
  }

  JsonNode wildcards() {
    return json.get("wildcards");
  }

  /**
   * When AWS ran the case: LocalStack's snapshots write {@code recorded_date} as {@code dd-MM-yyyy,
   * HH:mm:ss} (UTC).
   */
  Optional<Instant> recordedAt() {
    String text = json.path("provenance").path("recorded_date").asText("");
    try {
      return text.isEmpty()
          ? Optional.empty()
          : Optional.of(
              LocalDateTime.parse(text, RECORDED_DATE).atOffset(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static final DateTimeFormatter RECORDED_DATE =
      DateTimeFormatter.ofPattern("dd-MM-yyyy, HH:mm:ss");

  boolean gate() {
    return set.equals("cases");
  }
}
