package dev.cloudless.fakes.apigateway.internal.routing;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.apigateway.internal.model.RouteDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Finds the method or route for a request as API Gateway does: the most specific path wins (a
 * literal part before a variable, a variable before a greedy {@code {proxy+}}), an exact method
 * before {@code ANY}; HTTP APIs fall back to {@code $default}.
 *
 * <p>When the most specific resource has no method for the verb, a less specific one that has it
 * answers (a greedy {@code ANY} sibling, say). Sources: API Gateway developer guide, {@code
 * http-api-develop-routes.md} ("Routing API requests") and {@code
 * api-gateway-set-up-simple-proxy.md}; recorded trailing and double slash cases, AWS-SEMANTICS 5.1.
 */
@API(status = INTERNAL, since = "0.1")
public final class Router {

  /** The route and the path parameters it took from the path (values as sent, not decoded). */
  @API(status = INTERNAL, since = "0.1")
  public record Match(RouteDef route, Map<String, String> pathParameters) {}

  private final Node root = new Node();
  private final RouteDef defaultRoute;

  private Router(List<RouteDef> routes) {
    RouteDef fallback = null;
    for (RouteDef route : routes) {
      if (route.path() == null) {
        if (route.routeKey().equals("$default")) {
          fallback = route;
        }
        continue;
      }
      Node node = root;
      for (String part : ResourcePaths.parts(route.path())) {
        node = node.child(part);
      }
      node.methods.put(route.method(), route);
    }
    this.defaultRoute = fallback;
  }

  /** A router over {@code routes}: REST methods, or HTTP API routes with an optional $default. */
  public static Router of(List<RouteDef> routes) {
    return new Router(routes);
  }

  /**
   * The route for {@code method} and {@code path} (the path after the stage, leading slashes
   * collapsed), or empty: REST answers that with 403, HTTP APIs with 404.
   */
  public Optional<Match> match(String method, String path) {
    String p = path;
    // A trailing slash reaches the same resource (recorded: /proxy-value/ gave proxy=proxy-value).
    if (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    List<String> segments = new ArrayList<>();
    if (!p.equals("/") && !p.isEmpty()) {
      for (String s : p.substring(1).split("/", -1)) {
        segments.add(s);
      }
    }
    List<Candidate> candidates = new ArrayList<>();
    collect(root, segments, 0, new LinkedHashMap<>(), candidates);
    for (Candidate c : candidates) {
      RouteDef exact = c.node.methods.get(method);
      if (exact != null) {
        return Optional.of(new Match(exact, c.params));
      }
      RouteDef any = c.node.methods.get("ANY");
      if (any != null) {
        return Optional.of(new Match(any, c.params));
      }
    }
    if (defaultRoute != null) {
      return Optional.of(new Match(defaultRoute, Map.of()));
    }
    return Optional.empty();
  }

  /** Collects every resource matching the segments, most specific first. */
  private static void collect(
      Node node,
      List<String> segments,
      int index,
      Map<String, String> params,
      List<Candidate> out) {
    if (index == segments.size()) {
      if (!node.methods.isEmpty()) {
        out.add(new Candidate(node, Map.copyOf(params)));
      }
      return;
    }
    String segment = segments.get(index);
    Node literal = node.literals.get(segment);
    if (literal != null) {
      collect(literal, segments, index + 1, params, out);
    }
    if (node.variable != null && !segment.isEmpty()) {
      params.put(node.variableName, segment);
      collect(node.variable, segments, index + 1, params, out);
      params.remove(node.variableName);
    }
    if (node.greedy != null && !node.greedy.methods.isEmpty()) {
      String rest = String.join("/", segments.subList(index, segments.size()));
      if (!rest.isEmpty()) {
        Map<String, String> withRest = new LinkedHashMap<>(params);
        withRest.put(node.greedyName, rest);
        out.add(new Candidate(node.greedy, Map.copyOf(withRest)));
      }
    }
  }

  private record Candidate(Node node, Map<String, String> params) {}

  private static final class Node {
    final Map<String, Node> literals = new TreeMap<>();
    final Map<String, RouteDef> methods = new LinkedHashMap<>();
    Node variable;
    String variableName;
    Node greedy;
    String greedyName;

    Node child(String part) {
      if (part.endsWith("+}")) {
        if (greedy == null) {
          greedy = new Node();
          greedyName = part.substring(1, part.length() - 2);
        }
        return greedy;
      }
      if (part.startsWith("{")) {
        if (variable == null) {
          variable = new Node();
          variableName = part.substring(1, part.length() - 1);
        }
        return variable;
      }
      return literals.computeIfAbsent(part, k -> new Node());
    }
  }
}
