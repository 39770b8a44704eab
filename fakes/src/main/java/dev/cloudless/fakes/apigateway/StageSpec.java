package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.AwsServiceException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A stage: its variables, throttling, cache and per-method settings ({@code CreateStage}).
 *
 * <pre>{@code
 * StageSpec.named("prod")
 *     .variable("alias", "live")
 *     .throttle(Throttle.of(100, 50))
 *     .cacheCluster("0.5")
 *     .methodSettings("/orders/{id}/GET", MethodSettings.defaults().cacheTtlInSeconds(60));
 * }</pre>
 *
 * @param name the stage name ({@code $default} on HTTP APIs serves paths without a stage prefix)
 * @param variables stage variables: names of letters, digits and underscores (at most 64), values
 *     of at most 512 characters, at most 100 of them
 * @param throttle the stage's default method throttle, or null for the account's limits
 * @param cacheClusterEnabled whether the stage has a cache
 * @param cacheClusterSize the cache's size in GB, as AWS names them ({@code 0.5} to {@code 237})
 * @param methodSettings per-method overrides keyed {@code /resource/path/METHOD} (or AWS's {@code
 *     ~1resource~1path/METHOD}), or {@code * /*} for every method
 * @param autoDeploy HTTP APIs: route changes reach the stage at once
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record StageSpec(
    String name,
    Map<String, String> variables,
    Throttle throttle,
    boolean cacheClusterEnabled,
    String cacheClusterSize,
    Map<String, MethodSettings> methodSettings,
    boolean autoDeploy) {

  /** The sizes AWS offers, in GB (botocore's enum for {@code cacheClusterSize}). */
  public static final Set<String> CACHE_SIZES =
      Set.of("0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237");

  /** The key of the settings that apply to every method. */
  public static final String ALL_METHODS = "*/*";

  private static final Pattern STAGE_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,128}");
  private static final Pattern VARIABLE_NAME = Pattern.compile("[a-zA-Z0-9_]{1,64}");
  private static final Pattern VARIABLE_VALUE = Pattern.compile("[a-zA-Z0-9\\-._~:/?#&=,]{1,512}");

  public StageSpec {
    Objects.requireNonNull(name, "name");
    if (!name.equals("$default") && !STAGE_NAME.matcher(name).matches()) {
      throw badRequest(
          "Stage name ["
              + name
              + "] is invalid; it may contain only letters, digits, hyphens and underscores (at"
              + " most 128), or be $default.");
    }
    variables = Map.copyOf(variables);
    if (variables.size() > 100) {
      throw badRequest(
          "Stage [" + name + "] has " + variables.size() + " variables; AWS allows 100.");
    }
    for (Map.Entry<String, String> v : variables.entrySet()) {
      if (!VARIABLE_NAME.matcher(v.getKey()).matches()) {
        throw badRequest(
            "Stage variable name ["
                + v.getKey()
                + "] is invalid; it must match [A-Za-z0-9_]+, at most 64 characters.");
      }
      if (!VARIABLE_VALUE.matcher(v.getValue()).matches()) {
        throw badRequest(
            "Stage variable ["
                + v.getKey()
                + "] has value ["
                + v.getValue()
                + "]; values must match [A-Za-z0-9-._~:/?#&=,]+, at most 512 characters.");
      }
    }
    if (cacheClusterSize == null) {
      cacheClusterSize = "0.5";
    }
    if (!CACHE_SIZES.contains(cacheClusterSize)) {
      throw badRequest(
          "cacheClusterSize ["
              + cacheClusterSize
              + "] is not one AWS offers; choose one of 0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118, 237.");
    }
    Map<String, MethodSettings> normalized = new LinkedHashMap<>();
    for (Map.Entry<String, MethodSettings> s : methodSettings.entrySet()) {
      normalized.put(normalizeKey(s.getKey()), Objects.requireNonNull(s.getValue()));
    }
    methodSettings = Map.copyOf(normalized);
  }

  /** {@code ~1orders~1{id}/GET} and {@code /orders/{id}/GET} both become the latter. */
  private static String normalizeKey(String key) {
    if (key.equals(ALL_METHODS)) {
      return key;
    }
    String k = key.replace("~1", "/");
    int slash = k.lastIndexOf('/');
    if (slash < 0 || !k.startsWith("/")) {
      throw badRequest(
          "Method settings key ["
              + key
              + "] is invalid; write /resource/path/METHOD, ~1resource~1path/METHOD or */*.");
    }
    String method = k.substring(slash + 1);
    String path = slash == 0 ? "/" : k.substring(0, slash);
    if (!method.equals("*") && !method.matches("GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|ANY")) {
      throw badRequest("Method settings key [" + key + "] names no HTTP method.");
    }
    return path + "/" + method;
  }

  private static AwsServiceException badRequest(String message) {
    return new AwsServiceException(400, "BadRequestException", message);
  }

  /** A stage with no variables, the account's throttle and no cache. */
  public static StageSpec named(String name) {
    return new StageSpec(name, Map.of(), null, false, null, Map.of(), false);
  }

  public StageSpec variable(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(variables);
    more.put(name, value);
    return new StageSpec(
        this.name,
        more,
        throttle,
        cacheClusterEnabled,
        cacheClusterSize,
        methodSettings,
        autoDeploy);
  }

  public StageSpec throttle(Throttle throttle) {
    return new StageSpec(
        name,
        variables,
        throttle,
        cacheClusterEnabled,
        cacheClusterSize,
        methodSettings,
        autoDeploy);
  }

  /** This stage with a cache of {@code sizeInGb}, such as {@code "0.5"}. */
  public StageSpec cacheCluster(String sizeInGb) {
    return new StageSpec(name, variables, throttle, true, sizeInGb, methodSettings, autoDeploy);
  }

  public StageSpec methodSettings(String key, MethodSettings settings) {
    Map<String, MethodSettings> more = new LinkedHashMap<>(methodSettings);
    more.put(key, settings);
    return new StageSpec(
        name, variables, throttle, cacheClusterEnabled, cacheClusterSize, more, autoDeploy);
  }

  public StageSpec autoDeploy(boolean autoDeploy) {
    return new StageSpec(
        name,
        variables,
        throttle,
        cacheClusterEnabled,
        cacheClusterSize,
        methodSettings,
        autoDeploy);
  }

  /**
   * The settings for {@code resourcePath} and {@code method}: the method's own, merged over {@code
   * * /*}.
   */
  public MethodSettings settingsFor(String resourcePath, String method) {
    MethodSettings all = methodSettings.getOrDefault(ALL_METHODS, MethodSettings.defaults());
    MethodSettings own = methodSettings.get(resourcePath + "/" + method);
    if (own == null) {
      own = methodSettings.get(resourcePath + "/*");
    }
    if (own == null) {
      return all;
    }
    return new MethodSettings(
        own.throttle() != null ? own.throttle() : all.throttle(),
        own.cachingEnabled() != null ? own.cachingEnabled() : all.cachingEnabled(),
        own.cacheTtlInSeconds() != null ? own.cacheTtlInSeconds() : all.cacheTtlInSeconds(),
        own.requireAuthorizationForCacheControl(),
        own.unauthorizedCacheControlHeaderStrategy());
  }
}
