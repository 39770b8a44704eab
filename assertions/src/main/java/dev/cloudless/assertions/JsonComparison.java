package dev.cloudless.assertions;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;

import java.util.Optional;

/**
 * Semantic JSON comparison through json-unit, so that key order and whitespace do not matter and
 * the difference is described by a library that knows JSON, not by a home-made differ.
 */
final class JsonComparison {

  private JsonComparison() {}

  /**
   * json-unit's description of how {@code actual} differs from {@code expected}, if it does. An
   * actual value that is not JSON is a difference too (a body can be any text); an expected value
   * that is not JSON is a mistake in the test, so json-unit's {@link IllegalArgumentException}
   * passes through.
   */
  static Optional<String> difference(String actual, String expected) {
    try {
      assertThatJson(actual).isEqualTo(expected);
      return Optional.empty();
    } catch (AssertionError e) {
      return Optional.of(String.valueOf(e.getMessage()).strip());
    } catch (IllegalArgumentException e) {
      // json-unit throws this for either side; only the expected side can be the test's fault.
      assertThatJson(expected).isEqualTo(expected);
      return Optional.of("it is not JSON: " + e.getMessage());
    }
  }
}
