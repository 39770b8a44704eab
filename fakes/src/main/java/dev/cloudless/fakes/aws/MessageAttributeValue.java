package dev.cloudless.fakes.aws;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A message attribute as SQS and SNS take it: a data type ({@code String}, {@code Number}, {@code
 * Binary}, optionally with a custom suffix such as {@code Number.float}) and a string or binary
 * value.
 *
 * @param dataType {@code String}, {@code Number} or {@code Binary}, optionally {@code .suffix}
 * @param stringValue the value for {@code String} and {@code Number} types, else {@code null}
 * @param binaryValue the value for {@code Binary} types, else {@code null}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record MessageAttributeValue(String dataType, String stringValue, byte[] binaryValue) {

  public MessageAttributeValue {
    Objects.requireNonNull(dataType, "dataType");
    binaryValue = binaryValue == null ? null : binaryValue.clone();
  }

  /** A {@code String} attribute. */
  public static MessageAttributeValue string(String value) {
    return new MessageAttributeValue("String", value, null);
  }

  /** A {@code Number} attribute; AWS keeps numbers as their decimal text. */
  public static MessageAttributeValue number(String value) {
    return new MessageAttributeValue("Number", value, null);
  }

  /** A {@code Number} attribute. */
  public static MessageAttributeValue number(long value) {
    return number(Long.toString(value));
  }

  /** A {@code Binary} attribute. */
  public static MessageAttributeValue binary(byte[] value) {
    return new MessageAttributeValue("Binary", null, value);
  }

  /** The base type: {@code String}, {@code Number} or {@code Binary}, without custom suffix. */
  public String baseType() {
    int dot = dataType.indexOf('.');
    return dot < 0 ? dataType : dataType.substring(0, dot);
  }

  @Override
  public byte[] binaryValue() {
    return binaryValue == null ? null : binaryValue.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MessageAttributeValue other
        && dataType.equals(other.dataType)
        && Objects.equals(stringValue, other.stringValue)
        && Arrays.equals(binaryValue, other.binaryValue);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dataType, stringValue, Arrays.hashCode(binaryValue));
  }

  @Override
  public String toString() {
    return binaryValue != null
        ? dataType + "(" + binaryValue.length + " bytes)"
        : dataType + ":" + stringValue;
  }
}
