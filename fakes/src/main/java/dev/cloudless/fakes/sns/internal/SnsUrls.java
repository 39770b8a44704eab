package dev.cloudless.fakes.sns.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The URLs SNS puts in its messages, built as AWS builds them. */
final class SnsUrls {

  private SnsUrls() {}

  /** {@code https://sns.<region>.amazonaws.com}, {@code .com.cn} in China. */
  static String base(String region) {
    return "https://sns." + region + ".amazonaws.com" + (region.startsWith("cn-") ? ".cn" : "");
  }

  static String unsubscribe(String region, String subscriptionArn) {
    return base(region) + "/?Action=Unsubscribe&SubscriptionArn=" + subscriptionArn;
  }

  static String subscribe(String region, String topicArn, String token) {
    return base(region) + "/?Action=ConfirmSubscription&TopicArn=" + topicArn + "&Token=" + token;
  }

  /** The query parameters of a URL. */
  static Map<String, String> query(String url) {
    Map<String, String> params = new LinkedHashMap<>();
    int q = url == null ? -1 : url.indexOf('?');
    if (q < 0) {
      return params;
    }
    for (String pair : url.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }
}
