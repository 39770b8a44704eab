package dev.cloudless.junit;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.clock.TimeMode;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The settings one cloud is built with. Each comes from a layer (the builder, then annotations,
 * then configuration parameters); what no layer sets keeps {@link FakeCloud}'s default. A value
 * keeps the place it was written, so that a bad one is reported there.
 */
final class CloudSettings {

  static final String REGION_KEY = "cloudless.region";
  static final String ACCOUNT_ID_KEY = "cloudless.account-id";
  static final String SEED_KEY = "cloudless.seed";
  static final String TIME_MODE_KEY = "cloudless.time-mode";

  /** The seed value that asks for a fresh seed per cloud. */
  static final String RANDOM_SEED = "random";

  private CloudSettings() {}

  /** A value as written, and where: {@code configuration parameter cloudless.seed}. */
  record Setting(String value, String source) {}

  /** One layer of settings; {@code null} means the layer does not set it. */
  record Layer(Setting region, Setting accountId, Setting seed, Setting timeMode) {

    static final Layer EMPTY = new Layer(null, null, null, null);

    /** This layer's values, and {@code lower}'s where this one has none. */
    Layer over(Layer lower) {
      return new Layer(
          region != null ? region : lower.region,
          accountId != null ? accountId : lower.accountId,
          seed != null ? seed : lower.seed,
          timeMode != null ? timeMode : lower.timeMode);
    }
  }

  /** A cloud builder with every setting applied, and whether its seed was drawn at random. */
  record Configured(FakeCloud.Builder builder, boolean randomSeed) {}

  /** The layer of one {@code @CloudlessTest}, found {@code where} ("on class ..."). */
  static Layer fromAnnotation(CloudlessTest annotation, String where) {
    long[] seeds = annotation.seed();
    TimeMode[] modes = annotation.timeMode();
    if (seeds.length > 1 || modes.length > 1) {
      throw new ExtensionConfigurationException(
          "Invalid Cloudless setting: @CloudlessTest "
              + where
              + " gives "
              + (seeds.length > 1 ? seeds.length + " seeds" : modes.length + " time modes")
              + "; give at most one, such as seed = 42 or timeMode = TimeMode.REAL.");
    }
    String source = "@CloudlessTest(%s) " + where;
    return new Layer(
        annotation.region().isEmpty()
            ? null
            : new Setting(annotation.region(), source.formatted("region")),
        annotation.accountId().isEmpty()
            ? null
            : new Setting(annotation.accountId(), source.formatted("accountId")),
        seeds.length == 0 ? null : new Setting(Long.toString(seeds[0]), source.formatted("seed")),
        modes.length == 0 ? null : new Setting(modes[0].name(), source.formatted("timeMode")));
  }

  /**
   * The layer of configuration parameters: {@code junit-platform.properties}, system properties and
   * the launcher's own, as JUnit merges them. A blank value counts as not set.
   */
  static Layer fromConfiguration(ExtensionContext context) {
    return new Layer(
        parameter(context, REGION_KEY),
        parameter(context, ACCOUNT_ID_KEY),
        parameter(context, SEED_KEY),
        parameter(context, TIME_MODE_KEY));
  }

  private static Setting parameter(ExtensionContext context, String key) {
    return context
        .getConfigurationParameter(key)
        .map(String::trim)
        .filter(value -> !value.isEmpty())
        .map(value -> new Setting(value, "configuration parameter " + key))
        .orElse(null);
  }

  /**
   * Applies a layer to a fresh {@link FakeCloud.Builder}, checking every value.
   *
   * @throws ExtensionConfigurationException naming the setting, its value and what is allowed
   */
  static Configured configure(Layer layer) {
    FakeCloud.Builder builder = FakeCloud.builder();
    if (layer.region() != null) {
      check(layer.region(), builder::region);
    }
    if (layer.accountId() != null) {
      check(layer.accountId(), builder::accountId);
    }
    boolean random = false;
    if (layer.seed() != null) {
      if (isRandom(layer.seed())) {
        random = true;
        // Drawn once per cloud; the diagnostics print it so that a failing run can be replayed.
        builder.seed(ThreadLocalRandom.current().nextLong());
      } else {
        builder.seed(parseSeed(layer.seed()));
      }
    }
    if (layer.timeMode() != null) {
      builder.timeMode(parseTimeMode(layer.timeMode()));
    }
    return new Configured(builder, random);
  }

  private static boolean isRandom(Setting seed) {
    return seed.value().trim().equalsIgnoreCase(RANDOM_SEED);
  }

  private static long parseSeed(Setting seed) {
    String value = seed.value().trim();
    try {
      return Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
    } catch (NumberFormatException e) {
      throw invalid(
          seed,
          "expected a whole number from "
              + Long.MIN_VALUE
              + " to "
              + Long.MAX_VALUE
              + ", or "
              + RANDOM_SEED
              + " for a fresh seed per cloud.",
          null);
    }
  }

  private static TimeMode parseTimeMode(Setting mode) {
    String value = mode.value().trim();
    for (TimeMode candidate : TimeMode.values()) {
      if (candidate.name().equalsIgnoreCase(value)) {
        return candidate;
      }
    }
    throw invalid(mode, "allowed values are virtual and real (in any case).", null);
  }

  private static void check(Setting setting, Function<String, FakeCloud.Builder> apply) {
    try {
      apply.apply(setting.value());
    } catch (IllegalArgumentException e) {
      // FakeCloud's own message says which form AWS allows; keep it rather than restate the rule.
      throw invalid(setting, e.getMessage(), e);
    }
  }

  private static ExtensionConfigurationException invalid(
      Setting setting, String problem, Throwable cause) {
    return new ExtensionConfigurationException(
        "Invalid Cloudless setting: "
            + setting.source()
            + " is ["
            + setting.value()
            + "]; "
            + lowerFirst(problem),
        cause);
  }

  private static String lowerFirst(String text) {
    return text.isEmpty()
        ? text
        : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }
}
