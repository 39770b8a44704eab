package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.AwsResource;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What {@code CreateEventSourceMapping} takes for an SQS queue: Lambda polls the queue and invokes
 * the function synchronously with batches of messages, deleting each batch the function handles.
 *
 * <pre>{@code
 * cloud.lambda().createEventSourceMapping(
 *     EventSourceMappingSpec.of(orders, "ship-orders").batchSize(5).reportBatchItemFailures());
 * }</pre>
 *
 * <p>Values are checked when the mapping is created, as AWS checks them: batch size 1 to 10,000 (10
 * for FIFO queues, and above 10 only with a batching window), batching window 0 to 300 seconds
 * (none for FIFO queues), maximum concurrency 2 to 1,000.
 *
 * @param eventSourceArn the queue's ARN
 * @param functionName the function's name or ARN, optionally with a version or alias
 * @param batchSize how many messages a batch holds at most; default 10
 * @param maximumBatchingWindow how long to gather messages before invoking; default zero
 * @param functionResponseTypes {@code ReportBatchItemFailures} or nothing
 * @param maximumConcurrency the most batches invoked at once ({@code ScalingConfig}), or null for
 *     no limit beyond Lambda's
 * @param enabled whether the mapping polls; default true
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record EventSourceMappingSpec(
    String eventSourceArn,
    String functionName,
    int batchSize,
    Duration maximumBatchingWindow,
    List<String> functionResponseTypes,
    Integer maximumConcurrency,
    boolean enabled) {

  /** The value of {@code FunctionResponseTypes} that turns on partial batch responses. */
  public static final String REPORT_BATCH_ITEM_FAILURES = "ReportBatchItemFailures";

  public EventSourceMappingSpec {
    Objects.requireNonNull(eventSourceArn, "eventSourceArn");
    Objects.requireNonNull(functionName, "functionName");
    Objects.requireNonNull(maximumBatchingWindow, "maximumBatchingWindow");
    functionResponseTypes = List.copyOf(functionResponseTypes);
  }

  /** A mapping from the queue with this ARN to the function, with AWS's defaults. */
  public static EventSourceMappingSpec of(String eventSourceArn, String functionName) {
    return new EventSourceMappingSpec(
        eventSourceArn, functionName, 10, Duration.ZERO, List.of(), null, true);
  }

  /** A mapping from this queue to the function, with AWS's defaults. */
  public static EventSourceMappingSpec of(AwsResource queue, String functionName) {
    return of(queue.arn(), functionName);
  }

  public EventSourceMappingSpec batchSize(int batchSize) {
    return new EventSourceMappingSpec(
        eventSourceArn,
        functionName,
        batchSize,
        maximumBatchingWindow,
        functionResponseTypes,
        maximumConcurrency,
        enabled);
  }

  /** {@code MaximumBatchingWindowInSeconds}, in whole seconds as AWS takes it. */
  public EventSourceMappingSpec maximumBatchingWindow(Duration window) {
    return new EventSourceMappingSpec(
        eventSourceArn,
        functionName,
        batchSize,
        window,
        functionResponseTypes,
        maximumConcurrency,
        enabled);
  }

  /** Lets the function report which messages failed ({@code ReportBatchItemFailures}). */
  public EventSourceMappingSpec reportBatchItemFailures() {
    return functionResponseTypes(List.of(REPORT_BATCH_ITEM_FAILURES));
  }

  public EventSourceMappingSpec functionResponseTypes(List<String> types) {
    return new EventSourceMappingSpec(
        eventSourceArn,
        functionName,
        batchSize,
        maximumBatchingWindow,
        types,
        maximumConcurrency,
        enabled);
  }

  /** {@code ScalingConfig.MaximumConcurrency}: 2 to 1,000 batches at once. */
  public EventSourceMappingSpec maximumConcurrency(Integer maximumConcurrency) {
    return new EventSourceMappingSpec(
        eventSourceArn,
        functionName,
        batchSize,
        maximumBatchingWindow,
        functionResponseTypes,
        maximumConcurrency,
        enabled);
  }

  public EventSourceMappingSpec enabled(boolean enabled) {
    return new EventSourceMappingSpec(
        eventSourceArn,
        functionName,
        batchSize,
        maximumBatchingWindow,
        functionResponseTypes,
        maximumConcurrency,
        enabled);
  }

  /** Whether the function may report partial batch failures. */
  public boolean reportsBatchItemFailures() {
    return functionResponseTypes.contains(REPORT_BATCH_ITEM_FAILURES);
  }
}
