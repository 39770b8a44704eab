package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * An event source mapping as {@code GetEventSourceMapping} describes it.
 *
 * @param uuid the mapping's id
 * @param eventSourceMappingArn {@code
 *     arn:aws:lambda:<region>:<account>:event-source-mapping:<uuid>}
 * @param eventSourceArn the queue's ARN
 * @param functionArn the function's ARN, with the qualifier it was given
 * @param batchSize the largest batch
 * @param maximumBatchingWindowInSeconds the batching window
 * @param functionResponseTypes {@code [ReportBatchItemFailures]} or empty
 * @param maximumConcurrency {@code ScalingConfig.MaximumConcurrency}, or null when not set
 * @param state {@code Creating}, {@code Enabled}, {@code Updating}, {@code Disabled}, {@code
 *     Deleting}; a new or updated mapping reports {@code Creating} or {@code Updating} until the
 *     clock next runs, as AWS answers 202 before the change takes effect
 * @param stateTransitionReason {@code USER_INITIATED}
 * @param lastModified when it last changed, on the virtual clock
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record EventSourceMappingConfiguration(
    String uuid,
    String eventSourceMappingArn,
    String eventSourceArn,
    String functionArn,
    int batchSize,
    int maximumBatchingWindowInSeconds,
    List<String> functionResponseTypes,
    Integer maximumConcurrency,
    String state,
    String stateTransitionReason,
    Instant lastModified) {

  public EventSourceMappingConfiguration {
    functionResponseTypes = List.copyOf(functionResponseTypes);
  }

  /** {@code ScalingConfig.MaximumConcurrency}, if set. */
  public Optional<Integer> scalingMaximumConcurrency() {
    return Optional.ofNullable(maximumConcurrency);
  }
}
