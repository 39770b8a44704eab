package dev.cloudless.fakes.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cases recorded on AWS in shared/conformance/recorded/sqs/test_sqs_move_task.*.json. */
class MessageMoveTaskTest {

  private final FakeCloud cloud = FakeCloud.create();
  private final Queue dlq = cloud.sqs().createQueue("dlq");
  private final Queue source = cloud.sqs().createQueue(QueueSpec.named("source").redrive(dlq, 1));
  private final Queue destination = cloud.sqs().createQueue("destination");

  @AfterEach
  void close() {
    cloud.close();
  }

  /** Sends {@code n} messages and receives each twice, which moves them to the DLQ. */
  private void deadLetter(int n) {
    for (int i = 0; i < n; i++) {
      source.send("message-" + i);
    }
    for (int i = 0; i < n * 2; i++) {
      source.receive(ReceiveRequest.upTo(1).visibilityTimeout(Duration.ZERO));
    }
    assertThat(dlq.approximateNumberOfMessages()).isEqualTo(n);
  }

  private static Consumer<AwsServiceException> error(int status, String code, String query) {
    return e -> {
      assertThat(e.statusCode()).isEqualTo(status);
      assertThat(e.errorCode()).isEqualTo(code);
      assertThat(e.fields()).containsEntry("QueryErrorCode", query);
    };
  }

  @Test
  void basicMoveTaskWorkflow() {
    deadLetter(2);
    List<String> deadIds = dlq.peek().stream().map(Message::messageId).toList();

    String handle =
        cloud.sqs().startMessageMoveTask(MessageMoveTaskRequest.from(dlq).to(destination));
    cloud.runUntilIdle();

    List<Message> moved = destination.receive(10);
    assertThat(moved).extracting(Message::body).containsExactlyInAnyOrder("message-0", "message-1");
    // Moved messages are sent afresh: new ids, a receive count starting over, no source ARN.
    assertThat(moved).extracting(Message::messageId).doesNotContainAnyElementsOf(deadIds);
    assertThat(moved).allSatisfy(m -> assertThat(m.receiveCount()).isEqualTo(1));
    assertThat(moved)
        .allSatisfy(m -> assertThat(m.attributes()).doesNotContainKey("DeadLetterQueueSourceArn"));
    assertThat(cloud.sqs().listMessageMoveTasks(dlq.arn()))
        .singleElement()
        .satisfies(
            task -> {
              assertThat(task.status()).isEqualTo(MessageMoveTask.Status.COMPLETED);
              assertThat(task.approximateNumberOfMessagesMoved()).isEqualTo(2);
              assertThat(task.approximateNumberOfMessagesToMove()).isEqualTo(2);
              assertThat(task.sourceArn()).isEqualTo(dlq.arn());
              assertThat(task.destinationArn()).isEqualTo(destination.arn());
              assertThat(task.taskHandle()).isNull();
              assertThat(task.maxNumberOfMessagesPerSecond()).isNull();
              assertThat(task.startedTimestamp()).isEqualTo(FakeCloud.DEFAULT_START);
            });
    assertThat(dlq.receive(ReceiveRequest.upTo(1).waitTime(Duration.ofSeconds(1)))).isEmpty();
    // The handle encodes the task and its source.
    assertThat(new String(Base64.getDecoder().decode(handle), StandardCharsets.UTF_8))
        .contains("\"sourceArn\":\"" + dlq.arn() + "\"");
  }

  @Test
  void withoutADestinationMessagesGoBackToTheirSourceQueuesWithANewRetentionClock() {
    Queue otherSource = cloud.sqs().createQueue(QueueSpec.named("other-source").redrive(dlq, 1));
    deadLetter(2);
    otherSource.send("from-other");
    otherSource.receive(ReceiveRequest.upTo(1).visibilityTimeout(Duration.ZERO));
    otherSource.receive();
    cloud.advance(Duration.ofMinutes(5));

    cloud.sqs().startMessageMoveTask(MessageMoveTaskRequest.from(dlq));
    cloud.runUntilIdle();

    assertThat(source.peek()).extracting(Message::body).containsExactly("message-0", "message-1");
    assertThat(otherSource.peek()).extracting(Message::body).containsExactly("from-other");
    assertThat(source.peek().get(0).attributes())
        .containsEntry(
            "SentTimestamp",
            Long.toString(FakeCloud.DEFAULT_START.plus(Duration.ofMinutes(5)).toEpochMilli()));
    // Recorded (test_move_task_workflow_with_multiple_sources_as_default_destination): no
    // DestinationArn in the listing.
    assertThat(cloud.sqs().listMessageMoveTasks(dlq.arn()))
        .singleElement()
        .satisfies(
            task -> {
              assertThat(task.destinationArn()).isNull();
              assertThat(task.approximateNumberOfMessagesMoved()).isEqualTo(3);
              assertThat(task.approximateNumberOfMessagesToMove()).isEqualTo(3);
            });
  }

  @Test
  void aRateLimitMovesThatManyMessagesPerSecondOfVirtualTime() {
    deadLetter(4);

    cloud
        .sqs()
        .startMessageMoveTask(
            MessageMoveTaskRequest.from(dlq).to(destination).maxNumberOfMessagesPerSecond(1));
    cloud.runUntilIdle();

    // The first moves at once, then one a second: at least 3 seconds for 4 messages.
    assertThat(cloud.journal().events(SqsEvent.MessageMovedByTask.class))
        .extracting(e -> e.time())
        .containsExactly(
            FakeCloud.DEFAULT_START,
            FakeCloud.DEFAULT_START.plusSeconds(1),
            FakeCloud.DEFAULT_START.plusSeconds(2),
            FakeCloud.DEFAULT_START.plusSeconds(3));
    assertThat(destination.size()).isEqualTo(4);
  }

  @Test
  void aRunningTaskCanBeCancelled() {
    deadLetter(10);
    String handle =
        cloud
            .sqs()
            .startMessageMoveTask(
                MessageMoveTaskRequest.from(dlq).to(destination).maxNumberOfMessagesPerSecond(1));
    cloud.advance(Duration.ofSeconds(1));

    assertThat(cloud.sqs().listMessageMoveTasks(dlq.arn()))
        .singleElement()
        .satisfies(
            task -> {
              assertThat(task.status()).isEqualTo(MessageMoveTask.Status.RUNNING);
              assertThat(task.taskHandle()).isEqualTo(handle);
              assertThat(task.approximateNumberOfMessagesMoved()).isEqualTo(2);
              assertThat(task.approximateNumberOfMessagesToMove()).isEqualTo(10);
              assertThat(task.maxNumberOfMessagesPerSecond()).isEqualTo(1);
            });
    assertThat(cloud.sqs().cancelMessageMoveTask(handle)).isEqualTo(2);
    assertThat(cloud.sqs().listMessageMoveTasks(dlq.arn()).get(0).status())
        .isEqualTo(MessageMoveTask.Status.CANCELLING);

    cloud.runUntilIdle();

    assertThat(cloud.sqs().listMessageMoveTasks(dlq.arn()).get(0).status())
        .isEqualTo(MessageMoveTask.Status.CANCELLED);
    assertThat(dlq.size()).isEqualTo(8);
  }

  @Test
  void deletingTheDestinationWhileRunningFailsTheTask() {
    deadLetter(10);
    cloud
        .sqs()
        .startMessageMoveTask(
            MessageMoveTaskRequest.from(dlq).to(destination).maxNumberOfMessagesPerSecond(1));
    cloud.advance(Duration.ofSeconds(2));

    cloud.sqs().deleteQueue(destination.url());
    cloud.runUntilIdle();

    assertThat(cloud.sqs().listMessageMoveTasks(dlq.arn()))
        .singleElement()
        .satisfies(
            task -> {
              assertThat(task.status()).isEqualTo(MessageMoveTask.Status.FAILED);
              assertThat(task.failureReason()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
              assertThat(task.approximateNumberOfMessagesMoved()).isEqualTo(3);
            });
    assertThat(dlq.size()).isEqualTo(7);
  }

  @Test
  void onlyOneTaskRunsPerSourceQueue() {
    deadLetter(10);
    cloud
        .sqs()
        .startMessageMoveTask(
            MessageMoveTaskRequest.from(dlq).to(destination).maxNumberOfMessagesPerSecond(1));

    assertThatThrownBy(
            () ->
                cloud
                    .sqs()
                    .startMessageMoveTask(
                        MessageMoveTaskRequest.from(dlq)
                            .to(destination)
                            .maxNumberOfMessagesPerSecond(1)))
        .isInstanceOfSatisfying(
            AwsServiceException.class, error(400, "InvalidParameterValue", "InvalidParameterValue"))
        .hasMessage(
            "There is already a task running. Only one active task is allowed for a source queue"
                + " arn at a given time.");
  }

  @Test
  void theSourceMustBeADeadLetterQueueAndBothQueuesMustExist() {
    assertThatThrownBy(
            () ->
                cloud
                    .sqs()
                    .startMessageMoveTask(MessageMoveTaskRequest.from(source).to(destination)))
        .isInstanceOfSatisfying(
            AwsServiceException.class, error(400, "InvalidParameterValue", "InvalidParameterValue"))
        .hasMessage("Source queue must be configured as a Dead Letter Queue.");
    assertThatThrownBy(
            () ->
                cloud
                    .sqs()
                    .startMessageMoveTask(
                        MessageMoveTaskRequest.from(dlq).to(destination.arn() + "doesntexist")))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            error(404, "ResourceNotFoundException", "ResourceNotFoundException"))
        .hasMessage(
            "The resource that you specified for the DestinationArn parameter doesn't exist.");
    assertThatThrownBy(
            () ->
                cloud
                    .sqs()
                    .startMessageMoveTask(
                        MessageMoveTaskRequest.from(dlq)
                            .to(destination)
                            .maxNumberOfMessagesPerSecond(501)))
        .hasMessageContaining("MaxNumberOfMessagesPerSecond");
  }

  @Test
  void cancellingWithABadHandleGetsTheRecordedErrors() {
    assertThatThrownBy(() -> cloud.sqs().cancelMessageMoveTask("foobared"))
        .isInstanceOfSatisfying(
            AwsServiceException.class, error(400, "InvalidParameterValue", "InvalidParameterValue"))
        .hasMessage("Value for parameter TaskHandle is invalid.");
    String missingSource =
        handle(
            "10f57157-fc38-4da9-a113-4de7e12d05dd",
            "arn:aws:sqs:us-east-1:878966065785:test-queue-doesnt-exist-123456");
    assertThatThrownBy(() -> cloud.sqs().cancelMessageMoveTask(missingSource))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            error(404, "ResourceNotFoundException", "ResourceNotFoundException"))
        .hasMessage("The resource that you specified for the SourceArn parameter doesn't exist.");
    String missingTask = handle("10f57157-fc38-4da9-a113-4de7e12d05aa", source.arn());
    assertThatThrownBy(() -> cloud.sqs().cancelMessageMoveTask(missingTask))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            error(404, "ResourceNotFoundException", "ResourceNotFoundException"))
        .hasMessage("Task does not exist.");
  }

  @Test
  void eachTaskIsJournaled() {
    deadLetter(1);

    cloud.sqs().startMessageMoveTask(MessageMoveTaskRequest.from(dlq).to(destination));
    cloud.runUntilIdle();

    assertThat(cloud.journal().forResource(dlq.arn()))
        .extracting(e -> e.type())
        .containsSubsequence(
            "MessageMovedFromSourceQueue",
            "MessageMoveTaskStarted",
            "MessageMovedByTask",
            "MessageMoveTaskFinished");
    assertThat(cloud.journal().forResource(destination.arn()))
        .extracting(e -> e.type())
        .contains("MessageSent");
  }

  private static String handle(String taskId, String sourceArn) {
    String json = "{\"taskId\":\"" + taskId + "\",\"sourceArn\":\"" + sourceArn + "\"}";
    return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
