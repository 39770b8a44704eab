package dev.cloudless.fakes.lambda.internal.urls;

import dev.cloudless.fakes.internal.http.IncomingRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks that a request to an {@code AWS_IAM} function URL carries a well-formed Signature Version
 * 4 {@code Authorization} header for the service {@code lambda} in the cloud's region.
 *
 * <p>Cloudless has no IAM and knows no secret keys, so it does not recompute the signature: it
 * checks the header's form (algorithm, credential scope, signed headers, a 64-digit hex signature)
 * and that {@code X-Amz-Date} is present and agrees with the scope's date. The request time is not
 * compared with the clock, since signers read the wall clock and the cloud runs on virtual time.
 */
final class SigV4Check {

  private static final String ALGORITHM = "AWS4-HMAC-SHA256";
  private static final Pattern AMZ_DATE = Pattern.compile("\\d{8}T\\d{6}Z");
  private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");

  /** Who signed, or why the request is refused: exactly one is set. */
  record Result(String accessKeyId, String refusal) {
    boolean accepted() {
      return refusal == null;
    }
  }

  private SigV4Check() {}

  static Result check(IncomingRequest request, String region) {
    String authorization = request.header("Authorization");
    if (authorization == null) {
      return refuse("AWS_IAM: the request is not signed (no Authorization header)");
    }
    if (!authorization.startsWith(ALGORITHM + " ")) {
      return refuse(
          "AWS_IAM: the Authorization header does not start with "
              + ALGORITHM
              + "; got ["
              + firstWord(authorization)
              + "]");
    }
    Map<String, String> parts = parts(authorization.substring(ALGORITHM.length() + 1));
    String credential = parts.get("Credential");
    String signedHeaders = parts.get("SignedHeaders");
    String signature = parts.get("Signature");
    if (credential == null || signedHeaders == null || signature == null) {
      return refuse(
          "AWS_IAM: the Authorization header needs Credential, SignedHeaders and Signature; got "
              + parts.keySet());
    }
    String[] scope = credential.split("/");
    if (scope.length != 5 || scope[0].isEmpty() || !scope[1].matches("\\d{8}")) {
      return refuse(
          "AWS_IAM: Credential ["
              + credential
              + "] is not <access key>/<yyyyMMdd>/<region>/lambda/aws4_request");
    }
    if (!scope[2].equals(region)) {
      return refuse(
          "AWS_IAM: the credential is scoped to region ["
              + scope[2]
              + "]; this cloud's function URLs are in ["
              + region
              + "]");
    }
    if (!scope[3].equals("lambda")) {
      return refuse(
          "AWS_IAM: the credential is scoped to service [" + scope[3] + "]; sign for [lambda]");
    }
    if (!scope[4].equals("aws4_request")) {
      return refuse("AWS_IAM: the credential scope must end in aws4_request; got " + scope[4]);
    }
    List<String> signed = Arrays.asList(signedHeaders.toLowerCase(Locale.ROOT).split(";"));
    if (!signed.contains("host")) {
      return refuse("AWS_IAM: SignedHeaders [" + signedHeaders + "] must include host");
    }
    if (!SIGNATURE.matcher(signature).matches()) {
      return refuse("AWS_IAM: Signature [" + signature + "] is not 64 lowercase hex digits");
    }
    String date = request.header("X-Amz-Date");
    if (date == null || !AMZ_DATE.matcher(date).matches()) {
      return refuse(
          "AWS_IAM: X-Amz-Date must be present as yyyyMMdd'T'HHmmss'Z'; got [" + date + "]");
    }
    if (!signed.contains("x-amz-date")) {
      return refuse("AWS_IAM: SignedHeaders [" + signedHeaders + "] must include x-amz-date");
    }
    if (!date.startsWith(scope[1])) {
      return refuse(
          "AWS_IAM: X-Amz-Date ["
              + date
              + "] is not on the credential scope's date ["
              + scope[1]
              + "]");
    }
    return new Result(scope[0], null);
  }

  private static Result refuse(String why) {
    return new Result(null, why);
  }

  /** {@code Credential=a/b, SignedHeaders=c;d, Signature=e} as a map. */
  private static Map<String, String> parts(String value) {
    Map<String, String> parts = new LinkedHashMap<>();
    for (String part : value.split(",")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
      }
    }
    return parts;
  }

  private static String firstWord(String s) {
    int space = s.indexOf(' ');
    return space < 0 ? s : s.substring(0, space);
  }
}
