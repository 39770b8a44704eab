package dev.cloudless.fakes.stepfunctions.internal.eval;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringTokenizer;
import org.apiguardian.api.API;

/**
 * Evaluates intrinsic calls, following the AWS developer guide's "Intrinsic functions" page and the
 * recorded behaviour where the guide is silent (noted at each function).
 */
@API(status = INTERNAL, since = "0.1")
public final class IntrinsicFunctions {

  private static final int MAX_STRING = 10_000;
  private static final int MAX_RANGE = 1_000;

  private final JsonPaths paths;
  private final Json json;
  private final Entropy entropy;

  public IntrinsicFunctions(JsonPaths paths, Entropy entropy) {
    this.paths = paths;
    this.json = paths.json();
    this.entropy = entropy;
  }

  /** Evaluates an expression parsed by {@link Intrinsics}. */
  public JsonNode evaluate(Intrinsics.Expression expression, Scope scope) {
    return expression.evaluate(this, scope);
  }

  JsonNode readArgument(JsonPaths.Path path, Scope scope) {
    try {
      return path.read(scope);
    } catch (PathException e) {
      throw new MissingPathException(path.text(), e.getMessage());
    }
  }

  JsonNode call(Intrinsics.Call call, Scope scope) {
    List<JsonNode> args = new ArrayList<>(call.args().size());
    for (Intrinsics.Expression e : call.args()) {
      args.add(e.evaluate(this, scope));
    }
    String name = call.name();
    return switch (name) {
      case "States.Format" -> format(call, args);
      case "States.StringToJson" -> stringToJson(name, args);
      case "States.JsonToString" -> {
        arity(name, args, 1);
        yield json.nodes().textNode(json.write(args.get(0)));
      }
      case "States.Array" -> {
        ArrayNode a = json.nodes().arrayNode();
        args.forEach(a::add);
        yield a;
      }
      case "States.ArrayPartition" -> arrayPartition(name, args);
      case "States.ArrayContains" -> {
        arity(name, args, 2);
        ArrayNode a = array(name, args.get(0));
        boolean found = false;
        for (JsonNode item : a) {
          if (item.equals(args.get(1))) {
            found = true;
            break;
          }
        }
        yield json.nodes().booleanNode(found);
      }
      case "States.ArrayRange" -> arrayRange(name, args);
      case "States.ArrayGetItem" -> {
        arity(name, args, 2);
        ArrayNode a = array(name, args.get(0));
        int index = integer(name, args.get(1));
        if (index < 0 || index >= a.size()) {
          throw failure(name, "The index " + index + " is out of bounds for the array " + a);
        }
        yield a.get(index);
      }
      case "States.ArrayLength" -> {
        arity(name, args, 1);
        yield json.nodes().numberNode(array(name, args.get(0)).size());
      }
      case "States.ArrayUnique" -> {
        arity(name, args, 1);
        ArrayNode unique = json.nodes().arrayNode();
        List<JsonNode> seen = new ArrayList<>();
        for (JsonNode item : array(name, args.get(0))) {
          if (!seen.contains(item)) {
            seen.add(item);
            unique.add(item);
          }
        }
        yield unique;
      }
      case "States.Base64Encode" -> {
        arity(name, args, 1);
        String s = string(name, args.get(0));
        limit(name, s);
        yield json.nodes()
            .textNode(Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
      }
      case "States.Base64Decode" -> {
        arity(name, args, 1);
        String s = string(name, args.get(0));
        limit(name, s);
        try {
          yield json.nodes()
              .textNode(new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          throw failure(name, "The value '" + s + "' is not a valid base64 string");
        }
      }
      case "States.Hash" -> hash(name, args);
      case "States.JsonMerge" -> jsonMerge(name, args);
      case "States.MathRandom" -> mathRandom(name, args);
      case "States.MathAdd" -> {
        arity(name, args, 2);
        // Recorded: each operand is rounded half up (1.5 -> 2, -1.5 -> -1, -1.51 -> -2), then
        // added, so 1.49 + 1.5 = 3.
        BigInteger sum = roundHalfUp(name, args.get(0)).add(roundHalfUp(name, args.get(1)));
        yield normalise(json.nodes().numberNode(sum), json);
      }
      case "States.StringSplit" -> {
        arity(name, args, 2);
        String s = string(name, args.get(0));
        String delimiters = string(name, args.get(1));
        // Recorded: every character of the second argument splits, and empty pieces are dropped.
        ArrayNode parts = json.nodes().arrayNode();
        StringTokenizer tokens = new StringTokenizer(s, delimiters);
        while (tokens.hasMoreTokens()) {
          parts.add(tokens.nextToken());
        }
        yield parts;
      }
      case "States.UUID" -> {
        arity(name, args, 0);
        yield json.nodes().textNode(entropy.uuid());
      }
      default -> throw failure(name, "Unsupported intrinsic function " + name);
    };
  }

  private JsonNode format(Intrinsics.Call call, List<JsonNode> args) {
    String name = call.name();
    if (args.isEmpty()) {
      throw failure(name, "The function States.Format requires at least one argument");
    }
    Intrinsics.Expression first = call.args().get(0);
    String template;
    if (first instanceof Intrinsics.Literal literal && literal.value().isTextual()) {
      template = literal.raw();
    } else {
      template = string(name, args.get(0));
    }
    StringBuilder out = new StringBuilder();
    int next = 1;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '\\' && i + 1 < template.length()) {
        out.append(template.charAt(++i));
      } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
        if (next >= args.size()) {
          throw failure(
              name,
              "The number of arguments does not match the number of placeholders in the format"
                  + " string");
        }
        out.append(formatValue(args.get(next++)));
        i++;
      } else {
        out.append(c);
      }
    }
    if (next != args.size()) {
      throw failure(
          name,
          "The number of arguments does not match the number of placeholders in the format"
              + " string");
    }
    return json.nodes().textNode(out.toString());
  }

  /**
   * How {@code States.Format} prints a value. Recorded: objects and arrays print as Java's {@code
   * Map} and {@code List} do ({@code {Arg1=1, Arg2=[]}}), strings without quotes.
   */
  static String formatValue(JsonNode v) {
    if (v == null || v.isNull()) {
      return "null";
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isNumber()) {
      return v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText();
    }
    if (v.isBoolean()) {
      return String.valueOf(v.booleanValue());
    }
    if (v.isArray()) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < v.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(formatValue(v.get(i)));
      }
      return sb.append(']').toString();
    }
    StringBuilder sb = new StringBuilder("{");
    Iterator<Map.Entry<String, JsonNode>> it = v.fields();
    boolean firstField = true;
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!firstField) {
        sb.append(", ");
      }
      firstField = false;
      sb.append(e.getKey()).append('=').append(formatValue(e.getValue()));
    }
    return sb.append('}').toString();
  }

  private JsonNode stringToJson(String name, List<JsonNode> args) {
    arity(name, args, 1);
    String s = string(name, args.get(0)).trim();
    if (s.isEmpty()) {
      // Recorded: an empty or blank string gives null.
      return json.nodes().nullNode();
    }
    try {
      return normalise(json.parse(s), json);
    } catch (JsonProcessingException e) {
      throw failure(name, "The value '" + s + "' is not a valid JSON string");
    }
  }

  private JsonNode arrayPartition(String name, List<JsonNode> args) {
    arity(name, args, 2);
    ArrayNode a = array(name, args.get(0));
    int size = integer(name, args.get(1));
    if (size <= 0) {
      throw failure(name, "The chunk size must be greater than 0");
    }
    ArrayNode out = json.nodes().arrayNode();
    ArrayNode chunk = null;
    for (JsonNode item : a) {
      if (chunk == null || chunk.size() == size) {
        chunk = out.addArray();
      }
      chunk.add(item);
    }
    return out;
  }

  private JsonNode arrayRange(String name, List<JsonNode> args) {
    arity(name, args, 3);
    int start = integer(name, args.get(0));
    int end = integer(name, args.get(1));
    int step = integer(name, args.get(2));
    if (step == 0) {
      throw failure(name, "The step argument must not be 0");
    }
    ArrayNode out = json.nodes().arrayNode();
    for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
      if (out.size() == MAX_RANGE) {
        throw failure(name, "The array range exceeds the maximum of " + MAX_RANGE + " items");
      }
      out.add((int) v);
    }
    return out;
  }

  private JsonNode hash(String name, List<JsonNode> args) {
    arity(name, args, 2);
    JsonNode data = args.get(0);
    String text = data.isTextual() ? data.textValue() : json.write(data);
    limit(name, text);
    String algorithm = string(name, args.get(1));
    String javaName =
        switch (algorithm) {
          case "MD5" -> "MD5";
          case "SHA-1" -> "SHA-1";
          case "SHA-256" -> "SHA-256";
          case "SHA-384" -> "SHA-384";
          case "SHA-512" -> "SHA-512";
          default ->
              throw failure(
                  name,
                  "The hash algorithm "
                      + algorithm
                      + " is not supported; use MD5, SHA-1, SHA-256, SHA-384 or SHA-512");
        };
    try {
      byte[] digest =
          MessageDigest.getInstance(javaName).digest(text.getBytes(StandardCharsets.UTF_8));
      return json.nodes().textNode(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has " + javaName, e);
    }
  }

  private JsonNode jsonMerge(String name, List<JsonNode> args) {
    arity(name, args, 3);
    if (!args.get(0).isObject() || !args.get(1).isObject()) {
      throw failure(name, "The json arguments of States.JsonMerge must be JSON objects");
    }
    if (!args.get(2).isBoolean()) {
      throw failure(name, "The deep merge argument of States.JsonMerge must be a boolean");
    }
    return merge((ObjectNode) args.get(0), (ObjectNode) args.get(1), args.get(2).booleanValue());
  }

  /** Recorded: the merged object's keys come in {@code java.util.HashMap} order. */
  private ObjectNode merge(ObjectNode left, ObjectNode right, boolean deep) {
    ObjectNode merged = mergeInOrder(left, right, deep);
    java.util.Map<String, JsonNode> hashed = new java.util.HashMap<>();
    merged.fields().forEachRemaining(e -> hashed.put(e.getKey(), e.getValue()));
    ObjectNode out = json.object();
    hashed.forEach(out::set);
    return out;
  }

  private ObjectNode mergeInOrder(ObjectNode left, ObjectNode right, boolean deep) {
    ObjectNode out = json.shallowCopy(left);
    Iterator<Map.Entry<String, JsonNode>> it = right.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode existing = out.get(e.getKey());
      if (deep && existing != null && existing.isObject() && e.getValue().isObject()) {
        out.set(e.getKey(), mergeInOrder((ObjectNode) existing, (ObjectNode) e.getValue(), true));
      } else {
        out.set(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  private JsonNode mathRandom(String name, List<JsonNode> args) {
    if (args.size() != 2 && args.size() != 3) {
      throw failure(name, "The function States.MathRandom takes 2 or 3 arguments");
    }
    long start = roundHalfUp(name, args.get(0)).longValue();
    long end = roundHalfUp(name, args.get(1)).longValue();
    if (end <= start) {
      throw failure(name, "The end of the range must be greater than its start");
    }
    Random random =
        args.size() == 3
            ? new Random(roundHalfUp(name, args.get(2)).longValue())
            : entropy.random();
    long value;
    synchronized (random) {
      value = start + (long) (random.nextDouble() * (end - start));
    }
    return normalise(json.nodes().numberNode(value), json);
  }

  // ---- argument checks
  // ---------------------------------------------------------------------------

  private void arity(String name, List<JsonNode> args, int expected) {
    if (args.size() != expected) {
      throw failure(
          name,
          "The function "
              + name
              + " takes "
              + expected
              + " argument"
              + (expected == 1 ? "" : "s")
              + " but was given "
              + args.size());
    }
  }

  private ArrayNode array(String name, JsonNode v) {
    if (!v.isArray()) {
      throw failure(name, "The argument " + json.write(v) + " of " + name + " must be an array");
    }
    return (ArrayNode) v;
  }

  private String string(String name, JsonNode v) {
    if (!v.isTextual()) {
      throw failure(name, "The argument " + json.write(v) + " of " + name + " must be a string");
    }
    return v.textValue();
  }

  private int integer(String name, JsonNode v) {
    if (!v.isNumber()) {
      throw failure(name, "The argument " + json.write(v) + " of " + name + " must be a number");
    }
    try {
      return v.decimalValue().intValueExact();
    } catch (ArithmeticException e) {
      throw failure(name, "The argument " + json.write(v) + " of " + name + " must be an integer");
    }
  }

  private BigInteger roundHalfUp(String name, JsonNode v) {
    if (!v.isNumber()) {
      throw failure(name, "The argument " + json.write(v) + " of " + name + " must be a number");
    }
    BigDecimal d = v.decimalValue();
    return d.add(BigDecimal.valueOf(5, 1)).setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
  }

  private void limit(String name, String s) {
    if (s.length() > MAX_STRING) {
      throw failure(name, "The input string of " + name + " exceeds " + MAX_STRING + " characters");
    }
  }

  private static StatesFailure failure(String function, String detail) {
    // AWS names the failing function in its cause; the wording here is ours where unrecorded.
    return StatesFailure.located(StatesFailure.RUNTIME, detail);
  }

  /** Integers as the smallest integral node; {@code -0} as {@code 0}. */
  static JsonNode normalise(JsonNode node, Json json) {
    if (node.isBigInteger() || node.isLong() || node.isInt()) {
      BigInteger v = node.bigIntegerValue();
      if (v.bitLength() < 32) {
        return json.nodes().numberNode(v.intValue());
      }
      if (v.bitLength() < 64) {
        return json.nodes().numberNode(v.longValue());
      }
      return json.nodes().numberNode(v);
    }
    return node;
  }
}
