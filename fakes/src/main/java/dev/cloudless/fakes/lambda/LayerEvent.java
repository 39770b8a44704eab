package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.journal.JournalEvent;
import java.time.Instant;
import org.apiguardian.api.API;

/** What the fake Lambda records in the journal about layers. */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface LayerEvent extends JournalEvent {

  /** The layer's name. */
  String layerName();

  /** A layer version was published; {@code resourceArn} is its layer version ARN. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record LayerVersionPublished(
      long sequence,
      Instant time,
      String resourceArn,
      String layerName,
      long version,
      String codeSha256,
      long codeSize)
      implements LayerEvent {
    @Override
    public String traceId() {
      return null;
    }

    @Override
    public String summary() {
      return "layer " + layerName + ":" + version + " published (" + codeSize + " bytes)";
    }
  }

  /** A layer version was deleted; functions already using it keep its content. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record LayerVersionDeleted(
      long sequence, Instant time, String resourceArn, String layerName, long version)
      implements LayerEvent {
    @Override
    public String traceId() {
      return null;
    }

    @Override
    public String summary() {
      return "layer " + layerName + ":" + version + " deleted";
    }
  }
}
