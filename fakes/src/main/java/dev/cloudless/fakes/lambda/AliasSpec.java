package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An alias to create or update: a name pointing at a version, optionally with a second version that
 * receives a share of the traffic (a weighted alias, for canary releases).
 *
 * <pre>{@code
 * cloud.lambda().createAlias("charge", AliasSpec.named("live").version("1").routing("2", 0.10));
 * }</pre>
 *
 * @param name 1 to 128 letters, digits, hyphens and underscores, not only digits
 * @param functionVersion the version it points at ({@code $LATEST} or a number)
 * @param description up to 256 characters
 * @param additionalVersion the second version of a weighted alias, or {@code null}
 * @param additionalVersionWeight the share (0.0 to 1.0) of invocations that go to the second
 *     version
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record AliasSpec(
    String name,
    String functionVersion,
    String description,
    String additionalVersion,
    double additionalVersionWeight) {

  public AliasSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
  }

  /** An alias named {@code name}; give its version with {@link #version(String)}. */
  public static AliasSpec named(String name) {
    return new AliasSpec(name, null, "", null, 0.0);
  }

  /** The version the alias points at. */
  public AliasSpec version(String functionVersion) {
    return new AliasSpec(
        name,
        Objects.requireNonNull(functionVersion, "functionVersion"),
        description,
        additionalVersion,
        additionalVersionWeight);
  }

  public AliasSpec description(String description) {
    return new AliasSpec(
        name, functionVersion, description, additionalVersion, additionalVersionWeight);
  }

  /**
   * {@code RoutingConfig.AdditionalVersionWeights}: send {@code weight} (0.0 to 1.0) of the
   * invocations to {@code version} and the rest to the primary version.
   */
  public AliasSpec routing(String version, double weight) {
    return new AliasSpec(
        name, functionVersion, description, Objects.requireNonNull(version, "version"), weight);
  }

  /** No second version: every invocation goes to the primary version. */
  public AliasSpec withoutRouting() {
    return new AliasSpec(name, functionVersion, description, null, 0.0);
  }
}
