package dev.cloudless.fakes.stepfunctions.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code jsonEquals} and {@code matchWithTokens} of CHECKER.md: objects by key set, arrays in
 * order, numbers by value, strings exactly or through the case's wildcard tokens. A strict mode
 * also compares key order and the int/decimal form of numbers.
 */
final class JsonComparison {

  private final Map<String, String> wildcards;
  private final boolean strict;
  private final List<String> tokens;

  JsonComparison(JsonNode wildcards, boolean strict) {
    this.wildcards = new HashMap<>();
    if (wildcards != null) {
      wildcards
          .fields()
          .forEachRemaining(e -> this.wildcards.put(e.getKey(), e.getValue().asText()));
    }
    this.strict = strict;
    this.tokens = new ArrayList<>(this.wildcards.keySet());
    tokens.sort(Comparator.comparingInt(String::length).reversed());
  }

  /** The path of the first difference, or null when equal. */
  String difference(JsonNode expected, JsonNode actual, String at) {
    if (expected == null || expected.isMissingNode()) {
      expected = ConformanceCase.MAPPER.getNodeFactory().nullNode();
    }
    if (actual == null || actual.isMissingNode()) {
      return at + ": expected " + expected + " but was absent";
    }
    if (expected.isTextual()
        && wildcards.containsKey(expected.textValue())
        && actual.isValueNode()) {
      // A whole-value placeholder matches any scalar.
      return null;
    }
    if (expected.isObject()) {
      if (!actual.isObject()) {
        return at + ": expected an object but was " + actual;
      }
      if (expected.size() != actual.size()) {
        return at + ": expected keys " + keys(expected) + " but were " + keys(actual);
      }
      if (strict && !keys(expected).equals(keys(actual))) {
        return at + ": key order " + keys(actual) + " differs from AWS's " + keys(expected);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!actual.has(e.getKey())) {
          return at + ": missing key " + e.getKey();
        }
        String d = difference(e.getValue(), actual.get(e.getKey()), at + "." + e.getKey());
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (expected.isArray()) {
      if (!actual.isArray() || actual.size() != expected.size()) {
        return at + ": expected " + expected + " but was " + actual;
      }
      for (int i = 0; i < expected.size(); i++) {
        String d = difference(expected.get(i), actual.get(i), at + "[" + i + "]");
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (expected.isNumber()) {
      if (!actual.isNumber() || expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
        return at + ": expected " + expected + " but was " + actual;
      }
      if (strict && expected.isIntegralNumber() != actual.isIntegralNumber()) {
        return at + ": expected the form " + expected + " but was " + actual;
      }
      return null;
    }
    if (expected.isTextual()) {
      if (!actual.isTextual() || !textMatches(expected.textValue(), actual.textValue())) {
        return at + ": expected " + expected + " but was " + actual;
      }
      return null;
    }
    return expected.equals(actual) ? null : at + ": expected " + expected + " but was " + actual;
  }

  private static List<String> keys(JsonNode n) {
    List<String> k = new ArrayList<>();
    n.fieldNames().forEachRemaining(k::add);
    return k;
  }

  /** Exact text, or {@code matchWithTokens} when the case has wildcards. */
  boolean textMatches(String expected, String actual) {
    if (expected == null || actual == null) {
      return expected == null && actual == null;
    }
    if (tokens.isEmpty()) {
      return expected.equals(actual);
    }
    StringBuilder regex = new StringBuilder();
    int i = 0;
    int group = 0;
    outer:
    while (i < expected.length()) {
      for (String token : tokens) {
        if (expected.startsWith(token, i)) {
          regex.append("(?<g").append(group++).append('>').append(pattern(wildcards.get(token)));
          regex.append(')');
          i += token.length();
          continue outer;
        }
      }
      regex.append(Pattern.quote(String.valueOf(expected.charAt(i))));
      i++;
    }
    Matcher m = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual);
    return m.matches();
  }

  private static String pattern(String kind) {
    return switch (kind) {
      case "uuid" -> "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
      case "iso8601" ->
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})?";
      case "account_id" -> "\\d{12}";
      default -> ".+?";
    };
  }
}
