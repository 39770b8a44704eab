package dev.cloudless.fakes.sqs.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.aws.MessageAttributeValue;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/** The MD5 digests SQS returns for a body and for message attributes. */
@API(status = INTERNAL, since = "0.1")
public final class MessageDigests {

  private MessageDigests() {}

  /** Hex MD5 of the body's UTF-8 bytes. */
  public static String ofBody(String body) {
    return HexFormat.of().formatHex(md5().digest(body.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * AWS's digest of message attributes: for each attribute in name order, the length-prefixed name,
   * the length-prefixed data type, a transport byte (1 for string values, 2 for binary) and the
   * length-prefixed value; null when there are no attributes.
   */
  public static String ofAttributes(Map<String, MessageAttributeValue> attributes) {
    if (attributes.isEmpty()) {
      return null;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (Map.Entry<String, MessageAttributeValue> e : new TreeMap<>(attributes).entrySet()) {
      MessageAttributeValue value = e.getValue();
      lengthPrefixed(bytes, e.getKey().getBytes(StandardCharsets.UTF_8));
      lengthPrefixed(bytes, value.dataType().getBytes(StandardCharsets.UTF_8));
      if (value.binaryValue() != null) {
        bytes.write(2);
        lengthPrefixed(bytes, value.binaryValue());
      } else {
        bytes.write(1);
        lengthPrefixed(bytes, value.stringValue().getBytes(StandardCharsets.UTF_8));
      }
    }
    return HexFormat.of().formatHex(md5().digest(bytes.toByteArray()));
  }

  private static void lengthPrefixed(ByteArrayOutputStream out, byte[] value) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
    out.writeBytes(value);
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has MD5", e);
    }
  }
}
