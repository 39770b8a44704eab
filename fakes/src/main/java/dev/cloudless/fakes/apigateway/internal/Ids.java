package dev.cloudless.fakes.apigateway.internal;

import java.util.Random;

/** API Gateway's ids, drawn from the cloud's seed: same seed, same ids. */
final class Ids {

  private static final char[] LOWER = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final char[] MIXED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private final Random random;

  Ids(Random random) {
    this.random = random;
  }

  /** Ten lowercase letters and digits, as API, key and root resource ids are. */
  String apiId() {
    return draw(LOWER, 10);
  }

  /** Six lowercase letters and digits, as resource, deployment and usage plan ids are. */
  String shortId() {
    return draw(LOWER, 6);
  }

  /**
   * Fifteen letters and digits and a {@code =}, as {@code x-amz-apigw-id}, {@code apigw-requestid}
   * and WebSocket connection ids look.
   */
  String extendedId() {
    return draw(MIXED, 15) + "=";
  }

  /** A 40-character API key value. */
  String apiKeyValue() {
    return draw(MIXED, 40);
  }

  private synchronized String draw(char[] alphabet, int length) {
    char[] id = new char[length];
    for (int i = 0; i < length; i++) {
      id[i] = alphabet[random.nextInt(alphabet.length)];
    }
    return new String(id);
  }
}
