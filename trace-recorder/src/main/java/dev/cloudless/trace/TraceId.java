package dev.cloudless.trace;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * An X-Ray trace id: {@code 1-<8 hex digits: epoch seconds>-<24 hex digits: 96 random bits>}, for
 * example {@code 1-58406520-a006649127e371903a2de979}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TraceId(String value) {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** Checks the format, so that a malformed id never travels through a trace header. */
  public TraceId {
    Objects.requireNonNull(value, "value");
    if (!wellFormed(value)) {
      throw new IllegalArgumentException(
          "Trace id ["
              + value
              + "] is not an X-Ray trace id; expected 1-<8 hex digits>-<24 hex digits>,"
              + " such as 1-58406520-a006649127e371903a2de979.");
    }
  }

  /** {@code 1-} then 8 and 24 lower-case hex digits around a dash; checked by hand, it is hot. */
  private static boolean wellFormed(String value) {
    if (value.length() != 35
        || value.charAt(0) != '1'
        || value.charAt(1) != '-'
        || value.charAt(10) != '-') {
      return false;
    }
    for (int i = 2; i < 35; i++) {
      char c = value.charAt(i);
      if (i != 10 && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
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
    char[] id = new char[35];
    id[0] = '1';
    id[1] = '-';
    long seconds = time.getEpochSecond();
    for (int i = 0; i < 8; i++) {
      id[2 + i] = HEX[(int) (seconds >>> (28 - 4 * i)) & 0xF];
    }
    id[10] = '-';
    for (int i = 0; i < 12; i++) {
      id[11 + 2 * i] = HEX[(bits[i] >> 4) & 0xF];
      id[12 + 2 * i] = HEX[bits[i] & 0xF];
    }
    return new TraceId(new String(id));
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
