package dev.cloudless.fakes.apigateway.internal.routing;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.aws.AwsServiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/** The rules AWS applies to resource paths and route keys, with its messages. */
@API(status = INTERNAL, since = "0.1")
public final class ResourcePaths {

  private static final Pattern LITERAL = Pattern.compile("[a-zA-Z0-9._:@~!$&'()*+,;=-]+");
  private static final Pattern VARIABLE = Pattern.compile("\\{[a-zA-Z0-9._-]+\\+?}");
  private static final Pattern METHOD =
      Pattern.compile("GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|ANY");

  private ResourcePaths() {}

  /**
   * The parts of {@code path} ({@code /a/{b}} gives {@code [a, {b}]}), checked as AWS checks them.
   */
  public static List<String> parts(String path) {
    if (path == null || !path.startsWith("/")) {
      throw badRequest("Resource path [" + path + "] must start with '/'.");
    }
    List<String> parts = new ArrayList<>();
    if (path.equals("/")) {
      return parts;
    }
    String[] split = path.substring(1).split("/", -1);
    for (int i = 0; i < split.length; i++) {
      String part = split[i];
      if (part.isEmpty()) {
        throw badRequest("Resource path [" + path + "] has an empty part; remove the extra '/'.");
      }
      boolean variable = part.startsWith("{");
      if (variable ? !VARIABLE.matcher(part).matches() : !LITERAL.matcher(part).matches()) {
        throw badRequest(
            "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the"
                + " end and an optional plus sign before the closing brace; got ["
                + part
                + "] in ["
                + path
                + "].");
      }
      if (part.endsWith("+}") && i != split.length - 1) {
        throw badRequest(
            "A greedy path variable ("
                + part
                + ") must be the last part of the path; ["
                + path
                + "] goes on after it.");
      }
      parts.add(part);
    }
    return parts;
  }

  /** Checks {@code method}, upper case, as API Gateway names them. */
  public static String method(String method) {
    String m = method == null ? "" : method.toUpperCase(java.util.Locale.ROOT);
    if (!METHOD.matcher(m).matches()) {
      throw badRequest(
          "Invalid HTTP method ["
              + method
              + "]; use GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS or ANY.");
    }
    return m;
  }

  /**
   * Refuses a resource whose variable part has a sibling variable of another name: AWS allows one
   * variable child per resource.
   *
   * @param existing the resource paths already there
   */
  public static void checkSiblings(String path, Iterable<String> existing) {
    List<String> parts = parts(path);
    for (String other : existing) {
      List<String> o = parts(other);
      int common = Math.min(parts.size(), o.size());
      for (int i = 0; i < common; i++) {
        String a = parts.get(i);
        String b = o.get(i);
        if (a.equals(b)) {
          continue;
        }
        if (a.startsWith("{") && b.startsWith("{")) {
          throw badRequest(
              "A sibling ("
                  + b
                  + ") of this resource already has a variable path part -- only one is allowed;"
                  + " cannot create ["
                  + path
                  + "].");
        }
        break;
      }
    }
  }

  /** The variable names of a path, for route keys' checks. */
  public static Map<String, Integer> variables(String path) {
    Map<String, Integer> names = new java.util.LinkedHashMap<>();
    List<String> parts = parts(path);
    for (int i = 0; i < parts.size(); i++) {
      String p = parts.get(i);
      if (p.startsWith("{")) {
        String name = p.substring(1, p.length() - (p.endsWith("+}") ? 2 : 1));
        if (names.put(name, i) != null) {
          throw badRequest("Path [" + path + "] uses the variable {" + name + "} twice.");
        }
      }
    }
    return names;
  }

  static AwsServiceException badRequest(String message) {
    return new AwsServiceException(400, "BadRequestException", message);
  }
}
