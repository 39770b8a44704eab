package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.AwsResource;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A dead-letter queue's {@code RedriveAllowPolicy}: which source queues may name it as their
 * dead-letter queue. Without one, every queue may ({@code allowAll}).
 *
 * <pre>{@code
 * cloud.sqs().createQueue(QueueSpec.named("payments-dlq")
 *     .redriveAllowPolicy(RedriveAllowPolicy.byQueue(paymentsArn)));
 * }</pre>
 *
 * @param redrivePermission {@code allowAll}, {@code denyAll} or {@code byQueue}
 * @param sourceQueueArns the allowed sources, with {@code byQueue} only: 1 to 10 ARNs
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RedriveAllowPolicy(Permission redrivePermission, List<String> sourceQueueArns) {

  public RedriveAllowPolicy {
    Objects.requireNonNull(redrivePermission, "redrivePermission");
    sourceQueueArns = List.copyOf(sourceQueueArns);
  }

  /** Every queue may use this queue as its dead-letter queue (AWS's default). */
  public static RedriveAllowPolicy allowAll() {
    return new RedriveAllowPolicy(Permission.ALLOW_ALL, List.of());
  }

  /** No queue may use this queue as its dead-letter queue. */
  public static RedriveAllowPolicy denyAll() {
    return new RedriveAllowPolicy(Permission.DENY_ALL, List.of());
  }

  /** Only the queues with these ARNs (1 to 10) may use this queue as their dead-letter queue. */
  public static RedriveAllowPolicy byQueue(String... sourceQueueArns) {
    return new RedriveAllowPolicy(Permission.BY_QUEUE, Arrays.asList(sourceQueueArns));
  }

  /** Only these queues (1 to 10) may use this queue as their dead-letter queue. */
  public static RedriveAllowPolicy byQueue(AwsResource... sourceQueues) {
    return new RedriveAllowPolicy(
        Permission.BY_QUEUE, Arrays.stream(sourceQueues).map(AwsResource::arn).toList());
  }

  /** Whether a queue with this ARN may use the queue that has this policy as its DLQ. */
  public boolean allows(String sourceQueueArn) {
    return switch (redrivePermission) {
      case ALLOW_ALL -> true;
      case DENY_ALL -> false;
      case BY_QUEUE -> sourceQueueArns.contains(sourceQueueArn);
    };
  }

  /**
   * The attribute value as AWS returns it: {@code
   * {"redrivePermission":"byQueue","sourceQueueArns":["arn:aws:sqs:..."]}}.
   */
  public String toJson() {
    StringBuilder json =
        new StringBuilder("{\"redrivePermission\":\"").append(redrivePermission.awsName());
    json.append('"');
    if (!sourceQueueArns.isEmpty()) {
      json.append(",\"sourceQueueArns\":")
          .append(
              sourceQueueArns.stream()
                  .map(a -> "\"" + a.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                  .collect(Collectors.joining(",", "[", "]")));
    }
    return json.append('}').toString();
  }

  /** {@code redrivePermission}'s values. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Permission {
    /** {@code allowAll}. */
    ALLOW_ALL("allowAll"),
    /** {@code denyAll}. */
    DENY_ALL("denyAll"),
    /** {@code byQueue}. */
    BY_QUEUE("byQueue");

    private final String awsName;

    Permission(String awsName) {
      this.awsName = awsName;
    }

    /** The value as AWS writes it, such as {@code byQueue}. */
    public String awsName() {
      return awsName;
    }
  }
}
