package dev.cloudless.fakes.sqs.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.sqs.FakeSqs;
import dev.cloudless.fakes.sqs.Queue;
import dev.cloudless.fakes.sqs.QueueSpec;
import dev.cloudless.fakes.sqs.SqsEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/** The fake SQS: creates queues and finds them by name, URL or ARN. */
@API(status = INTERNAL, since = "0.1")
public final class SqsService implements FakeSqs {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");

  private final CloudContext cloud;
  private final Map<String, QueueImpl> queues = new LinkedHashMap<>();

  public SqsService(CloudContext cloud) {
    this.cloud = cloud;
  }

  @Override
  public Queue createQueue(String name) {
    return createQueue(QueueSpec.named(name));
  }

  @Override
  public Queue createQueue(QueueSpec spec) {
    validate(spec);
    QueueImpl queue;
    synchronized (queues) {
      QueueImpl existing = queues.get(spec.name());
      if (existing != null) {
        if (existing.spec().equals(spec)) {
          return existing;
        }
        throw SqsErrors.queueAlreadyExists(spec.name());
      }
      queue = new QueueImpl(cloud, spec);
      queues.put(spec.name(), queue);
    }
    cloud.resources().register(queue);
    Instant now = cloud.now();
    cloud.journal().append(seq -> new SqsEvent.QueueCreated(seq, now, queue.arn(), queue.name()));
    return queue;
  }

  @Override
  public Queue queue(String nameUrlOrArn) {
    return findQueue(nameUrlOrArn).orElseThrow(() -> SqsErrors.queueDoesNotExist(nameUrlOrArn));
  }

  @Override
  public Optional<Queue> findQueue(String nameUrlOrArn) {
    String name = nameUrlOrArn;
    int cut = Math.max(nameUrlOrArn.lastIndexOf('/'), nameUrlOrArn.lastIndexOf(':'));
    if (cut >= 0) {
      name = nameUrlOrArn.substring(cut + 1);
    }
    synchronized (queues) {
      QueueImpl queue = queues.get(name);
      if (queue == null
          || !(nameUrlOrArn.equals(name)
              || nameUrlOrArn.equals(queue.url())
              || nameUrlOrArn.equals(queue.arn()))) {
        return Optional.empty();
      }
      return Optional.of(queue);
    }
  }

  @Override
  public List<Queue> queues() {
    synchronized (queues) {
      return new ArrayList<>(queues.values());
    }
  }

  @Override
  public void deleteQueue(String nameUrlOrArn) {
    Queue queue = queue(nameUrlOrArn);
    synchronized (queues) {
      queues.remove(queue.name());
    }
    cloud.resources().unregister(queue.arn());
  }

  private static void validate(QueueSpec spec) {
    if (!NAME.matcher(spec.name()).matches()) {
      throw SqsErrors.invalidParameterValue(
          "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length"
              + " (queue name: "
              + spec.name()
              + ")");
    }
    range("VisibilityTimeout", spec.visibilityTimeout(), 0, 43_200);
    range("DelaySeconds", spec.delay(), 0, 900);
    range("MessageRetentionPeriod", spec.messageRetentionPeriod(), 60, 1_209_600);
    range("ReceiveMessageWaitTimeSeconds", spec.receiveMessageWaitTime(), 0, 20);
    if (spec.maximumMessageSize() < 1_024 || spec.maximumMessageSize() > 1_048_576) {
      throw SqsErrors.invalidAttributeValue(
          "Invalid value for the parameter MaximumMessageSize: "
              + spec.maximumMessageSize()
              + "; AWS allows 1024 to 1048576 bytes.");
    }
  }

  private static void range(String attribute, Duration value, long min, long max) {
    long seconds = value.toSeconds();
    if (seconds < min || seconds > max || value.toNanosPart() != 0) {
      throw SqsErrors.invalidAttributeValue(
          "Invalid value for the parameter "
              + attribute
              + ": "
              + value
              + "; AWS allows whole seconds from "
              + min
              + " to "
              + max
              + ".");
    }
  }
}
