package dev.cloudless.fakes.faults;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The entry points of the fault DSL. Static factories only: they build immutable rules and hold no
 * state, so tests running in parallel never meet.
 *
 * <pre>{@code
 * import static dev.cloudless.fakes.faults.Faults.onFunction;
 *
 * cloud.faults().inject(onFunction("charge").throttle().onAttempts(1, 2));
 * cloud.faults().inject(onQueue("orders").duplicateDelivery().withProbability(0.1));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Faults {

  private Faults() {}

  /** Faults on every invocation of the function named {@code functionName}. */
  public static FunctionFaults onFunction(String functionName) {
    return new FunctionFaults(new FaultTarget.OnFunction(functionName));
  }

  /** Faults on every delivery from the topic named {@code topicName} (or with this ARN). */
  public static DeliveryFaults onTopic(String topicName) {
    return new DeliveryFaults(new FaultTarget.OnTopic(topicName));
  }

  /**
   * Faults on every delivery to one subscription, named by its ARN or by its endpoint (a queue or
   * function ARN, a URL).
   */
  public static DeliveryFaults onSubscription(String subscriptionArnOrEndpoint) {
    return new DeliveryFaults(new FaultTarget.OnSubscription(subscriptionArnOrEndpoint));
  }

  /**
   * Faults on the queue named {@code queueName}: duplicate deliveries of the messages sent to it,
   * or server errors on the calls made on it.
   */
  public static QueueFaults onQueue(String queueName) {
    return new QueueFaults(queueName);
  }

  /**
   * Faults on one Task state of a state machine: each attempt of its task is a hit.
   *
   * <pre>{@code
   * cloud.faults().inject(onState("checkout", "Charge").failWith("States.TaskFailed", "boom").once());
   * cloud.faults().inject(onState("orders", "Reserve").duplicateExecution().once());
   * }</pre>
   */
  public static StateFaults onState(String stateMachineName, String stateName) {
    return new StateFaults(
        new FaultTarget.OnState(stateMachineName, Objects.requireNonNull(stateName, "stateName")));
  }

  /** Faults on every Task state of a state machine: each attempt of any of its tasks is a hit. */
  public static StateFaults onStateMachine(String stateMachineName) {
    return new StateFaults(new FaultTarget.OnState(stateMachineName, null));
  }

  /**
   * Faults on one route of an API (by the API's name or id), such as {@code "POST /orders"}: each
   * request routed to it is a hit.
   *
   * <pre>{@code
   * cloud.faults().inject(onRoute("orders-api", "POST /orders").latency(ofSeconds(31)).always());
   * }</pre>
   */
  public static RouteFaults onRoute(String api, String routeKey) {
    return new RouteFaults(api, routeKey);
  }
}
