package dev.cloudless.fakes.sqs.internal;

import dev.cloudless.fakes.aws.MessageAttributeValue;
import java.util.Map;
import java.util.regex.Pattern;

/** SQS's rules for message attribute names, types and values. */
final class MessageAttributeRules {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,256}");

  private MessageAttributeRules() {}

  static void validate(Map<String, MessageAttributeValue> attributes) {
    for (Map.Entry<String, MessageAttributeValue> e : attributes.entrySet()) {
      String name = e.getKey();
      MessageAttributeValue value = e.getValue();
      if (!NAME.matcher(name).matches()
          || name.startsWith(".")
          || name.endsWith(".")
          || name.contains("..")
          || name.toLowerCase().startsWith("aws.")
          || name.toLowerCase().startsWith("amazon.")) {
        throw SqsErrors.invalidParameterValue(
            "Message (user) attribute name '"
                + name
                + "' is invalid: use 1 to 256 letters, digits, '_', '-' and '.', not starting or"
                + " ending with '.', without '..', and not starting with 'AWS.' or 'Amazon.'.");
      }
      String base = value.baseType();
      switch (base) {
        case "String", "Number" -> {
          if (value.stringValue() == null || value.stringValue().isEmpty()) {
            throw SqsErrors.invalidParameterValue(
                "Message (user) attribute '"
                    + name
                    + "' must contain a non-empty value of type '"
                    + base
                    + "'.");
          }
          if (base.equals("Number") && !isNumber(value.stringValue())) {
            throw SqsErrors.invalidParameterValue(
                "Can't cast the value of message (user) attribute '"
                    + name
                    + "' to a number: "
                    + value.stringValue());
          }
        }
        case "Binary" -> {
          if (value.binaryValue() == null || value.binaryValue().length == 0) {
            throw SqsErrors.invalidParameterValue(
                "Message (user) attribute '"
                    + name
                    + "' must contain a non-empty value of type 'Binary'.");
          }
        }
        default ->
            throw SqsErrors.invalidParameterValue(
                "The type of message (user) attribute '"
                    + name
                    + "' is invalid. You must use only the following supported type prefixes:"
                    + " Binary, Number, String.");
      }
    }
  }

  private static boolean isNumber(String text) {
    try {
      new java.math.BigDecimal(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
