package dev.cloudless.fakes.sns.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * Signs messages as SNS does: {@code SHA1withRSA} (SignatureVersion 1) or {@code SHA256withRSA} (2)
 * over the canonical string of the message's fields, each name and value on its own line. The key
 * pair is drawn from the cloud's seed on first use (generating one costs tens of milliseconds,
 * which only clouds that deliver SNS messages pay), so signatures replay with the seed.
 */
final class MessageSigner {

  private final long seed;
  private final String region;
  private KeyPair keys;
  private String certificateUrl;

  MessageSigner(long seed, String region) {
    this.seed = seed;
    this.region = region;
  }

  synchronized PublicKey publicKey() {
    return keys().getPublic();
  }

  /** {@code https://sns.<region>.amazonaws.com/SimpleNotificationService-<md5 of key>.pem}. */
  synchronized String certificateUrl() {
    if (certificateUrl == null) {
      try {
        byte[] md5 = MessageDigest.getInstance("MD5").digest(keys().getPublic().getEncoded());
        certificateUrl =
            SnsUrls.base(region)
                + "/SimpleNotificationService-"
                + HexFormat.of().formatHex(md5)
                + ".pem";
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("MD5 is not available", e);
      }
    }
    return certificateUrl;
  }

  /**
   * The base64 signature of {@code fields} (name to value, in AWS's canonical order; absent values
   * left out by the caller).
   */
  String sign(Map<String, String> fields, String signatureVersion) {
    StringBuilder canonical = new StringBuilder();
    fields.forEach((name, value) -> canonical.append(name).append('\n').append(value).append('\n'));
    try {
      Signature signature =
          Signature.getInstance("2".equals(signatureVersion) ? "SHA256withRSA" : "SHA1withRSA");
      synchronized (this) {
        signature.initSign(keys().getPrivate());
      }
      signature.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not sign an SNS message", e);
    }
  }

  private KeyPair keys() {
    if (keys == null) {
      try {
        // SHA1PRNG seeded before first use is deterministic: the same seed gives the same key.
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(
            ByteBuffer.allocate(Long.BYTES + 3)
                .putLong(seed)
                .put("sns".getBytes(StandardCharsets.US_ASCII))
                .array());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, random);
        keys = generator.generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("Could not create the SNS signing key", e);
      }
    }
    return keys;
  }
}
