package dev.cloudless.trace;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * Formats an instant relative to an origin as timelines and journals show it: {@code t+12.345s}
 * below 1,000 seconds, {@code t+2d03:04:05.000} above.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RelativeTime {

  private RelativeTime() {}

  /** {@code time} relative to {@code origin}. */
  public static String format(Instant origin, Instant time) {
    return format(Duration.between(origin, time));
  }

  /** An offset from the origin. */
  public static String format(Duration offset) {
    String sign = offset.isNegative() ? "-" : "+";
    Duration abs = offset.abs();
    if (abs.getSeconds() < 1000) {
      return String.format("t%s%d.%03ds", sign, abs.getSeconds(), abs.toMillisPart());
    }
    long days = abs.toDays();
    return String.format(
        "t%s%s%02d:%02d:%02d.%03d",
        sign,
        days > 0 ? days + "d" : "",
        abs.toHoursPart(),
        abs.toMinutesPart(),
        abs.toSecondsPart(),
        abs.toMillisPart());
  }
}
