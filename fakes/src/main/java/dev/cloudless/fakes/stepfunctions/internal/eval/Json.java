package dev.cloudless.fakes.stepfunctions.internal.eval;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * JSON as Step Functions handles it: numbers exact ({@code 1.0} stays {@code 1.0}, big integers
 * stay whole), compact text, and the type names AWS uses in its messages.
 *
 * <p>Nodes are treated as immutable everywhere in the engine: a state that changes a document
 * (ResultPath) copies the objects on its way down, so a value shared between states, variables and
 * history never changes under anyone's feet.
 */
@API(status = INTERNAL, since = "0.1")
public final class Json {

  private final ObjectMapper mapper;

  /** A codec derived from {@code base} (the cloud's mapper), reconfigured for exact numbers. */
  public Json(ObjectMapper base) {
    this.mapper =
        base.copy()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  public JsonNodeFactory nodes() {
    return mapper.getNodeFactory();
  }

  public ObjectNode object() {
    return mapper.createObjectNode();
  }

  /** Parses JSON text, numbers exact. */
  public JsonNode parse(String text) throws JsonProcessingException {
    return mapper.readTree(text);
  }

  /** Compact JSON text, as AWS writes inputs and outputs in history and causes. */
  public String write(JsonNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree always serialises", e);
    }
  }

  /** A shallow copy of an object: its fields are shared, its own field list is new. */
  public ObjectNode shallowCopy(ObjectNode source) {
    ObjectNode copy = mapper.createObjectNode();
    Iterator<Map.Entry<String, JsonNode>> it = source.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      copy.set(e.getKey(), e.getValue());
    }
    return copy;
  }

  /**
   * The type name Step Functions uses in messages: object, array, string, number, boolean, null.
   */
  public static String typeName(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "undefined";
    }
    JsonNodeType type = node.getNodeType();
    return switch (type) {
      case OBJECT, POJO -> "object";
      case ARRAY -> "array";
      case STRING, BINARY -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      default -> "null";
    };
  }
}
