package dev.cloudless.fakes.s3.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * S3's naming rules for general purpose buckets
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).
 */
final class BucketNames {

  /** 3 to 63 lowercase letters, digits, dots and hyphens, beginning and ending alphanumeric. */
  private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  /** Prefixes and suffixes S3 reserves for its own names (aliases, access points, S3 Tables). */
  private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");

  private static final List<String> RESERVED_SUFFIXES =
      List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

  private BucketNames() {}

  static boolean valid(String name) {
    return SHAPE.matcher(name).matches()
        && !name.contains("..")
        && !IP_ADDRESS.matcher(name).matches()
        && RESERVED_PREFIXES.stream().noneMatch(name::startsWith)
        && RESERVED_SUFFIXES.stream().noneMatch(name::endsWith);
  }
}
