package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.AwsServiceException;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How many requests one API key may make in a period; past it, 429 {@code {"message":"Limit
 * Exceeded"}} until the period ends. Periods are calendar periods in UTC on the virtual clock.
 *
 * @param limit requests per period, at least 0
 * @param period DAY, WEEK (from Monday) or MONTH
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Quota(int limit, Period period) {

  /** A quota's period. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Period {
    DAY,
    WEEK,
    MONTH
  }

  public Quota {
    Objects.requireNonNull(period, "period");
    if (limit < 0) {
      throw new AwsServiceException(
          400, "BadRequestException", "Quota limit must not be negative; got " + limit + ".");
    }
  }

  public static Quota perDay(int limit) {
    return new Quota(limit, Period.DAY);
  }

  public static Quota perWeek(int limit) {
    return new Quota(limit, Period.WEEK);
  }

  public static Quota perMonth(int limit) {
    return new Quota(limit, Period.MONTH);
  }
}
