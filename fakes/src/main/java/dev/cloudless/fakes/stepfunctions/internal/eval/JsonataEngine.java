package dev.cloudless.fakes.stepfunctions.internal.eval;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * JSONata for states with {@code QueryLanguage: JSONata}, on the dashjoin implementation, with the
 * functions Step Functions adds ({@code $partition}, {@code $range}, {@code $hash}, {@code
 * $random}, {@code $uuid}, {@code $parse}) and {@code $now()}/{@code $millis()} read from the
 * virtual clock.
 */
@API(status = INTERNAL, since = "0.1")
public final class JsonataEngine {

  private final Json json;

  public JsonataEngine(Json json) {
    this.json = json;
  }

  /** Whether a string is a JSONata expression: {@code {% ... %}}. */
  public static boolean isExpression(String text) {
    // Recorded: " {% expr %} " (with spaces outside the braces) is a plain string, not an
    // expression.
    return text != null && text.length() >= 4 && text.startsWith("{%") && text.endsWith("%}");
  }

  /**
   * Compiles the expression inside {@code {% %}}.
   *
   * @throws IllegalArgumentException with JSONata's message when it does not parse
   */
  public Expression compile(String wrapped) {
    String body = wrapped.substring(2, wrapped.length() - 2).strip();
    try {
      return new Expression(body, Jsonata.jsonata(body));
    } catch (JException | IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** What an expression can see besides the variables: {@code $states} and the clock. */
  public interface Bindings {
    /** {@code $states}: input, context, and result or errorOutput where available. */
    ObjectNode states();

    /** The variables in scope. */
    Map<String, JsonNode> variables();

    Instant now();

    String partition();

    Entropy entropy();
  }

  /** A compiled expression; evaluations of one expression are serialised on it. */
  public final class Expression {
    private final String text;
    private final Jsonata compiled;

    private Expression(String text, Jsonata compiled) {
      this.text = text;
      this.compiled = compiled;
      compiled.setOutputConvertNulls(false);
    }

    public String text() {
      return text;
    }

    /**
     * Evaluates; returns null when the result is undefined.
     *
     * @throws JException from JSONata when evaluation fails
     */
    public JsonNode evaluate(Bindings bindings) {
      synchronized (compiled) {
        Jsonata.Frame frame = compiled.createFrame();
        for (Map.Entry<String, JsonNode> v : bindings.variables().entrySet()) {
          frame.bind(v.getKey(), toJava(v.getValue()));
        }
        Object states = toJava(bindings.states());
        frame.bind("states", states);
        bindFunctions(frame, bindings);
        Object input = toJava(bindings.states().get("input"));
        Object result = compiled.evaluate(input, frame);
        return result == null ? null : fromJava(result);
      }
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private void bindFunctions(Jsonata.Frame frame, Bindings b) {
    frame.bind("partition", fn(args -> b.partition()));
    frame.bind("now", fn(args -> b.now().toString()));
    frame.bind("millis", fn(args -> b.now().toEpochMilli()));
    frame.bind("uuid", fn(args -> b.entropy().uuid()));
    frame.bind(
        "random",
        fn(
            args -> {
              Random r =
                  !args.isEmpty() && args.get(0) instanceof Number seed
                      ? new Random(seed.longValue())
                      : b.entropy().random();
              synchronized (r) {
                return r.nextDouble();
              }
            }));
    frame.bind(
        "parse",
        fn(
            args -> {
              Object a = args.isEmpty() ? null : args.get(0);
              if (!(a instanceof String s)) {
                throw new JException("T0410", 0, a);
              }
              try {
                return toJava(json.parse(s));
              } catch (JsonProcessingException e) {
                throw new JException("D3140", 0, s);
              }
            }));
    frame.bind(
        "hash",
        fn(
            args -> {
              String data = String.valueOf(args.get(0));
              String algorithm = args.size() > 1 ? String.valueOf(args.get(1)) : "SHA-256";
              try {
                byte[] d =
                    MessageDigest.getInstance(algorithm)
                        .digest(data.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(d);
              } catch (NoSuchAlgorithmException e) {
                throw new JException("D3141", 0, algorithm);
              }
            }));
    frame.bind(
        "range",
        fn(
            args -> {
              long start = ((Number) args.get(0)).longValue();
              long end = ((Number) args.get(1)).longValue();
              long step = args.size() > 2 ? ((Number) args.get(2)).longValue() : 1;
              List<Object> out = new ArrayList<>();
              for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
                out.add(v);
                if (step == 0 || out.size() > 1000) {
                  break;
                }
              }
              // Recorded: a one-element range is a singleton sequence, so it comes out unwrapped.
              return out.size() == 1 ? out.get(0) : out;
            }));
  }

  private interface Body {
    Object apply(List<?> args);
  }

  private static Jsonata.JFunction fn(Body body) {
    return new Jsonata.JFunction(
        (input, args) -> body.apply(args == null ? List.of() : args), null);
  }

  // ---- conversion
  // ---------------------------------------------------------------------------------

  /** JSON to the objects dashjoin evaluates: maps, lists, numbers, NULL_VALUE for null. */
  public Object toJava(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return null;
    }
    switch (node.getNodeType()) {
      case OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          m.put(e.getKey(), toJava(e.getValue()));
        }
        return m;
      }
      case ARRAY -> {
        List<Object> l = new ArrayList<>(node.size());
        for (JsonNode n : node) {
          l.add(toJava(n));
        }
        return l;
      }
      case STRING -> {
        return node.textValue();
      }
      case BOOLEAN -> {
        return node.booleanValue();
      }
      case NUMBER -> {
        if (node.isIntegralNumber()) {
          BigInteger v = node.bigIntegerValue();
          return v.bitLength() < 32 ? (Object) v.intValue() : (Object) v.longValue();
        }
        return node.doubleValue();
      }
      default -> {
        return Jsonata.NULL_VALUE;
      }
    }
  }

  /** dashjoin's result back to JSON; whole doubles print as integers, as JavaScript does. */
  public JsonNode fromJava(Object value) {
    if (value == null || value == Jsonata.NULL_VALUE) {
      return json.nodes().nullNode();
    }
    if (value instanceof Map<?, ?> m) {
      ObjectNode o = json.object();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (e.getValue() == null) {
          continue; // undefined values drop out of objects
        }
        o.set(String.valueOf(e.getKey()), fromJava(e.getValue()));
      }
      return o;
    }
    if (value instanceof List<?> l) {
      ArrayNode a = json.nodes().arrayNode();
      for (Object o : l) {
        if (o != null) {
          a.add(fromJava(o));
        }
      }
      return a;
    }
    if (value instanceof String s) {
      return json.nodes().textNode(s);
    }
    if (value instanceof Boolean b) {
      return json.nodes().booleanNode(b);
    }
    if (value instanceof Integer i) {
      return json.nodes().numberNode(i);
    }
    if (value instanceof Long l) {
      return IntrinsicFunctions.normalise(json.nodes().numberNode(l), json);
    }
    if (value instanceof BigInteger b) {
      return IntrinsicFunctions.normalise(json.nodes().numberNode(b), json);
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      if (!Double.isFinite(d)) {
        throw new JException("D1001", 0, d);
      }
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return IntrinsicFunctions.normalise(json.nodes().numberNode((long) d), json);
      }
      return json.nodes().numberNode(new BigDecimal(Double.toString(d)));
    }
    if (value instanceof Supplier<?>) {
      throw new JException("T1006", 0, value);
    }
    // Functions and other values cannot be JSON.
    return json.nodes().textNode(String.valueOf(value));
  }
}
