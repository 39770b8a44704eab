package dev.cloudless.fakes.lambda.internal.esm;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.PolledQueue;
import dev.cloudless.fakes.lambda.EventSourceMappingConfiguration;
import dev.cloudless.fakes.lambda.EventSourceMappingSpec;
import dev.cloudless.fakes.lambda.LambdaEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * Lambda's event source mappings for SQS: {@code CreateEventSourceMapping} and its siblings, with
 * AWS's checks, and one {@link SqsPoller} per enabled mapping.
 *
 * <p>Limits and messages from the AWS Lambda developer guide ("Lambda parameters for Amazon SQS
 * event source mappings", "Configuring maximum concurrency") and AWS-SEMANTICS.md 2.4.
 */
@API(status = INTERNAL, since = "0.1")
public final class EventSourceMappings {

  static final int MAX_BATCH_SIZE = 10_000;
  static final int MAX_FIFO_BATCH_SIZE = 10;
  static final int MAX_UNWINDOWED_BATCH_SIZE = 10;
  static final Duration MAX_BATCHING_WINDOW = Duration.ofSeconds(300);
  static final int MIN_MAXIMUM_CONCURRENCY = 2;
  static final int MAX_MAXIMUM_CONCURRENCY = 1000;

  /** How the mappings find the function a mapping names; Lambda's service supplies it. */
  public interface Functions {

    /**
     * The function a mapping names.
     *
     * @throws AwsServiceException {@code ResourceNotFoundException} if there is none
     */
    Target resolve(String functionNameOrArn);

    /**
     * A function as a mapping invokes it.
     *
     * @param functionArn its ARN, with the qualifier the mapping named, if any
     * @param functionName its name
     * @param timeout its timeout, which the queue's visibility timeout must cover
     */
    record Target(String functionArn, String functionName, Duration timeout) {}
  }

  private final CloudContext cloud;
  private final Functions functions;
  private final Map<String, Mapping> mappings = new LinkedHashMap<>();

  public EventSourceMappings(CloudContext cloud, Functions functions) {
    this.cloud = cloud;
    this.functions = functions;
  }

  public synchronized EventSourceMappingConfiguration create(EventSourceMappingSpec spec) {
    checkRanges(spec);
    Functions.Target function = functions.resolve(spec.functionName());
    PolledQueue queue = queue(spec.eventSourceArn());
    checkAgainstQueue(spec, queue, function);
    for (Mapping existing : mappings.values()) {
      if (existing.spec().eventSourceArn().equals(spec.eventSourceArn())
          && existing.functionArn().equals(function.functionArn())) {
        throw new AwsServiceException(
            409,
            "ResourceConflictException",
            "An event source mapping with SQS arn (\" "
                + spec.eventSourceArn()
                + " \") and function (\" "
                + function.functionName()
                + " \") already exists. Please update or delete the existing mapping with UUID "
                + existing.uuid());
      }
    }
    String uuid = cloud.randomness().uuid().toString();
    Mapping mapping =
        new Mapping(
            cloud,
            uuid,
            cloud.arn("lambda", "event-source-mapping:" + uuid),
            spec,
            function,
            queue);
    mappings.put(uuid, mapping);
    mapping.created();
    return mapping.configuration();
  }

  public synchronized EventSourceMappingConfiguration get(String uuid) {
    return find(uuid).configuration();
  }

  /** Every mapping, or those of one function, in creation order. */
  public synchronized List<EventSourceMappingConfiguration> list(String functionNameOrArn) {
    String functionArn =
        functionNameOrArn == null ? null : functions.resolve(functionNameOrArn).functionArn();
    List<EventSourceMappingConfiguration> result = new ArrayList<>();
    for (Mapping mapping : mappings.values()) {
      if (functionArn == null || mapping.functionArn().equals(functionArn)) {
        result.add(mapping.configuration());
      }
    }
    return result;
  }

  public synchronized EventSourceMappingConfiguration update(
      String uuid, UnaryOperator<EventSourceMappingSpec> change) {
    Mapping mapping = find(uuid);
    EventSourceMappingSpec before = mapping.spec();
    EventSourceMappingSpec after = change.apply(before);
    if (!after.eventSourceArn().equals(before.eventSourceArn())) {
      throw invalidParameter(
          "The event source of a mapping cannot be changed: it polls "
              + before.eventSourceArn()
              + ", not "
              + after.eventSourceArn()
              + ". Create a new mapping instead.");
    }
    checkRanges(after);
    Functions.Target function = functions.resolve(after.functionName());
    checkAgainstQueue(after, mapping.queue(), function);
    mapping.updated(after, function);
    return mapping.configuration();
  }

  public synchronized EventSourceMappingConfiguration delete(String uuid) {
    Mapping mapping = find(uuid);
    mappings.remove(uuid);
    return mapping.deleted();
  }

  private Mapping find(String uuid) {
    Mapping mapping = mappings.get(uuid);
    if (mapping == null) {
      throw new AwsServiceException(
          404,
          "ResourceNotFoundException",
          "The resource you requested does not exist. (Service: Lambda, Status Code: 404)");
    }
    return mapping;
  }

  private PolledQueue queue(String arn) {
    return cloud
        .resources()
        .sink(arn)
        .filter(PolledQueue.class::isInstance)
        .map(PolledQueue.class::cast)
        .orElseThrow(
            () ->
                invalidParameter(
                    "Error occurred while ReceiveMessage. SQS Error Code:"
                        + " AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The"
                        + " specified queue does not exist or you do not have access to it."));
  }

  /** The checks AWS's request validation makes before looking anything up. */
  private static void checkRanges(EventSourceMappingSpec spec) {
    if (spec.batchSize() < 1) {
      throw validation(spec.batchSize(), "batchSize", "greater than or equal to 1");
    }
    if (spec.batchSize() > MAX_BATCH_SIZE) {
      throw validation(spec.batchSize(), "batchSize", "less than or equal to " + MAX_BATCH_SIZE);
    }
    Duration window = spec.maximumBatchingWindow();
    if (window.getNano() != 0) {
      throw invalidParameter(
          "MaximumBatchingWindowInSeconds is a whole number of seconds; " + window + " is not.");
    }
    if (window.isNegative()) {
      throw validation(
          window.getSeconds(), "maximumBatchingWindowInSeconds", "greater than or equal to 0");
    }
    if (window.compareTo(MAX_BATCHING_WINDOW) > 0) {
      throw validation(
          window.getSeconds(),
          "maximumBatchingWindowInSeconds",
          "less than or equal to " + MAX_BATCHING_WINDOW.getSeconds());
    }
    Integer concurrency = spec.maximumConcurrency();
    if (concurrency != null && concurrency < MIN_MAXIMUM_CONCURRENCY) {
      throw validation(
          concurrency,
          "scalingConfig.maximumConcurrency",
          "greater than or equal to " + MIN_MAXIMUM_CONCURRENCY);
    }
    if (concurrency != null && concurrency > MAX_MAXIMUM_CONCURRENCY) {
      throw validation(
          concurrency,
          "scalingConfig.maximumConcurrency",
          "less than or equal to " + MAX_MAXIMUM_CONCURRENCY);
    }
    for (String type : spec.functionResponseTypes()) {
      if (!type.equals(EventSourceMappingSpec.REPORT_BATCH_ITEM_FAILURES)) {
        throw new AwsServiceException(
            400,
            "ValidationException",
            "1 validation error detected: Value '"
                + spec.functionResponseTypes()
                + "' at 'functionResponseTypes' failed to satisfy constraint: Member must satisfy"
                + " constraint: [Member must satisfy enum value set: [ReportBatchItemFailures]]");
      }
    }
  }

  /** The checks that need the queue and the function. */
  private static void checkAgainstQueue(
      EventSourceMappingSpec spec, PolledQueue queue, Functions.Target function) {
    if (queue.fifo() && spec.batchSize() > MAX_FIFO_BATCH_SIZE) {
      // The limit is documented; AWS's exact message for it is not recorded.
      throw invalidParameter(
          "BatchSize "
              + spec.batchSize()
              + " is too large: the maximum batch size for FIFO queues is "
              + MAX_FIFO_BATCH_SIZE
              + ".");
    }
    if (queue.fifo() && !spec.maximumBatchingWindow().isZero()) {
      throw invalidParameter("Batching window is not supported for FIFO queues.");
    }
    if (spec.batchSize() > MAX_UNWINDOWED_BATCH_SIZE && spec.maximumBatchingWindow().isZero()) {
      throw invalidParameter(
          "Maximum batch window in seconds must be greater than 0 if maximum batch size is"
              + " greater than 10");
    }
    long visibility = queue.visibilityTimeout().getSeconds();
    long timeout = function.timeout().getSeconds();
    if (visibility < timeout) {
      throw invalidParameter(
          "Queue visibility timeout: "
              + visibility
              + " seconds is less than Function timeout: "
              + timeout
              + " seconds");
    }
  }

  private static AwsServiceException validation(Object value, String member, String constraint) {
    return new AwsServiceException(
        400,
        "ValidationException",
        "1 validation error detected: Value '"
            + value
            + "' at '"
            + member
            + "' failed to satisfy constraint: Member must have value "
            + constraint);
  }

  static AwsServiceException invalidParameter(String message) {
    return new AwsServiceException(400, "InvalidParameterValueException", message);
  }

  /** Records a change of a mapping in the journal. */
  static void journal(CloudContext cloud, Mapping mapping, String change, String state) {
    cloud
        .journal()
        .append(
            seq ->
                new LambdaEvent.EventSourceMappingChanged(
                    seq,
                    cloud.now(),
                    mapping.functionArn(),
                    mapping.functionName(),
                    mapping.uuid(),
                    mapping.spec().eventSourceArn(),
                    change,
                    state));
  }
}
