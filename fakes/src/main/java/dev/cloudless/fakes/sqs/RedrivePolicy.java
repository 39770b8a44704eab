package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A queue's {@code RedrivePolicy}: where a message goes once it has been received {@code
 * maxReceiveCount} times without being deleted. The receive that would be one too many moves it to
 * the dead-letter queue instead of returning it, so consumers see it exactly {@code
 * maxReceiveCount} times. Checked when the queue is created or changed: {@code maxReceiveCount} 1
 * to 1,000, a dead-letter queue that exists, is of the same type, and allows this queue by its
 * {@code RedriveAllowPolicy}.
 *
 * @param deadLetterTargetArn the dead-letter queue's ARN
 * @param maxReceiveCount how many receives a message gets before it moves, 1 to 1,000
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RedrivePolicy(String deadLetterTargetArn, int maxReceiveCount) {

  public RedrivePolicy {
    Objects.requireNonNull(deadLetterTargetArn, "deadLetterTargetArn");
  }

  /**
   * The attribute value as AWS returns it: {@code
   * {"deadLetterTargetArn":"arn:aws:sqs:...","maxReceiveCount":5}}.
   */
  public String toJson() {
    return "{\"deadLetterTargetArn\":\""
        + deadLetterTargetArn.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\",\"maxReceiveCount\":"
        + maxReceiveCount
        + "}";
  }
}
