package dev.cloudless.fakes.aws;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An Amazon Resource Name: {@code arn:partition:service:region:account-id:resource}.
 *
 * @param partition {@code aws}, {@code aws-cn} or {@code aws-us-gov}
 * @param service such as {@code lambda} or {@code sqs}
 * @param region such as {@code us-east-1}
 * @param accountId twelve digits
 * @param resource such as {@code function:charge} or {@code orders}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Arn(
    String partition, String service, String region, String accountId, String resource) {

  public Arn {
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(resource, "resource");
  }

  /** The ARN of a resource in {@code region}'s partition. */
  public static Arn of(String service, String region, String accountId, String resource) {
    return new Arn(partitionOf(region), service, region, accountId, resource);
  }

  /**
   * Parses an ARN.
   *
   * @throws IllegalArgumentException if {@code value} does not have six colon-separated parts
   *     starting with {@code arn}
   */
  public static Arn parse(String value) {
    String[] parts = value == null ? new String[0] : value.split(":", 6);
    if (parts.length != 6 || !parts[0].equals("arn")) {
      throw new IllegalArgumentException(
          "["
              + value
              + "] is not an ARN; expected arn:<partition>:<service>:<region>:<account>:<resource>.");
    }
    return new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]);
  }

  /** Whether {@code value} parses as an ARN. */
  public static boolean isArn(String value) {
    return value != null && value.startsWith("arn:") && value.split(":", 6).length == 6;
  }

  /**
   * The partition AWS uses for a region: {@code aws-cn} for China, {@code aws-us-gov} for GovCloud.
   */
  public static String partitionOf(String region) {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    if (region.startsWith("us-gov-")) {
      return "aws-us-gov";
    }
    return "aws";
  }

  @Override
  public String toString() {
    return String.join(":", "arn", partition, service, region, accountId, resource);
  }
}
