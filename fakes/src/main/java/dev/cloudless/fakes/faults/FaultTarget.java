package dev.cloudless.fakes.faults;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/** What a fault rule applies to. Built with the factories of {@link Faults}. */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface FaultTarget {

  /** The rule as written in the DSL, such as {@code onFunction("charge")}. */
  String describe();

  /**
   * Every invocation of a function, whatever version or alias is invoked.
   *
   * @param functionName the function's name
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record OnFunction(String functionName) implements FaultTarget {
    public OnFunction {
      Objects.requireNonNull(functionName, "functionName");
    }

    @Override
    public String describe() {
      return "onFunction(\"" + functionName + "\")";
    }
  }

  /**
   * Every delivery from a topic to any of its subscriptions, retries included.
   *
   * @param topicName the topic's name (or ARN)
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record OnTopic(String topicName) implements FaultTarget {
    public OnTopic {
      Objects.requireNonNull(topicName, "topicName");
    }

    @Override
    public String describe() {
      return "onTopic(\"" + topicName + "\")";
    }
  }

  /**
   * Every delivery to one subscription, retries included.
   *
   * @param subscription the subscription's ARN, or its endpoint (a queue or function ARN, a URL)
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record OnSubscription(String subscription) implements FaultTarget {
    public OnSubscription {
      Objects.requireNonNull(subscription, "subscription");
    }

    @Override
    public String describe() {
      return "onSubscription(\"" + subscription + "\")";
    }
  }

  /**
   * Every operation on a queue: the messages sent to it and the calls made on it ({@code
   * SendMessage}, {@code ReceiveMessage}, {@code DeleteMessage} and the others, batches included),
   * whether a test, a handler or another service (an SNS subscription, a Lambda dead-letter
   * delivery) makes them.
   *
   * @param queueName the queue's name, with its {@code .fifo} suffix for a FIFO queue
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record OnQueue(String queueName) implements FaultTarget {
    public OnQueue {
      Objects.requireNonNull(queueName, "queueName");
    }

    @Override
    public String describe() {
      return "onQueue(\"" + queueName + "\")";
    }
  }

  /**
   * The Task states of a state machine: one state, or every Task state when {@code stateName} is
   * null. A hit is one attempt of the state's task (each retry is a hit).
   *
   * @param stateMachineName the state machine's name (or ARN)
   * @param stateName the state's name, or null for every Task state of the machine
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record OnState(String stateMachineName, String stateName) implements FaultTarget {
    public OnState {
      Objects.requireNonNull(stateMachineName, "stateMachineName");
    }

    @Override
    public String describe() {
      return stateName == null
          ? "onStateMachine(\"" + stateMachineName + "\")"
          : "onState(\"" + stateMachineName + "\", \"" + stateName + "\")";
    }
  }

  /**
   * Every request an API routes to one route: after routing, before the integration (a request that
   * no route matches, or that a throttle or an authorizer refuses first, is not a hit).
   *
   * @param api the API's name or id
   * @param routeKey the route as {@code "METHOD /path"} with the resource path as defined (such as
   *     {@code "GET /orders/{id}"}), or an HTTP API's {@code "$default"}
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record OnRoute(String api, String routeKey) implements FaultTarget {
    public OnRoute {
      Objects.requireNonNull(api, "api");
      Objects.requireNonNull(routeKey, "routeKey");
    }

    @Override
    public String describe() {
      return "onRoute(\"" + api + "\", \"" + routeKey + "\")";
    }
  }
}
