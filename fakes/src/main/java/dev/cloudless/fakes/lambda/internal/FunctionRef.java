package dev.cloudless.fakes.lambda.internal;

import dev.cloudless.fakes.aws.AwsServiceException;

/**
 * A function named the ways {@code Invoke} accepts: {@code charge}, {@code charge:live}, {@code
 * 123456789012:function:charge}, or a full ARN, each optionally qualified.
 *
 * @param name the function name
 * @param qualifier the version or alias given with the name, or null
 */
record FunctionRef(String name, String qualifier) {

  static FunctionRef parse(String value) {
    String rest = value;
    if (rest.startsWith("arn:")) {
      String[] parts = rest.split(":");
      // arn:partition:lambda:region:account:function:name[:qualifier]
      if (parts.length < 7 || !parts[2].equals("lambda") || !parts[5].equals("function")) {
        throw invalid(value);
      }
      return new FunctionRef(parts[6], parts.length > 7 ? parts[7] : null);
    }
    String[] parts = rest.split(":");
    if (parts.length >= 3 && parts[1].equals("function")) {
      return new FunctionRef(parts[2], parts.length > 3 ? parts[3] : null);
    }
    if (parts.length == 2) {
      return new FunctionRef(parts[0], parts[1]);
    }
    if (parts.length == 1 && !parts[0].isEmpty()) {
      return new FunctionRef(parts[0], null);
    }
    throw invalid(value);
  }

  private static AwsServiceException invalid(String value) {
    return new AwsServiceException(
        400,
        "ValidationException",
        "1 validation error detected: Value '"
            + value
            + "' at 'functionName' failed to satisfy constraint: Member must satisfy regular"
            + " expression pattern:"
            + " (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
  }
}
