package dev.cloudless.fakes.sqs.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Receipt handles. A handle names the queue, the stored message and the receive that issued it, so
 * a stale handle (issued before a later receive) is recognised without keeping every handle ever
 * issued; a random nonce makes two handles of one receive count differ, as AWS's do.
 */
final class ReceiptHandles {

  private static final String PREFIX = "AQEB";

  private ReceiptHandles() {}

  /** What a handle says: which stored message, and after how many receives it was issued. */
  record Parsed(long key, int receiveCount) {}

  static String issue(String queueName, long key, int receiveCount, long nonce) {
    String raw = queueName + "\n" + key + "\n" + receiveCount + "\n" + Long.toHexString(nonce);
    return PREFIX
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a handle issued by the queue named {@code queueName}.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code ReceiptHandleIsInvalid} otherwise
   */
  static Parsed parse(String queueName, String handle) {
    if (handle != null && handle.startsWith(PREFIX)) {
      try {
        String raw =
            new String(
                Base64.getUrlDecoder().decode(handle.substring(PREFIX.length())),
                StandardCharsets.UTF_8);
        String[] parts = raw.split("\n");
        if (parts.length == 4 && parts[0].equals(queueName)) {
          return new Parsed(Long.parseLong(parts[1]), Integer.parseInt(parts[2]));
        }
      } catch (IllegalArgumentException e) {
        // Not one of ours: falls through to AWS's error.
      }
    }
    throw SqsErrors.receiptHandleIsInvalid(handle);
  }
}
