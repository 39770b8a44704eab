package dev.cloudless.fakes.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.sns.SubscribeRequest;
import dev.cloudless.fakes.sns.Topic;
import dev.cloudless.fakes.sqs.Message;
import dev.cloudless.fakes.sqs.Queue;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code sqs:sendMessage} and {@code sns:publish} tasks go through the cloud's queues and topics.
 */
class MessagingTaskTest {

  private final FakeCloud cloud = FakeCloud.create();
  private final FakeStepFunctions sfn = cloud.stepFunctions();
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void close() {
    cloud.close();
  }

  private Execution run(String task, String input) {
    sfn.createStateMachine(
        StateMachineSpec.named("sm")
            .definition("{\"StartAt\": \"Send\", \"States\": {\"Send\": " + task + "}}"));
    return sfn.startExecution("sm", input).awaitCompletion();
  }

  @Test
  void sendMessagePutsTheBodyOnTheQueueAndReturnsSqsAnswerWithSdkMetadata() throws Exception {
    Queue orders = cloud.sqs().createQueue("orders");

    Execution run =
        run(
            "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::sqs:sendMessage\","
                + " \"Parameters\": {\"QueueUrl\": \""
                + orders.url()
                + "\", \"MessageBody.$\": \"$.order\","
                + " \"MessageAttributes\": {\"kind\": {\"DataType\": \"String\","
                + " \"StringValue\": \"new\"}}}, \"End\": true}",
            "{\"order\": {\"id\": \"o-1\"}}");

    assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    List<Message> messages = orders.receive(10);
    assertThat(messages)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.body()).isEqualTo("{\"id\":\"o-1\"}");
              assertThat(m.messageAttributes().get("kind").stringValue()).isEqualTo("new");
            });
    JsonNode out = json.readTree(run.output().orElseThrow());
    assertThat(out.get("MessageId").asText()).isEqualTo(messages.get(0).messageId());
    assertThat(out.get("MD5OfMessageBody").asText()).isEqualTo(messages.get(0).md5OfBody());
    assertThat(out.get("MD5OfMessageAttributes").asText())
        .isEqualTo(messages.get(0).md5OfMessageAttributes());
    assertThat(out.at("/SdkHttpMetadata/HttpStatusCode").asInt()).isEqualTo(200);
    assertThat(out.at("/SdkHttpMetadata/HttpHeaders/Content-Type").asText())
        .isEqualTo("application/x-amz-json-1.0");
    assertThat(out.at("/SdkResponseMetadata/RequestId").asText())
        .isEqualTo(out.at("/SdkHttpMetadata/HttpHeaders/x-amzn-RequestId").asText());
    assertThat(run.history())
        .filteredOn(e -> e.type().equals("TaskScheduled"))
        .singleElement()
        .satisfies(e -> assertThat(e.details().toString()).contains("\"resourceType\":\"sqs\""));
  }

  @Test
  void theSqsAnswerIsTheContentLengthAwsRecordedForAPlainSend() throws Exception {
    Queue orders = cloud.sqs().createQueue("orders");

    Execution run =
        run(
            "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::sqs:sendMessage\","
                + " \"Parameters\": {\"QueueUrl\": \""
                + orders.url()
                + "\", \"MessageBody\": \"test_message_body\"}, \"End\": true}",
            "{}");

    JsonNode out = json.readTree(run.output().orElseThrow());
    // Recorded: {"MD5OfMessageBody":"<32>","MessageId":"<36>"} is 106 bytes.
    assertThat(out.at("/SdkHttpMetadata/HttpHeaders/Content-Length").asText()).isEqualTo("106");
    assertThat(out.fieldNames())
        .toIterable()
        .containsExactly("MD5OfMessageBody", "MessageId", "SdkHttpMetadata", "SdkResponseMetadata");
  }

  @Test
  void sendingToAMissingQueueFailsWithTheSqsErrorThatCatchCanMatch() {
    Execution run =
        run(
            "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::sqs:sendMessage\","
                + " \"Parameters\": {\"QueueUrl\": \"https://sqs.us-east-1.amazonaws.com/000000000000/nope\","
                + " \"MessageBody\": \"x\"}, \"End\": true}",
            "{}");

    assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(run.error()).hasValueSatisfying(e -> assertThat(e).startsWith("SQS."));
    assertThat(run.cause()).hasValueSatisfying(c -> assertThat(c).contains("Service: AmazonSQS"));
  }

  @Test
  void publishSendsTheMessageToTheTopicsSubscribers() throws Exception {
    Topic topic = cloud.sns().createTopic("events");
    Queue audit = cloud.sqs().createQueue("audit");
    topic.subscribe(SubscribeRequest.to(audit).rawMessageDelivery(true));

    Execution run =
        run(
            "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::sns:publish\","
                + " \"Parameters\": {\"TopicArn\": \""
                + topic.arn()
                + "\", \"Message\": {\"Message\": \"HelloWorld!\"}, \"Subject\": \"hi\"},"
                + " \"End\": true}",
            "{}");
    cloud.runUntilIdle();

    assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(audit.receive(10))
        .singleElement()
        .extracting(Message::body)
        .isEqualTo("{\"Message\":\"HelloWorld!\"}");
    JsonNode out = json.readTree(run.output().orElseThrow());
    assertThat(out.get("MessageId").asText()).isNotBlank();
    assertThat(out.at("/SdkHttpMetadata/HttpHeaders/Content-Type").asText()).isEqualTo("text/xml");
    // Recorded: the XML PublishResponse with a 36-character message and request id is 294 bytes.
    assertThat(out.at("/SdkHttpMetadata/HttpHeaders/Content-Length").asText()).isEqualTo("294");
  }

  @Test
  void publishingToAMissingTopicFails() {
    Execution run =
        run(
            "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::sns:publish\","
                + " \"Parameters\": {\"TopicArn\": \"arn:aws:sns:us-east-1:000000000000:nope\","
                + " \"Message\": \"x\"}, \"End\": true}",
            "{}");

    assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(run.error()).hasValueSatisfying(e -> assertThat(e).startsWith("SNS."));
  }

  @Test
  void sendMessageWaitForTaskTokenSubmitsThenWaitsForTheCallbackAsRecorded() throws Exception {
    Queue work = cloud.sqs().createQueue("work");

    sfn.createStateMachine(
        StateMachineSpec.named("sm")
            .definition(
                "{\"StartAt\": \"Send\", \"States\": {\"Send\": {\"Type\": \"Task\","
                    + " \"Resource\": \"arn:aws:states:::sqs:sendMessage.waitForTaskToken\","
                    + " \"Parameters\": {\"QueueUrl\": \""
                    + work.url()
                    + "\", \"MessageBody\": {\"Message.$\": \"$.message\","
                    + " \"TaskToken.$\": \"$$.Task.Token\"}}, \"End\": true}}}"));
    Execution run = sfn.startExecution("sm", "{\"message\": \"hello\"}");
    cloud.runUntilIdle();

    Message message = work.receive(1).get(0);
    JsonNode body = json.readTree(message.body());
    assertThat(body.get("Message").asText()).isEqualTo("hello");
    assertThat(run.status()).isEqualTo(ExecutionStatus.RUNNING);
    sfn.sendTaskSuccess(body.get("TaskToken").asText(), "\"done\"");
    run.awaitCompletion();

    assertThat(run.output()).contains("\"done\"");
    assertThat(run.history())
        .extracting(HistoryEvent::type)
        .containsExactly(
            "ExecutionStarted",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskSubmitted",
            "TaskSucceeded",
            "TaskStateExited",
            "ExecutionSucceeded");
    HistoryEvent submitted = run.history().get(4);
    assertThat(submitted.detail("resource")).isEqualTo("sendMessage.waitForTaskToken");
    assertThat(json.readTree(submitted.detail("output")).get("MessageId").asText())
        .isEqualTo(message.messageId());
  }
}
