package dev.cloudless.fakes.stepfunctions.internal.eval;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Parses intrinsic function calls ({@code States.Format('{} items', $.count)}) into expression
 * trees, once per definition. Evaluation is in {@link IntrinsicFunctions}.
 */
@API(status = INTERNAL, since = "0.1")
public final class Intrinsics {

  /** Every intrinsic function AWS documents. */
  public static final Set<String> FUNCTIONS =
      Set.of(
          "States.Format",
          "States.StringToJson",
          "States.JsonToString",
          "States.Array",
          "States.ArrayPartition",
          "States.ArrayContains",
          "States.ArrayRange",
          "States.ArrayGetItem",
          "States.ArrayLength",
          "States.ArrayUnique",
          "States.Base64Encode",
          "States.Base64Decode",
          "States.Hash",
          "States.JsonMerge",
          "States.MathRandom",
          "States.MathAdd",
          "States.StringSplit",
          "States.UUID");

  private final JsonPaths paths;

  public Intrinsics(JsonPaths paths) {
    this.paths = paths;
  }

  /** Whether a {@code .$} value is an intrinsic call rather than a path. */
  public static boolean isCall(String text) {
    return text != null && text.trim().startsWith("States.");
  }

  /**
   * Parses a call.
   *
   * @throws IllegalArgumentException with a message for the definition's diagnostics
   */
  public Expression parse(String text) {
    Parser p = new Parser(text.trim());
    Expression e = p.call();
    p.skipSpaces();
    if (p.pos != p.text.length()) {
      throw new IllegalArgumentException(
          "The value for the field '' must be a valid JSONPath or a valid intrinsic function call");
    }
    return e;
  }

  /** A node of an intrinsic expression. */
  public sealed interface Expression permits Literal, PathArg, Call {
    JsonNode evaluate(IntrinsicFunctions functions, Scope scope);
  }

  /** A literal argument; {@code raw} keeps a string's escapes for {@code States.Format}. */
  public record Literal(JsonNode value, String raw) implements Expression {
    @Override
    public JsonNode evaluate(IntrinsicFunctions functions, Scope scope) {
      return value;
    }
  }

  /** A path argument. */
  public record PathArg(JsonPaths.Path path) implements Expression {
    @Override
    public JsonNode evaluate(IntrinsicFunctions functions, Scope scope) {
      return functions.readArgument(path, scope);
    }
  }

  /** A call. */
  public record Call(String name, List<Expression> args) implements Expression {
    @Override
    public JsonNode evaluate(IntrinsicFunctions functions, Scope scope) {
      return functions.call(this, scope);
    }
  }

  private final class Parser {
    final String text;
    int pos;

    Parser(String text) {
      this.text = text;
    }

    void skipSpaces() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    Call call() {
      skipSpaces();
      int start = pos;
      while (pos < text.length() && text.charAt(pos) != '(') {
        pos++;
      }
      String name = text.substring(start, pos).trim();
      if (pos >= text.length()) {
        throw new IllegalArgumentException("Missing '(' after " + name);
      }
      if (!FUNCTIONS.contains(name)) {
        throw new IllegalArgumentException("Unsupported intrinsic function: " + name);
      }
      pos++; // (
      List<Expression> args = new ArrayList<>();
      skipSpaces();
      if (pos < text.length() && text.charAt(pos) == ')') {
        pos++;
        return new Call(name, List.copyOf(args));
      }
      while (true) {
        args.add(argument());
        skipSpaces();
        if (pos >= text.length()) {
          throw new IllegalArgumentException("Missing ')' in " + text);
        }
        char c = text.charAt(pos++);
        if (c == ')') {
          break;
        }
        if (c != ',') {
          throw new IllegalArgumentException("Unexpected '" + c + "' in " + text);
        }
      }
      return new Call(name, List.copyOf(args));
    }

    Expression argument() {
      skipSpaces();
      if (pos >= text.length()) {
        throw new IllegalArgumentException("Missing argument in " + text);
      }
      char c = text.charAt(pos);
      if (c == '\'') {
        return string();
      }
      if (c == '$') {
        return path();
      }
      if (text.startsWith("States.", pos)) {
        return call();
      }
      int start = pos;
      while (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != ')') {
        pos++;
      }
      String token = text.substring(start, pos).trim();
      switch (token) {
        case "null":
          return new Literal(paths.json().nodes().nullNode(), token);
        case "true":
          return new Literal(paths.json().nodes().booleanNode(true), token);
        case "false":
          return new Literal(paths.json().nodes().booleanNode(false), token);
        default:
          try {
            BigDecimal number = new BigDecimal(token);
            JsonNode node =
                number.scale() <= 0 && token.matches("-?\\d+")
                    ? paths.json().nodes().numberNode(number.toBigIntegerExact())
                    : paths.json().nodes().numberNode(number);
            return new Literal(IntrinsicFunctions.normalise(node, paths.json()), token);
          } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("Invalid argument '" + token + "' in " + text);
          }
      }
    }

    Literal string() {
      int start = pos;
      pos++; // opening quote
      StringBuilder value = new StringBuilder();
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == '\\' && pos + 1 < text.length()) {
          char next = text.charAt(pos + 1);
          value.append(next);
          pos += 2;
          continue;
        }
        if (c == '\'') {
          pos++;
          String raw = text.substring(start + 1, pos - 1);
          return new Literal(paths.json().nodes().textNode(value.toString()), raw);
        }
        value.append(c);
        pos++;
      }
      throw new IllegalArgumentException("Unterminated string in " + text);
    }

    PathArg path() {
      int start = pos;
      int depth = 0;
      char quote = 0;
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          }
        } else if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '[' || c == '(') {
          depth++;
        } else if (c == ']' || c == ')') {
          if (depth == 0) {
            break;
          }
          depth--;
        } else if (c == ',' && depth == 0) {
          break;
        }
        pos++;
      }
      String p = text.substring(start, pos).trim();
      return new PathArg(paths.compile(p));
    }
  }

  /** Helper for callers building arrays. */
  static ArrayNode array(Json json) {
    return json.nodes().arrayNode();
  }
}
