package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A message move task as {@code ListMessageMoveTasks} reports it.
 *
 * @param taskHandle the handle to cancel it with, while it is {@code RUNNING}; else {@code null}
 * @param sourceArn the dead-letter queue it moves from
 * @param destinationArn where it moves to, or {@code null} when each message goes back to its
 *     original source queue
 * @param maxNumberOfMessagesPerSecond the rate asked for, or {@code null}
 * @param status {@code RUNNING}, {@code COMPLETED}, {@code CANCELLING}, {@code CANCELLED} or {@code
 *     FAILED}
 * @param approximateNumberOfMessagesMoved how many it moved so far
 * @param approximateNumberOfMessagesToMove how many were visible in the source when it started
 * @param failureReason why it failed, such as {@code AWS.SimpleQueueService.NonExistentQueue}; else
 *     {@code null}
 * @param startedTimestamp when it started, on the virtual clock
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record MessageMoveTask(
    String taskHandle,
    String sourceArn,
    String destinationArn,
    Integer maxNumberOfMessagesPerSecond,
    Status status,
    long approximateNumberOfMessagesMoved,
    long approximateNumberOfMessagesToMove,
    String failureReason,
    Instant startedTimestamp) {

  /** A task's {@code Status}. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Status {
    /** Moving messages. */
    RUNNING,
    /** Every message it was to move was moved. */
    COMPLETED,
    /** Cancelled; it stops at its next step. */
    CANCELLING,
    /** Stopped by {@code CancelMessageMoveTask}. */
    CANCELLED,
    /** Stopped by an error, given in {@code FailureReason}. */
    FAILED
  }
}
