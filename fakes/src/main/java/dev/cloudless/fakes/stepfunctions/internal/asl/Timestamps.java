package dev.cloudless.fakes.stepfunctions.internal.asl;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.apiguardian.api.API;

/**
 * ASL timestamps: RFC 3339 / ISO-8601 extended offset date-times, such as {@code
 * 2016-03-14T01:59:00Z} or {@code 2016-03-14T01:59:00.123+01:00}. A time without an offset, or a
 * space instead of the {@code T}, is not one (recorded).
 */
@API(status = INTERNAL, since = "0.1")
public final class Timestamps {

  private Timestamps() {}

  /** The instant, or null when the text is not an ASL timestamp. */
  public static Instant parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
