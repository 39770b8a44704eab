package dev.cloudless.fakes.stepfunctions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * One event of an execution's history, as {@code GetExecutionHistory} returns it: ids count from 1
 * without gaps, {@code previousEventId} points at the event that caused this one, and the details
 * are the {@code <type>EventDetails} object AWS sends (inputs and outputs as JSON strings, with
 * {@code {"truncated": false}} beside them).
 *
 * @param type such as {@code TaskStateEntered} or {@code LambdaFunctionFailed}
 * @param detailsName such as {@code stateEnteredEventDetails}, or null for events without details
 * @param details the details object (do not modify), or null
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record HistoryEvent(
    long id,
    long previousEventId,
    Instant timestamp,
    String type,
    String detailsName,
    JsonNode details) {

  /** A detail field as text, or null: {@code event.detail("name")}. */
  public String detail(String field) {
    if (details == null || !details.has(field) || details.get(field).isNull()) {
      return null;
    }
    JsonNode v = details.get(field);
    return v.isTextual() ? v.textValue() : v.toString();
  }
}
