package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.AwsServiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The cross-origin resource sharing settings of a function URL, with AWS's limits: at most 100
 * origins (1 to 253 characters each), 6 methods (6 characters each), 100 allowed and 100 exposed
 * headers (1,024 characters each), and a {@code MaxAge} from 0 to 86,400 seconds.
 *
 * <pre>{@code
 * Cors.allowingOrigins("https://shop.example").allowMethods("GET", "POST").maxAge(300)
 * }</pre>
 *
 * <p>When a URL has CORS settings, Lambda answers preflight requests itself (the function is not
 * invoked) and adds the CORS headers to every response, replacing any the function set.
 *
 * @param allowCredentials whether {@code Access-Control-Allow-Credentials: true} is sent
 * @param allowHeaders the request headers origins may send
 * @param allowMethods the methods origins may use, or {@code *}
 * @param allowOrigins the origins that may call the URL, or {@code *}
 * @param exposeHeaders the response headers browsers may show to the origin
 * @param maxAge how long, in seconds, browsers may cache a preflight answer; 0 means not at all
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Cors(
    boolean allowCredentials,
    List<String> allowHeaders,
    List<String> allowMethods,
    List<String> allowOrigins,
    List<String> exposeHeaders,
    int maxAge) {

  /**
   * No CORS settings: Lambda adds no CORS headers and passes preflight requests to the function.
   */
  public static final Cors NONE = new Cors(false, List.of(), List.of(), List.of(), List.of(), 0);

  public Cors {
    allowHeaders = checked("allowHeaders", allowHeaders, 100, 0, 1024);
    allowMethods = checked("allowMethods", allowMethods, 6, 0, 6);
    allowOrigins = checked("allowOrigins", allowOrigins, 100, 1, 253);
    exposeHeaders = checked("exposeHeaders", exposeHeaders, 100, 0, 1024);
    if (maxAge < 0 || maxAge > 86_400) {
      throw validation(
          maxAge,
          "maxAge",
          maxAge < 0
              ? "Member must have value greater than or equal to 0"
              : "Member must have value less than or equal to 86400");
    }
  }

  /** Settings that let these origins ({@code *} for any) call the URL. */
  public static Cors allowingOrigins(String... origins) {
    return NONE.allowOrigins(origins);
  }

  /** Whether any setting is made: a URL without CORS settings adds no CORS headers. */
  public boolean isConfigured() {
    return !equals(NONE);
  }

  public Cors allowCredentials(boolean allow) {
    return new Cors(allow, allowHeaders, allowMethods, allowOrigins, exposeHeaders, maxAge);
  }

  public Cors allowHeaders(String... headers) {
    return new Cors(
        allowCredentials, List.of(headers), allowMethods, allowOrigins, exposeHeaders, maxAge);
  }

  public Cors allowMethods(String... methods) {
    return new Cors(
        allowCredentials, allowHeaders, List.of(methods), allowOrigins, exposeHeaders, maxAge);
  }

  public Cors allowOrigins(String... origins) {
    return new Cors(
        allowCredentials, allowHeaders, allowMethods, List.of(origins), exposeHeaders, maxAge);
  }

  public Cors exposeHeaders(String... headers) {
    return new Cors(
        allowCredentials, allowHeaders, allowMethods, allowOrigins, List.of(headers), maxAge);
  }

  /** How long browsers may cache a preflight answer, in seconds (0 to 86,400). */
  public Cors maxAge(int seconds) {
    return new Cors(
        allowCredentials, allowHeaders, allowMethods, allowOrigins, exposeHeaders, seconds);
  }

  private static List<String> checked(
      String field, List<String> values, int maxItems, int minLength, int maxLength) {
    List<String> copy = List.copyOf(Objects.requireNonNull(values, field));
    if (copy.size() > maxItems) {
      throw validation(copy, field, "Member must have length less than or equal to " + maxItems);
    }
    List<String> bad = new ArrayList<>();
    for (String value : copy) {
      if (value.length() < minLength || value.length() > maxLength) {
        bad.add(value);
      }
    }
    if (!bad.isEmpty()) {
      throw validation(
          copy,
          field,
          "Member must satisfy constraint: [Member must have length less than or equal to "
              + maxLength
              + (minLength > 0
                  ? ", Member must have length greater than or equal to " + minLength
                  : "")
              + "] (offending: "
              + bad
              + ")");
    }
    return copy;
  }

  private static AwsServiceException validation(Object value, String field, String constraint) {
    return new AwsServiceException(
        400,
        "ValidationException",
        "1 validation error detected: Value '"
            + value
            + "' at 'cors."
            + field
            + "' failed to satisfy constraint: "
            + constraint);
  }
}
