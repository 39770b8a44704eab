package dev.cloudless.trace;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * An X-Ray trace id: {@code 1-<8 hex digits: epoch seconds>-<24 hex digits: 96 random bits>}, for
 * example {@code 1-58406520-a006649127e371903a2de979}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TraceId(String value) {

  private static final Pattern FORMAT = Pattern.compile("1-[0-9a-f]{8}-[0-9a-f]{24}");

  /** Checks the format, so that a malformed id never travels through a trace header. */
  public TraceId {
    Objects.requireNonNull(value, "value");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "Trace id ["
              + value
              + "] is not an X-Ray trace id; expected 1-<8 hex digits>-<24 hex digits>,"
              + " such as 1-58406520-a006649127e371903a2de979.");
    }
  }

  /** Parses a trace id, checking its format. */
  public static TraceId of(String value) {
    return new TraceId(value);
  }

  /**
   * A new trace id whose time part is {@code time} (the virtual clock's instant in Cloudless) and
   * whose 96 random bits come from {@code random} (the cloud's seeded source).
   */
  public static TraceId generate(Instant time, RandomGenerator random) {
    byte[] bits = new byte[12];
    random.nextBytes(bits);
    return new TraceId(
        String.format("1-%08x-%s", time.getEpochSecond(), HexFormat.of().formatHex(bits)));
  }

  /** The instant encoded in the id, to the second. */
  public Instant epochTime() {
    return Instant.ofEpochSecond(Long.parseLong(value.substring(2, 10), 16));
  }

  @Override
  public String toString() {
    return value;
  }
}
