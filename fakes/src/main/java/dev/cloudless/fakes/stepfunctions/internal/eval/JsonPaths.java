package dev.cloudless.fakes.stepfunctions.internal.eval;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * JSONPath as Step Functions evaluates it. AWS runs Jayway JsonPath (its causes quote Jayway's
 * messages, such as {@code No results for path: $['x']}), so this engine does too, with three
 * roots: {@code $} the input, {@code $$} the context object, {@code $name} a variable.
 */
@API(status = INTERNAL, since = "0.1")
public final class JsonPaths {

  private static final Pattern VARIABLE = Pattern.compile("^\\$([A-Za-z_][A-Za-z0-9_]*)(.*)$");

  private final Json json;
  private final Configuration configuration;

  public JsonPaths(Json json) {
    this.json = json;
    this.configuration =
        Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(json.mapper()))
            .mappingProvider(new JacksonMappingProvider(json.mapper()))
            .build();
  }

  public Json json() {
    return json;
  }

  /** Whether {@code text} is a path this engine accepts (starts with {@code $} and compiles). */
  public boolean isValid(String text) {
    try {
      compile(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Compiles a path.
   *
   * @throws IllegalArgumentException when the text is not a JSONPath
   */
  public Path compile(String text) {
    if (text == null || !text.startsWith("$")) {
      throw new IllegalArgumentException("A path must start with '$': " + text);
    }
    Root root;
    String variable = null;
    String rest;
    if (text.startsWith("$$")) {
      root = Root.CONTEXT;
      rest = text.substring(2);
    } else {
      Matcher m = VARIABLE.matcher(text);
      if (m.matches()) {
        root = Root.VARIABLE;
        variable = m.group(1);
        rest = m.group(2);
      } else {
        root = Root.INPUT;
        rest = text.substring(1);
      }
    }
    JsonPath compiled = null;
    if (!rest.isEmpty()) {
      if (!(rest.startsWith(".") || rest.startsWith("["))) {
        throw new IllegalArgumentException("Invalid path: " + text);
      }
      try {
        compiled = JsonPath.compile("$" + rest);
      } catch (InvalidPathException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    }
    return new Path(text, root, variable, compiled);
  }

  /** Where a path starts. */
  public enum Root {
    INPUT,
    CONTEXT,
    VARIABLE
  }

  /** A compiled path; immutable and reusable across executions. */
  public final class Path {
    private final String text;
    private final Root root;
    private final String variable;
    private final JsonPath remainder;

    private Path(String text, Root root, String variable, JsonPath remainder) {
      this.text = text;
      this.root = root;
      this.variable = variable;
      this.remainder = remainder;
    }

    public String text() {
      return text;
    }

    public Root root() {
      return root;
    }

    /** The variable a {@code $name} path reads, else null. */
    public String variable() {
      return variable;
    }

    /** Whether the path names one value (no wildcard, filter, slice or deep scan). */
    public boolean definite() {
      return remainder == null || remainder.isDefinite();
    }

    /**
     * Reads the path.
     *
     * @throws PathException when nothing is there (Jayway's message); an indefinite path that finds
     *     nothing gives an empty array instead, as AWS does
     */
    public JsonNode read(Scope scope) throws PathException {
      JsonNode start =
          switch (root) {
            case INPUT -> scope.input();
            case CONTEXT -> scope.context();
            case VARIABLE -> scope.variable(variable);
          };
      if (start == null) {
        throw new PathException("No results for path: " + text);
      }
      if (remainder == null) {
        return start;
      }
      try {
        Object result = remainder.read(start, configuration);
        if (result == null) {
          return json.nodes().nullNode();
        }
        if (result instanceof JsonNode node) {
          return node;
        }
        return json.mapper().valueToTree(result);
      } catch (PathNotFoundException e) {
        if (!remainder.isDefinite()) {
          return json.nodes().arrayNode();
        }
        throw new PathException(e.getMessage());
      }
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
