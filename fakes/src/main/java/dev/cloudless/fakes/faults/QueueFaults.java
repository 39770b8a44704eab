package dev.cloudless.fakes.faults;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The effects a fault can have on a queue; each is followed by a schedule.
 *
 * <p>A hit is counted only where the effect can act: every message sent to the queue (by {@code
 * SendMessage}, each entry of {@code SendMessageBatch}, or a delivery from another service) is a
 * hit of a {@code duplicateDelivery()} rule; every message operation called on the queue ({@code
 * SendMessage}, {@code SendMessageBatch}, {@code ReceiveMessage}, {@code DeleteMessage}, {@code
 * DeleteMessageBatch}, {@code ChangeMessageVisibility}, {@code ChangeMessageVisibilityBatch},
 * {@code PurgeQueue}, and deliveries from other services) is a hit of a {@code serviceError()}
 * rule. So {@code onQueue("orders").duplicateDelivery().times(1)} duplicates the first message
 * sent, and {@code onQueue("orders").serviceError().onAttempts(2)} fails the second call.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class QueueFaults {

  private final String queueName;

  QueueFaults(String queueName) {
    this.queueName = Objects.requireNonNull(queueName, "queueName");
  }

  /**
   * The queue stores each message the rule fires on twice, as at-least-once delivery allows: a
   * standard queue only, since FIFO queues deliver exactly once.
   */
  public UnscheduledFault duplicateDelivery() {
    // Each rule gets a target of its own: the queue tells its rules apart by target when it counts
    // hits, so that a send is not a hit of a serviceError() rule's twin and vice versa.
    return new UnscheduledFault(
        new FaultTarget.OnQueue(queueName), new FaultEffect.DuplicateDelivery());
  }

  /** The operation fails with SQS's HTTP 500 {@code InternalFailure} and has no effect. */
  public UnscheduledFault serviceError() {
    return new UnscheduledFault(new FaultTarget.OnQueue(queueName), new FaultEffect.ServiceError());
  }
}
