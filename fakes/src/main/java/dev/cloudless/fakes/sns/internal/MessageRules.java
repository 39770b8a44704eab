package dev.cloudless.fakes.sns.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudless.fakes.aws.MessageAttributeValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/** What {@code Publish} checks, with AWS's errors. */
final class MessageRules {

  /** Message plus attributes: 256 KB. */
  static final int MAX_PUBLISH_BYTES = 262_144;

  private static final Pattern TYPE = Pattern.compile("(String|Number|Binary)(\\..+)?");

  private MessageRules() {}

  /**
   * Checks message attributes: names of {@code [A-Za-z0-9_.-]}, at most 256 characters, not
   * starting or ending with a period and without {@code ..}; a known type; a non-empty value of the
   * type's field; a number that parses; a {@code String.Array} that is a JSON array.
   */
  static void validateAttributes(Map<String, MessageAttributeValue> attributes, ObjectMapper json) {
    for (Map.Entry<String, MessageAttributeValue> e : attributes.entrySet()) {
      String name = e.getKey();
      MessageAttributeValue v = e.getValue();
      validateName(name);
      String type = v.dataType();
      if (!TYPE.matcher(type).matches()) {
        throw SnsErrors.parameterValueInvalid(
            "The message attribute '"
                + name
                + "' has an invalid message attribute type, the set of supported type prefixes is"
                + " Binary, Number, and String.");
      }
      boolean binary = type.startsWith("Binary");
      boolean empty =
          binary
              ? v.binaryValue() == null || v.binaryValue().length == 0
              : v.stringValue() == null || v.stringValue().isEmpty();
      if (binary && v.stringValue() != null || !binary && v.binaryValue() != null) {
        throw SnsErrors.parameterValueInvalid(
            "The message attribute '"
                + name
                + "' with type '"
                + type
                + "' must use field '"
                + (binary ? "Binary" : "String")
                + "'.");
      }
      if (empty) {
        throw SnsErrors.parameterValueInvalid(
            "The message attribute '"
                + name
                + "' must contain non-empty message attribute value for message attribute type '"
                + type
                + "'.");
      }
      if (type.startsWith("Number")) {
        try {
          new BigDecimal(v.stringValue().trim());
        } catch (NumberFormatException ex) {
          throw SnsErrors.parameterValueInvalid(
              "Could not cast message attribute '" + name + "' value to number.");
        }
      }
      if (type.equals("String.Array")) {
        JsonNode array;
        try {
          array = json.readTree(v.stringValue());
        } catch (JsonProcessingException ex) {
          array = null;
        }
        if (array == null || !array.isArray()) {
          throw SnsErrors.parameterValueInvalid(
              "The message attribute '"
                  + name
                  + "' with type 'String.Array' must be a JSON array of strings, numbers, booleans"
                  + " or nulls.");
        }
      }
    }
  }

  private static void validateName(String name) {
    if (name.length() > 256) {
      throw SnsErrors.parameterValueInvalid(
          "Length of message attribute name must be less than 256 bytes.");
    }
    if (name.isEmpty()) {
      throw SnsErrors.parameterValueInvalid("The message attribute name must not be empty.");
    }
    if (name.startsWith(".")) {
      throw SnsErrors.parameterValueInvalid(
          "Invalid message attribute name starting with character '.' was found.");
    }
    if (name.endsWith(".")) {
      throw SnsErrors.parameterValueInvalid(
          "Invalid message attribute name ending with character '.' was found.");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-'
              || c == '.';
      if (!ok) {
        throw SnsErrors.parameterValueInvalid(
            "Invalid non-alphanumeric character '#x"
                + Integer.toHexString(c).toUpperCase()
                + "' was found in the message attribute name. Can only include alphanumeric"
                + " characters, hyphens, underscores, or dots.");
      }
      if (c == '.' && name.charAt(i - 1) == '.') {
        throw SnsErrors.parameterValueInvalid(
            "Message attribute name can not have successive '.' character.");
      }
    }
  }

  /** The bytes {@code Publish} counts against its limit: the message and every attribute part. */
  static long size(String message, Map<String, MessageAttributeValue> attributes) {
    long size = message == null ? 0 : message.getBytes(StandardCharsets.UTF_8).length;
    for (Map.Entry<String, MessageAttributeValue> e : attributes.entrySet()) {
      MessageAttributeValue v = e.getValue();
      size += e.getKey().getBytes(StandardCharsets.UTF_8).length;
      size += v.dataType().getBytes(StandardCharsets.UTF_8).length;
      size +=
          v.binaryValue() != null
              ? v.binaryValue().length
              : v.stringValue() == null
                  ? 0
                  : v.stringValue().getBytes(StandardCharsets.UTF_8).length;
    }
    return size;
  }

  /**
   * Checks a subject: not empty, at most 100 printable ASCII characters, no line break (AWS answers
   * {@code Invalid parameter: Subject}).
   */
  static void validateSubject(String subject) {
    if (subject == null) {
      return;
    }
    boolean ok = !subject.isEmpty() && subject.length() <= 100;
    for (int i = 0; ok && i < subject.length(); i++) {
      char c = subject.charAt(i);
      ok = c >= 0x20 && c < 0x7f;
    }
    if (!ok) {
      throw SnsErrors.invalidParameter("Invalid parameter: Subject");
    }
  }
}
