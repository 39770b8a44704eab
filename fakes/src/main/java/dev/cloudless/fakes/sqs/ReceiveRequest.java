package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * How to receive.
 *
 * @param maxNumberOfMessages 1 to 10
 * @param visibilityTimeout overrides the queue's visibility timeout for these messages, or {@code
 *     null}
 * @param waitTime long-polling wait, 0 to 20 seconds, or {@code null} for the queue's {@code
 *     ReceiveMessageWaitTimeSeconds}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ReceiveRequest(
    int maxNumberOfMessages, Duration visibilityTimeout, Duration waitTime) {

  /** Up to {@code maxNumberOfMessages}, with the queue's visibility timeout and wait time. */
  public static ReceiveRequest upTo(int maxNumberOfMessages) {
    return new ReceiveRequest(maxNumberOfMessages, null, null);
  }

  public ReceiveRequest visibilityTimeout(Duration visibilityTimeout) {
    return new ReceiveRequest(maxNumberOfMessages, visibilityTimeout, waitTime);
  }

  public ReceiveRequest waitTime(Duration waitTime) {
    return new ReceiveRequest(maxNumberOfMessages, visibilityTimeout, waitTime);
  }
}
