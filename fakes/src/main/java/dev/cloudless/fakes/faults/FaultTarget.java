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
}
