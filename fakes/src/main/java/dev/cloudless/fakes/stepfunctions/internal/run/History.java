package dev.cloudless.fakes.stepfunctions.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudless.fakes.stepfunctions.HistoryEvent;
import dev.cloudless.fakes.stepfunctions.internal.eval.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * An execution's history, numbered as AWS numbers it: ids from 1 without gaps, each event pointing
 * at its cause. The ids matter beyond the history itself: AWS quotes the id of a failing state's
 * {@code ...StateEntered} event in its causes.
 */
@API(status = INTERNAL, since = "0.1")
public final class History {

  /** AWS's cap for a Standard execution's history. */
  public static final int MAX_EVENTS = 25_000;

  private final Json json;
  private final List<HistoryEvent> events = new ArrayList<>();

  public History(Json json) {
    this.json = json;
  }

  /** Appends an event and returns its id. */
  public synchronized long add(
      String type, long previousEventId, Instant at, String detailsName, ObjectNode details) {
    long id = events.size() + 1L;
    events.add(new HistoryEvent(id, previousEventId, at, type, detailsName, details));
    return id;
  }

  public synchronized List<HistoryEvent> events() {
    return List.copyOf(events);
  }

  public synchronized int size() {
    return events.size();
  }

  // ---- detail builders
  // ---------------------------------------------------------------------------

  ObjectNode details() {
    return json.object();
  }

  /** Puts {@code field} as a JSON string and {@code fieldDetails: {truncated: false}}. */
  ObjectNode payload(ObjectNode details, String field, JsonNode value) {
    details.put(field, json.write(value));
    details.putObject(field + "Details").put("truncated", false);
    return details;
  }
}
