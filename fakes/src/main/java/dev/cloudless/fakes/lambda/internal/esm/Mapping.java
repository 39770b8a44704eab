package dev.cloudless.fakes.lambda.internal.esm;

import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.PolledQueue;
import dev.cloudless.fakes.lambda.EventSourceMappingConfiguration;
import dev.cloudless.fakes.lambda.EventSourceMappingSpec;
import java.time.Duration;
import java.time.Instant;

/**
 * One event source mapping: its settings, its state, and the poller that reads its queue.
 *
 * <p>AWS answers {@code CreateEventSourceMapping} and {@code UpdateEventSourceMapping} with 202 and
 * the state {@code Creating} or {@code Updating}; the change takes effect a moment later. Here it
 * takes effect when the clock next runs, at the same instant.
 */
final class Mapping {

  private final CloudContext cloud;
  private final String uuid;
  private final String arn;
  private final PolledQueue queue;
  private final SqsPoller poller;

  private volatile EventSourceMappingSpec spec;
  private volatile EventSourceMappings.Functions.Target function;
  private volatile String state;
  private volatile Instant lastModified;
  private String pendingChange;
  private boolean deleted;

  Mapping(
      CloudContext cloud,
      String uuid,
      String arn,
      EventSourceMappingSpec spec,
      EventSourceMappings.Functions.Target function,
      PolledQueue queue) {
    this.cloud = cloud;
    this.uuid = uuid;
    this.arn = arn;
    this.spec = spec;
    this.function = function;
    this.queue = queue;
    this.poller = new SqsPoller(cloud, this, queue);
  }

  String uuid() {
    return uuid;
  }

  EventSourceMappingSpec spec() {
    return spec;
  }

  PolledQueue queue() {
    return queue;
  }

  /** The function's ARN as the mapping names it: with a version or alias if it was given one. */
  String functionArn() {
    return function.functionArn();
  }

  String functionName() {
    return function.functionName();
  }

  Duration functionTimeout() {
    return function.timeout();
  }

  /** The function's unqualified ARN, which its journal events are filed under. */
  String unqualifiedFunctionArn() {
    String[] parts = function.functionArn().split(":");
    return parts.length > 7 ? String.join(":", java.util.Arrays.copyOf(parts, 7)) : functionArn();
  }

  synchronized void created() {
    state = "Creating";
    lastModified = cloud.now();
    settleLater("created");
  }

  synchronized void updated(
      EventSourceMappingSpec newSpec, EventSourceMappings.Functions.Target newFunction) {
    spec = newSpec;
    function = newFunction;
    state = "Updating";
    lastModified = cloud.now();
    settleLater("updated");
  }

  synchronized EventSourceMappingConfiguration deleted() {
    deleted = true;
    state = "Deleting";
    lastModified = cloud.now();
    poller.stop();
    EventSourceMappings.journal(cloud, this, "deleted", "Deleted");
    return configuration();
  }

  void stop() {
    poller.stop();
  }

  private void settleLater(String change) {
    boolean alreadyPending = pendingChange != null;
    pendingChange = pendingChange == null ? change : pendingChange;
    if (!alreadyPending) {
      cloud
          .scheduler()
          .schedule(Duration.ZERO, "event source mapping " + uuid + " takes effect", this::settle);
    }
  }

  private void settle() {
    String change;
    synchronized (this) {
      if (deleted) {
        return;
      }
      change = pendingChange;
      pendingChange = null;
      state = spec.enabled() ? "Enabled" : "Disabled";
    }
    EventSourceMappings.journal(cloud, this, change, state);
    if (spec.enabled()) {
      poller.start();
    } else {
      poller.stop();
    }
  }

  synchronized EventSourceMappingConfiguration configuration() {
    return new EventSourceMappingConfiguration(
        uuid,
        arn,
        spec.eventSourceArn(),
        function.functionArn(),
        spec.batchSize(),
        (int) spec.maximumBatchingWindow().getSeconds(),
        spec.functionResponseTypes(),
        spec.maximumConcurrency(),
        state,
        "USER_INITIATED",
        lastModified);
  }
}
