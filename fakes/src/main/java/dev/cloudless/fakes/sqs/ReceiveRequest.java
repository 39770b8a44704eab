package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/**
 * How to receive.
 *
 * <pre>{@code
 * queue.receive(ReceiveRequest.upTo(10)
 *     .waitTime(ofSeconds(20))
 *     .attributeNames("ApproximateReceiveCount")
 *     .messageAttributeNames("trace.*"));
 * }</pre>
 *
 * <p>Unlike AWS, where a receive that names no attributes gets none, a request that leaves {@code
 * attributeNames} or {@code messageAttributeNames} unset gets all of them: what a test usually
 * wants to look at. Set them to filter exactly as AWS does.
 *
 * @param maxNumberOfMessages 1 to 10
 * @param visibilityTimeout overrides the queue's visibility timeout for these messages, or {@code
 *     null}
 * @param waitTime long-polling wait, 0 to 20 seconds, or {@code null} for the queue's {@code
 *     ReceiveMessageWaitTimeSeconds}
 * @param attributeNames the system attributes to return ({@code AttributeNames} or {@code
 *     MessageSystemAttributeNames}): {@code All} or names such as {@code ApproximateReceiveCount};
 *     {@code null} for all
 * @param messageAttributeNames the message attributes to return: {@code All}, {@code .*}, names, or
 *     prefixes such as {@code trace.*}; {@code null} for all
 * @param receiveRequestAttemptId {@code ReceiveRequestAttemptId} (FIFO only): retrying a receive
 *     with the same id within 5 minutes returns the same messages and receipt handles, if none was
 *     deleted or changed since; {@code null} for none
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ReceiveRequest(
    int maxNumberOfMessages,
    Duration visibilityTimeout,
    Duration waitTime,
    List<String> attributeNames,
    List<String> messageAttributeNames,
    String receiveRequestAttemptId) {

  public ReceiveRequest {
    attributeNames = attributeNames == null ? null : List.copyOf(attributeNames);
    messageAttributeNames =
        messageAttributeNames == null ? null : List.copyOf(messageAttributeNames);
  }

  /** A request without filters; the form this record had before attribute filtering. */
  public ReceiveRequest(int maxNumberOfMessages, Duration visibilityTimeout, Duration waitTime) {
    this(maxNumberOfMessages, visibilityTimeout, waitTime, null, null, null);
  }

  /** Up to {@code maxNumberOfMessages}, with the queue's visibility timeout and wait time. */
  public static ReceiveRequest upTo(int maxNumberOfMessages) {
    return new ReceiveRequest(maxNumberOfMessages, null, null);
  }

  /** {@code VisibilityTimeout} for the messages received: 0 to 12 hours. */
  public ReceiveRequest visibilityTimeout(Duration visibilityTimeout) {
    return new ReceiveRequest(
        maxNumberOfMessages,
        visibilityTimeout,
        waitTime,
        attributeNames,
        messageAttributeNames,
        receiveRequestAttemptId);
  }

  /** {@code WaitTimeSeconds}: 0 to 20 seconds of long polling on the virtual clock. */
  public ReceiveRequest waitTime(Duration waitTime) {
    return new ReceiveRequest(
        maxNumberOfMessages,
        visibilityTimeout,
        waitTime,
        attributeNames,
        messageAttributeNames,
        receiveRequestAttemptId);
  }

  /** Returns only these system attributes: {@code All}, or names such as {@code SenderId}. */
  public ReceiveRequest attributeNames(String name, String... more) {
    return attributeNames(names(name, more));
  }

  /** Returns only these system attributes; none at all if the list is empty, as on AWS. */
  public ReceiveRequest attributeNames(List<String> names) {
    return new ReceiveRequest(
        maxNumberOfMessages,
        visibilityTimeout,
        waitTime,
        names,
        messageAttributeNames,
        receiveRequestAttemptId);
  }

  /**
   * Returns only these message attributes: {@code All} (or {@code *}, {@code .*}), names, or
   * prefixes such as {@code order.*} (the names starting with {@code order}).
   */
  public ReceiveRequest messageAttributeNames(String name, String... more) {
    return messageAttributeNames(names(name, more));
  }

  /** Returns only these message attributes; none at all if the list is empty, as on AWS. */
  public ReceiveRequest messageAttributeNames(List<String> names) {
    return new ReceiveRequest(
        maxNumberOfMessages,
        visibilityTimeout,
        waitTime,
        attributeNames,
        names,
        receiveRequestAttemptId);
  }

  private static List<String> names(String name, String... more) {
    List<String> names = new ArrayList<>(1 + more.length);
    names.add(name);
    names.addAll(Arrays.asList(more));
    return names;
  }

  /** {@code ReceiveRequestAttemptId}, for retrying a FIFO receive. */
  public ReceiveRequest receiveRequestAttemptId(String receiveRequestAttemptId) {
    return new ReceiveRequest(
        maxNumberOfMessages,
        visibilityTimeout,
        waitTime,
        attributeNames,
        messageAttributeNames,
        receiveRequestAttemptId);
  }
}
