package dev.cloudless.fakes.stepfunctions.internal.asl;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.stepfunctions.internal.eval.JsonPaths;
import dev.cloudless.fakes.stepfunctions.internal.eval.JsonataTemplate;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A Wait state: exactly one of {@code Seconds}, {@code SecondsPath}, {@code Timestamp}, {@code
 * TimestampPath} (JSONata: {@code Seconds} or {@code Timestamp}, literal or expression).
 */
@API(status = INTERNAL, since = "0.1")
public record WaitState(
    String name,
    DataFlow flow,
    String next,
    Long seconds,
    JsonPaths.Path secondsPath,
    Instant timestamp,
    JsonPaths.Path timestampPath,
    JsonataTemplate secondsExpression,
    JsonataTemplate timestampExpression)
    implements State {
  @Override
  public String type() {
    return "Wait";
  }
}
