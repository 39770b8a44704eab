package dev.cloudless.fakes.sqs.internal;

import dev.cloudless.fakes.aws.MessageAttributeValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/** SQS's rules for a message: body characters, attributes, size; and the FIFO content digest. */
final class MessageRules {

  static final int MAX_ATTRIBUTES = 10;

  /** FIFO ids and receive attempt ids: 1 to 128 ASCII letters, digits and punctuation. */
  private static final Pattern ID = Pattern.compile("[!-~]{1,128}");

  private MessageRules() {}

  /** Checks a {@code MessageGroupId}, {@code MessageDeduplicationId} or receive attempt id. */
  static void checkId(String parameter, String value) {
    if (!ID.matcher(value).matches()) {
      throw SqsErrors.invalidParameterValue(
          "Value "
              + value
              + " for parameter "
              + parameter
              + " is invalid. Reason: "
              + parameter
              + " can only include alphanumeric and punctuation characters. 1 to 128 in length.");
    }
  }

  /**
   * Checks a body and its attributes: present, made of SQS's characters, attributes valid and at
   * most 10, and body plus attributes within the queue's {@code MaximumMessageSize}.
   */
  static void checkBody(
      String body, Map<String, MessageAttributeValue> attributes, int maximumMessageSize) {
    if (body == null || body.isEmpty()) {
      throw SqsErrors.missingParameter("MessageBody");
    }
    if (!validCharacters(body)) {
      throw SqsErrors.invalidMessageContents();
    }
    MessageAttributeRules.validate(attributes);
    if (attributes.size() > MAX_ATTRIBUTES) {
      throw SqsErrors.invalidParameterValue(
          "Number of message attributes ["
              + attributes.size()
              + "] exceeds the allowed maximum ["
              + MAX_ATTRIBUTES
              + "].");
    }
    if (size(body, attributes) > maximumMessageSize) {
      throw SqsErrors.invalidParameterValue(
          "One or more parameters are invalid. Reason: Message must be shorter than "
              + maximumMessageSize
              + " bytes.");
    }
  }

  /** The size SQS counts: the body's UTF-8 bytes plus each attribute's name, type and value. */
  static long size(String body, Map<String, MessageAttributeValue> attributes) {
    long size = body == null ? 0 : body.getBytes(StandardCharsets.UTF_8).length;
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

  /** The characters SQS accepts: #x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD | #x10000+. */
  static boolean validCharacters(String body) {
    for (int i = 0; i < body.length(); ) {
      int c = body.codePointAt(i);
      boolean ok =
          c == 0x9
              || c == 0xA
              || c == 0xD
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || (c >= 0x10000 && c <= 0x10FFFF);
      if (!ok) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  /** Content-based deduplication's id: the hex SHA-256 of the body's UTF-8 bytes. */
  static String sha256(String body) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }
}
