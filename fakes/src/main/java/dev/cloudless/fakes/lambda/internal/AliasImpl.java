package dev.cloudless.fakes.lambda.internal;

import java.util.Map;

/**
 * An alias: a name for a version, optionally with a second version taking a share of the traffic.
 *
 * @param name the alias name
 * @param functionVersion the primary version
 * @param description the description
 * @param additionalVersion the second version, or null
 * @param additionalWeight the second version's share, 0.0 to 1.0
 * @param revisionId changes with every update
 */
record AliasImpl(
    String name,
    String functionVersion,
    String description,
    String additionalVersion,
    double additionalWeight,
    String revisionId) {

  Map<String, Double> weights() {
    return additionalVersion == null ? Map.of() : Map.of(additionalVersion, additionalWeight);
  }
}
