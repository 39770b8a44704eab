package dev.cloudless.fakes.sqs.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.aws.Arn;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.sqs.FakeSqs;
import dev.cloudless.fakes.sqs.MessageMoveTask;
import dev.cloudless.fakes.sqs.MessageMoveTaskRequest;
import dev.cloudless.fakes.sqs.Queue;
import dev.cloudless.fakes.sqs.QueueSpec;
import dev.cloudless.fakes.sqs.RedrivePolicy;
import dev.cloudless.fakes.sqs.SqsEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/** The fake SQS: creates queues, finds them by name, URL or ARN, and runs message move tasks. */
@API(status = INTERNAL, since = "0.1")
public final class SqsService implements FakeSqs {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
  private static final Duration RECREATE_AFTER = Duration.ofSeconds(60);

  private final CloudContext cloud;
  private final Map<String, QueueImpl> queues = new LinkedHashMap<>();
  private final Map<String, Instant> deletedAt = new HashMap<>();
  private final MessageMoveTasks moveTasks;

  public SqsService(CloudContext cloud) {
    this.cloud = cloud;
    this.moveTasks = new MessageMoveTasks(cloud, this);
  }

  @Override
  public Queue createQueue(String name) {
    Objects.requireNonNull(name, "name");
    // CreateQueue without attributes returns an existing queue whatever its attributes are now.
    synchronized (queues) {
      QueueImpl existing = queues.get(name);
      if (existing != null) {
        return existing;
      }
    }
    return create(QueueSpec.named(name), Map.of(), false);
  }

  @Override
  public Queue createQueue(QueueSpec spec) {
    Objects.requireNonNull(spec, "spec");
    QueueSpec normalized = normalize(spec);
    return create(normalized, QueueAttributes.configured(normalized), true);
  }

  @Override
  public Queue createQueue(String name, Map<String, String> attributes) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(attributes, "attributes");
    checkName(name, "true".equalsIgnoreCase(attributes.get("FifoQueue")));
    QueueSpec spec = QueueAttributes.parseCreate(name, attributes, cloud.json());
    // Only the attributes given are compared with an existing queue's, as CreateQueue does.
    Map<String, String> given = new LinkedHashMap<>();
    Map<String, String> configured = QueueAttributes.configured(spec);
    for (String key : attributes.keySet()) {
      given.put(key, configured.getOrDefault(key, ""));
    }
    return create(spec, given, false);
  }

  /**
   * Creates the queue, or returns the existing one if {@code compared} (the attributes the caller
   * stated) match its attributes; with {@code exact}, the caller stated all of them (a spec), so an
   * attribute the existing queue has and the spec has not also differs.
   */
  private Queue create(QueueSpec spec, Map<String, String> compared, boolean exact) {
    checkName(spec.name(), spec.fifoQueue());
    QueueAttributes.check(spec);
    QueueImpl queue;
    synchronized (queues) {
      QueueImpl existing = queues.get(spec.name());
      if (existing != null) {
        Map<String, String> current = QueueAttributes.configured(existing.spec());
        for (Map.Entry<String, String> e : compared.entrySet()) {
          if (!e.getValue().equals(current.getOrDefault(e.getKey(), ""))) {
            throw SqsErrors.queueAlreadyExists(e.getKey());
          }
        }
        if (exact) {
          for (String key : current.keySet()) {
            if (!compared.containsKey(key)) {
              throw SqsErrors.queueAlreadyExists(key);
            }
          }
        }
        return existing;
      }
      Instant deleted = deletedAt.get(spec.name());
      if (deleted != null && cloud.now().isBefore(deleted.plus(RECREATE_AFTER))) {
        throw SqsErrors.queueDeletedRecently();
      }
      check(spec, cloud.arn("sqs", spec.name()));
      queue = new QueueImpl(cloud, this, spec);
      queues.put(spec.name(), queue);
    }
    cloud.resources().register(queue);
    Instant now = cloud.now();
    cloud.journal().append(seq -> new SqsEvent.QueueCreated(seq, now, queue.arn(), queue.name()));
    return queue;
  }

  /** A FIFO spec built by hand may leave the FIFO attributes out: AWS's defaults fill them. */
  private static QueueSpec normalize(QueueSpec spec) {
    if (spec.fifoQueue()
        && (spec.deduplicationScope() == null || spec.fifoThroughputLimit() == null)) {
      return spec.fifo();
    }
    return spec;
  }

  private static void checkName(String name, boolean fifo) {
    boolean fifoSuffix = name.endsWith(".fifo");
    if (fifo && !fifoSuffix) {
      throw SqsErrors.invalidParameterValue(
          "The name of a FIFO queue can only include alphanumeric characters, hyphens, or"
              + " underscores, must end with .fifo suffix and be 1 to 80 in length (queue name: "
              + name
              + ")");
    }
    // The .fifo suffix counts towards the 80 characters.
    String base = fifo ? name.substring(0, name.length() - 5) + "_fifo" : name;
    if (!NAME.matcher(base).matches()) {
      throw SqsErrors.invalidParameterValue(
          "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length"
              + " (queue name: "
              + name
              + (fifoSuffix && !fifo
                  ? "; a name ending in .fifo needs a FIFO queue: QueueSpec.fifo() or"
                      + " FifoQueue=true"
                  : "")
              + ")");
    }
  }

  /**
   * The checks of a spec that involve other queues: a redrive policy's dead-letter queue must
   * exist, in this account and region, be of the same type, not be the queue itself, and allow it.
   */
  void check(QueueSpec spec, String queueArn) {
    QueueAttributes.check(spec);
    RedrivePolicy policy = spec.redrivePolicy();
    if (policy == null) {
      return;
    }
    String json = policy.toJson();
    Arn target = Arn.parse(policy.deadLetterTargetArn());
    if (!target.region().equals(cloud.region()) || !target.accountId().equals(cloud.accountId())) {
      throw RedrivePolicies.invalidRedrivePolicy(
          json,
          "Dead-letter target must be in the same account and region as the source queue ("
              + cloud.accountId()
              + ", "
              + cloud.region()
              + ").");
    }
    if (policy.deadLetterTargetArn().equals(queueArn)) {
      throw RedrivePolicies.invalidRedrivePolicy(
          json, "A queue cannot be its own dead-letter queue.");
    }
    QueueImpl dlq =
        queueByArn(policy.deadLetterTargetArn())
            .orElseThrow(
                () ->
                    RedrivePolicies.invalidRedrivePolicy(
                        json, "Dead letter target does not exist."));
    if (dlq.spec().fifoQueue() != spec.fifoQueue()) {
      throw RedrivePolicies.invalidRedrivePolicy(
          json,
          "Dead-letter queue must be same type of queue as the source ("
              + (spec.fifoQueue() ? "FIFO" : "standard")
              + ").");
    }
    if (dlq.spec().redriveAllowPolicy() != null
        && !dlq.spec().redriveAllowPolicy().allows(queueArn)) {
      throw RedrivePolicies.invalidRedrivePolicy(
          json,
          "Queue "
              + dlq.arn()
              + " does not allow "
              + queueArn
              + " to use it as a dead-letter queue (its RedriveAllowPolicy is "
              + dlq.spec().redriveAllowPolicy().toJson()
              + ").");
    }
  }

  @Override
  public Queue queue(String nameUrlOrArn) {
    return findQueue(nameUrlOrArn).orElseThrow(() -> SqsErrors.queueDoesNotExist(nameUrlOrArn));
  }

  @Override
  public Optional<Queue> findQueue(String nameUrlOrArn) {
    return find(nameUrlOrArn).map(q -> q);
  }

  private Optional<QueueImpl> find(String nameUrlOrArn) {
    Objects.requireNonNull(nameUrlOrArn, "nameUrlOrArn");
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

  /** The queue with exactly this ARN. */
  Optional<QueueImpl> queueByArn(String arn) {
    if (arn == null || !arn.startsWith("arn:")) {
      return Optional.empty();
    }
    return find(arn);
  }

  @Override
  public List<Queue> queues() {
    synchronized (queues) {
      return new ArrayList<>(queues.values());
    }
  }

  @Override
  public void deleteQueue(String nameUrlOrArn) {
    QueueImpl queue =
        find(nameUrlOrArn).orElseThrow(() -> SqsErrors.queueDoesNotExist(nameUrlOrArn));
    Instant now = cloud.now();
    synchronized (queues) {
      queues.remove(queue.name());
      deletedAt.put(queue.name(), now);
    }
    cloud.resources().unregister(queue.arn());
    int dropped = queue.drop();
    cloud
        .journal()
        .append(seq -> new SqsEvent.QueueDeleted(seq, now, queue.arn(), queue.name(), dropped));
  }

  @Override
  public List<Queue> deadLetterSourceQueues(String nameUrlOrArn) {
    QueueImpl dlq = find(nameUrlOrArn).orElseThrow(() -> SqsErrors.queueDoesNotExist(nameUrlOrArn));
    List<Queue> sources = new ArrayList<>();
    for (Queue q : queues()) {
      RedrivePolicy policy = q.spec().redrivePolicy();
      if (policy != null && policy.deadLetterTargetArn().equals(dlq.arn())) {
        sources.add(q);
      }
    }
    return sources;
  }

  @Override
  public String startMessageMoveTask(MessageMoveTaskRequest request) {
    return moveTasks.start(Objects.requireNonNull(request, "request"));
  }

  @Override
  public List<MessageMoveTask> listMessageMoveTasks(String sourceArn) {
    return listMessageMoveTasks(sourceArn, 1);
  }

  @Override
  public List<MessageMoveTask> listMessageMoveTasks(String sourceArn, int maxResults) {
    return moveTasks.list(sourceArn, maxResults);
  }

  @Override
  public long cancelMessageMoveTask(String taskHandle) {
    return moveTasks.cancel(taskHandle);
  }
}
