package dev.cloudless.fakes.faults;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The effects a fault can have on SNS deliveries; each is followed by a schedule. A hit is one
 * delivery attempt, retries included.
 *
 * <pre>{@code
 * cloud.faults().inject(onSubscription(queue.arn()).serviceError().times(4));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DeliveryFaults {

  private final FaultTarget target;

  DeliveryFaults(FaultTarget target) {
    this.target = target;
  }

  /**
   * The endpoint fails with a server-side error (unavailable, HTTP 5xx): SNS retries by the
   * subscription's delivery policy.
   */
  public UnscheduledFault serviceError() {
    return new UnscheduledFault(target, new FaultEffect.ServiceError());
  }

  /**
   * The delivery fails with a client-side error (endpoint deleted, permission removed): SNS does
   * not retry it.
   */
  public UnscheduledFault clientError() {
    return new UnscheduledFault(target, new FaultEffect.ClientError());
  }
}
