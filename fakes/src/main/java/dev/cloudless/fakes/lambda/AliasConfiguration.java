package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * An alias as {@code GetAlias} reports it.
 *
 * @param aliasArn {@code arn:aws:lambda:<region>:<account>:function:<name>:<alias>}
 * @param name the alias name
 * @param functionVersion the primary version
 * @param description the description
 * @param additionalVersionWeights the second version and its weight, empty without routing
 * @param revisionId changes with every update
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record AliasConfiguration(
    String aliasArn,
    String name,
    String functionVersion,
    String description,
    Map<String, Double> additionalVersionWeights,
    String revisionId) {

  public AliasConfiguration {
    additionalVersionWeights = Map.copyOf(additionalVersionWeights);
  }
}
