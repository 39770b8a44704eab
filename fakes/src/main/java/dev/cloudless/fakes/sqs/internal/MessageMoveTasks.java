package dev.cloudless.fakes.sqs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudless.fakes.aws.Arn;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.sqs.MessageMoveTask;
import dev.cloudless.fakes.sqs.MessageMoveTaskRequest;
import dev.cloudless.fakes.sqs.Queue;
import dev.cloudless.fakes.sqs.RedrivePolicy;
import dev.cloudless.fakes.sqs.SqsEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code StartMessageMoveTask}, {@code ListMessageMoveTasks} and {@code CancelMessageMoveTask}, on
 * the virtual clock: a task moves up to its rate's worth of messages at once, then again each
 * second, until it has moved what was visible when it started. Errors and statuses are as recorded
 * on AWS ({@code shared/conformance/recorded/sqs/test_sqs_move_task.*}).
 */
final class MessageMoveTasks {

  /** AWS's largest {@code MaxNumberOfMessagesPerSecond}; also the rate when none is given. */
  static final int MAX_RATE = 500;

  private static final String NON_EXISTENT_QUEUE = "AWS.SimpleQueueService.NonExistentQueue";

  private final CloudContext cloud;
  private final SqsService sqs;
  private final Map<String, Task> byId = new HashMap<>();
  private final List<Task> all = new ArrayList<>();

  MessageMoveTasks(CloudContext cloud, SqsService sqs) {
    this.cloud = cloud;
    this.sqs = sqs;
  }

  private static final class Task {
    final String id;
    final String handle;
    final String sourceArn;
    final String destinationArn;
    final Integer rate;
    final long toMove;
    final Instant startedAt;
    MessageMoveTask.Status status = MessageMoveTask.Status.RUNNING;
    long moved;
    String failureReason;

    Task(
        String id,
        String handle,
        String sourceArn,
        String destinationArn,
        Integer rate,
        long toMove,
        Instant startedAt) {
      this.id = id;
      this.handle = handle;
      this.sourceArn = sourceArn;
      this.destinationArn = destinationArn;
      this.rate = rate;
      this.toMove = toMove;
      this.startedAt = startedAt;
    }

    boolean active() {
      return status == MessageMoveTask.Status.RUNNING
          || status == MessageMoveTask.Status.CANCELLING;
    }

    MessageMoveTask view() {
      return new MessageMoveTask(
          status == MessageMoveTask.Status.RUNNING ? handle : null,
          sourceArn,
          destinationArn,
          rate,
          status,
          moved,
          toMove,
          failureReason,
          startedAt);
    }
  }

  String start(MessageMoveTaskRequest request) {
    Integer rate = request.maxNumberOfMessagesPerSecond();
    if (rate != null && (rate < 1 || rate > MAX_RATE)) {
      throw SqsErrors.invalidParameterValue(
          "Value "
              + rate
              + " for parameter MaxNumberOfMessagesPerSecond is invalid. Reason: Must be between 1"
              + " and 500.");
    }
    checkArnFormat(request.sourceArn(), "SourceArn");
    QueueImpl source = sqs.queueByArn(request.sourceArn()).orElseThrow(() -> notFound("SourceArn"));
    if (!isDeadLetterQueue(source)) {
      throw SqsErrors.invalidParameterValue(
          "Source queue must be configured as a Dead Letter Queue.");
    }
    if (request.destinationArn() != null) {
      checkArnFormat(request.destinationArn(), "DestinationArn");
      sqs.queueByArn(request.destinationArn()).orElseThrow(() -> notFound("DestinationArn"));
    }
    Task task;
    synchronized (this) {
      for (Task t : all) {
        if (t.sourceArn.equals(source.arn()) && t.active()) {
          throw SqsErrors.invalidParameterValue(
              "There is already a task running. Only one active task is allowed for a source"
                  + " queue arn at a given time.");
        }
      }
      String id = cloud.randomness().uuid().toString();
      task =
          new Task(
              id,
              handle(id, source.arn()),
              source.arn(),
              request.destinationArn(),
              rate,
              source.approximateNumberOfMessages(),
              cloud.now());
      byId.put(id, task);
      all.add(task);
    }
    Task started = task;
    cloud
        .journal()
        .append(
            seq ->
                new SqsEvent.MessageMoveTaskStarted(
                    seq,
                    started.startedAt,
                    started.sourceArn,
                    source.name(),
                    started.handle,
                    started.destinationArn,
                    started.rate,
                    started.toMove));
    cloud.scheduler().schedule(Duration.ZERO, "message move task " + id(task), () -> step(task));
    return task.handle;
  }

  List<MessageMoveTask> list(String sourceArn, int maxResults) {
    checkArnFormat(sourceArn, "SourceArn");
    if (maxResults < 1 || maxResults > 10) {
      throw SqsErrors.invalidParameterValue(
          "Value "
              + maxResults
              + " for parameter MaxResults is invalid. Reason: You must enter a number that's"
              + " between 1 and 10.");
    }
    sqs.queueByArn(sourceArn).orElseThrow(() -> notFound("SourceArn"));
    List<MessageMoveTask> result = new ArrayList<>();
    synchronized (this) {
      for (int i = all.size() - 1; i >= 0 && result.size() < maxResults; i--) {
        Task t = all.get(i);
        if (t.sourceArn.equals(sourceArn)) {
          result.add(t.view());
        }
      }
    }
    return result;
  }

  long cancel(String taskHandle) {
    String[] parts = decode(taskHandle);
    if (parts == null) {
      throw SqsErrors.invalidParameterValue("Value for parameter TaskHandle is invalid.");
    }
    sqs.queueByArn(parts[1]).orElseThrow(() -> notFound("SourceArn"));
    synchronized (this) {
      Task task = byId.get(parts[0]);
      if (task == null || !task.sourceArn.equals(parts[1])) {
        throw SqsErrors.resourceNotFound("Task does not exist.");
      }
      if (task.status != MessageMoveTask.Status.RUNNING) {
        throw SqsErrors.invalidParameterValue(
            "Value "
                + taskHandle
                + " for parameter TaskHandle is invalid. Reason: only a RUNNING task can be"
                + " cancelled, and this one is "
                + task.status
                + ".");
      }
      task.status = MessageMoveTask.Status.CANCELLING;
      return task.moved;
    }
  }

  /** One step of a task: up to its rate of moves, then the next step a second later. */
  private void step(Task task) {
    synchronized (this) {
      if (task.status == MessageMoveTask.Status.CANCELLING) {
        finish(task, MessageMoveTask.Status.CANCELLED, null);
        return;
      }
    }
    QueueImpl source = sqs.queueByArn(task.sourceArn).orElse(null);
    if (source == null) {
      finish(task, MessageMoveTask.Status.FAILED, NON_EXISTENT_QUEUE);
      return;
    }
    int budget = task.rate == null ? MAX_RATE : task.rate;
    for (int i = 0; i < budget && task.moved < task.toMove; i++) {
      StoredMessage m = source.takeForMove();
      if (m == null) {
        break;
      }
      String destinationArn =
          task.destinationArn != null ? task.destinationArn : m.deadLetterQueueSourceArn;
      QueueImpl destination =
          destinationArn == null ? null : sqs.queueByArn(destinationArn).orElse(null);
      if (destination == null) {
        source.restore(m);
        finish(task, MessageMoveTask.Status.FAILED, NON_EXISTENT_QUEUE);
        return;
      }
      String newId;
      try {
        newId = destination.acceptMoved(m);
      } catch (AwsServiceException e) {
        source.restore(m);
        finish(
            task,
            MessageMoveTask.Status.FAILED,
            e.fields().getOrDefault("QueryErrorCode", e.errorCode()));
        return;
      }
      synchronized (this) {
        task.moved++;
      }
      Instant now = cloud.now();
      String target = destination.arn();
      cloud
          .journal()
          .append(
              seq ->
                  new SqsEvent.MessageMovedByTask(
                      seq,
                      now,
                      task.sourceArn,
                      m.traceId.value(),
                      source.name(),
                      m.messageId,
                      target,
                      newId));
    }
    if (task.moved >= task.toMove || source.approximateNumberOfMessages() == 0) {
      finish(task, MessageMoveTask.Status.COMPLETED, null);
      return;
    }
    cloud
        .scheduler()
        .schedule(Duration.ofSeconds(1), "message move task " + id(task), () -> step(task));
  }

  private void finish(Task task, MessageMoveTask.Status status, String failureReason) {
    long moved;
    synchronized (this) {
      task.status = status;
      task.failureReason = failureReason;
      moved = task.moved;
    }
    Instant now = cloud.now();
    String queueName = task.sourceArn.substring(task.sourceArn.lastIndexOf(':') + 1);
    cloud
        .journal()
        .append(
            seq ->
                new SqsEvent.MessageMoveTaskFinished(
                    seq,
                    now,
                    task.sourceArn,
                    queueName,
                    task.handle,
                    status,
                    moved,
                    failureReason));
  }

  /** Whether some queue's redrive policy names this queue as its dead-letter queue. */
  private boolean isDeadLetterQueue(QueueImpl queue) {
    for (Queue q : sqs.queues()) {
      RedrivePolicy policy = q.spec().redrivePolicy();
      if (policy != null && policy.deadLetterTargetArn().equals(queue.arn())) {
        return true;
      }
    }
    return false;
  }

  private static String id(Task task) {
    return task.id.substring(0, 8);
  }

  private static void checkArnFormat(String arn, String parameter) {
    if (arn == null || !Arn.isArn(arn)) {
      throw SqsErrors.invalidParameterValue(
          "You must use this format to specify the "
              + parameter
              + ": arn:<partition>:<service>:<region>:<account-id>:<resource-id>");
    }
  }

  private static AwsServiceException notFound(String parameter) {
    return SqsErrors.resourceNotFound(
        "The resource that you specified for the " + parameter + " parameter doesn't exist.");
  }

  /** A task handle: base64 of a small JSON document with the task id and the source ARN. */
  private static String handle(String taskId, String sourceArn) {
    String json = "{\"taskId\":\"" + taskId + "\",\"sourceArn\":\"" + sourceArn + "\"}";
    return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** The task id and source ARN of a handle, or null if it is not one. */
  private String[] decode(String taskHandle) {
    if (taskHandle == null) {
      return null;
    }
    try {
      String json = new String(Base64.getDecoder().decode(taskHandle), StandardCharsets.UTF_8);
      JsonNode node = cloud.json().readTree(json);
      if (node == null || !node.hasNonNull("taskId") || !node.hasNonNull("sourceArn")) {
        return null;
      }
      return new String[] {node.get("taskId").asText(), node.get("sourceArn").asText()};
    } catch (IllegalArgumentException | java.io.IOException e) {
      return null;
    }
  }
}
