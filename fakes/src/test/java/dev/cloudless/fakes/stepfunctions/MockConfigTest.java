package dev.cloudless.fakes.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.sqs.Queue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mocked task responses in Step Functions Local's mock configuration format. */
class MockConfigTest {

  /** The example of the AWS developer guide (sfn-local-mock-cfg-file), as a team would have it. */
  static final String MOCK_CONFIG =
      """
      {"StateMachines": {"LambdaSQSIntegration": {"TestCases": {
          "HappyPath": {"LambdaState": "MockedLambdaSuccess", "SQSState": "MockedSQSSuccess"},
          "RetryPath": {"LambdaState": "MockedLambdaRetry", "SQSState": "MockedSQSSuccess"},
          "HybridPath": {"LambdaState": "MockedLambdaSuccess"}}}},
       "MockedResponses": {
          "MockedLambdaSuccess": {"0": {"Return": {"StatusCode": 200,
              "Payload": {"StatusCode": 200, "body": "Hello from Lambda!"}}}},
          "LambdaMockedResourceNotReady": {"0": {"Throw": {
              "Error": "Lambda.ResourceNotReadyException", "Cause": "Lambda resource is not ready."}}},
          "MockedSQSSuccess": {"0": {"Return": {
              "MD5OfMessageBody": "3bcb6e8e-7h85-4375-b0bc-1a59812c6e51",
              "MessageId": "3bcb6e8e-8b51-4375-b0bc-1a59812c6e51"}}},
          "MockedLambdaRetry": {
              "0": {"Throw": {"Error": "Lambda.ResourceNotReadyException",
                              "Cause": "Lambda resource is not ready."}},
              "1-2": {"Throw": {"Error": "Lambda.TimeoutException", "Cause": "Lambda timed out."}},
              "3": {"Return": {"StatusCode": 200,
                  "Payload": {"StatusCode": 200, "body": "Hello from Lambda!"}}}}}}
      """;

  private final FakeCloud cloud = FakeCloud.create();
  private final FakeStepFunctions sfn = cloud.stepFunctions();
  private Queue queue;

  @BeforeEach
  void machine() {
    queue = cloud.sqs().createQueue("results");
    sfn.createStateMachine(
        StateMachineSpec.named("LambdaSQSIntegration")
            .definition(
                """
                {"StartAt": "LambdaState", "States": {
                  "LambdaState": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                    "Parameters": {"FunctionName": "HelloWorldFunction", "Payload.$": "$"},
                    "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 2,
                               "MaxAttempts": 3, "BackoffRate": 2}],
                    "ResultSelector": {"body.$": "$.Payload.body"},
                    "Next": "SQSState"},
                  "SQSState": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
                    "Parameters": {"QueueUrl": "%s", "MessageBody.$": "$.body"},
                    "ResultSelector": {"MessageId.$": "$.MessageId"},
                    "End": true}}}
                """
                    .formatted(queue.url())));
  }

  @AfterEach
  void close() {
    cloud.close();
  }

  @Test
  void theHappyPathAnswersEveryMockedStateWithoutCallingAnything() {
    sfn.mockConfig(MockConfig.parse(MOCK_CONFIG));

    Execution run = sfn.startExecution("LambdaSQSIntegration#HappyPath", "{}").awaitCompletion();

    assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(run.output()).contains("{\"MessageId\":\"3bcb6e8e-8b51-4375-b0bc-1a59812c6e51\"}");
    assertThat(queue.peek()).isEmpty();
    assertThat(cloud.lambda().functions()).isEmpty();
  }

  @Test
  void theRetryPathAnswersByInvocationNumberAndRangesOnTheVirtualClock() {
    sfn.mockConfig(MockConfig.parse(MOCK_CONFIG));

    Execution run = sfn.startExecution("LambdaSQSIntegration#RetryPath", "{}").awaitCompletion();

    assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(run.history())
        .filteredOn(e -> e.type().equals("TaskFailed"))
        .extracting(e -> e.details().get("error").asText())
        .containsExactly(
            "Lambda.ResourceNotReadyException",
            "Lambda.TimeoutException",
            "Lambda.TimeoutException");
    // Back-off 2 s, 4 s, 8 s.
    assertThat(run.stopDate()).contains(run.startDate().plusSeconds(14));
  }

  @Test
  void aHybridPathCallsTheRealResourceForStatesItDoesNotMock() {
    sfn.mockConfig(MockConfig.parse(MOCK_CONFIG));

    Execution run = sfn.startExecution("LambdaSQSIntegration#HybridPath", "{}").awaitCompletion();

    assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(queue.peek())
        .singleElement()
        .satisfies(m -> assertThat(m.body()).isEqualTo("Hello from Lambda!"));
  }

  @Test
  void anInvocationWithoutAnEntryFailsTheExecution() {
    sfn.mockConfig(
        MockConfig.parse(
            """
            {"StateMachines": {"LambdaSQSIntegration": {"TestCases": {
                "Broken": {"LambdaState": "OnlyFails"}}}},
             "MockedResponses": {"OnlyFails": {"0": {"Throw": {"Error": "Boom", "Cause": "x"}}}}}
            """));

    Execution run = sfn.startExecution("LambdaSQSIntegration#Broken", "{}").awaitCompletion();

    assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(run.cause())
        .hasValueSatisfying(c -> assertThat(c).contains("no entry for invocation 1"));
  }

  @Test
  void aTestCaseIsLoadedFromAFileAndAnUnknownOneIsRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("MockConfigFile.json");
    Files.writeString(file, MOCK_CONFIG);
    MockConfig config = MockConfig.load(file);
    sfn.mockConfig(config);

    assertThat(config.testCases("LambdaSQSIntegration"))
        .containsExactly("HappyPath", "RetryPath", "HybridPath");
    assertThatThrownBy(() -> sfn.startExecution("LambdaSQSIntegration#SadPath", "{}"))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageContaining("SadPath")
        .hasMessageContaining("[HappyPath, RetryPath, HybridPath]");
  }

  @Test
  void aTestCaseWithoutAMockConfigurationIsRefused() {
    assertThatThrownBy(() -> sfn.startExecution("LambdaSQSIntegration#HappyPath", "{}"))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageContaining("needs a mock configuration");
  }

  @Test
  void badConfigurationsAreRefusedNamingTheField() {
    assertThatThrownBy(
            () ->
                MockConfig.parse(
                    "{\"StateMachines\": {\"sm\": {\"TestCases\": {\"c\": {\"S\": \"Nope\"}}}},"
                        + " \"MockedResponses\": {}}"))
        .hasMessageContaining("StateMachines.sm.TestCases.c.S")
        .hasMessageContaining("[Nope]");
    assertThatThrownBy(
            () -> MockConfig.parse("{\"MockedResponses\": {\"R\": {\"1-x\": {\"Return\": 1}}}}"))
        .hasMessageContaining("MockedResponses.R.1-x");
    assertThatThrownBy(
            () ->
                MockConfig.parse(
                    "{\"MockedResponses\": {\"R\": {\"0\": {\"Return\": 1, \"Throw\": {}}}}}"))
        .hasMessageContaining("exactly one of Return or Throw");
    assertThatThrownBy(
            () ->
                MockConfig.parse(
                    "{\"MockedResponses\": {\"R\": {\"0-2\": {\"Return\": 1},"
                        + " \"2\": {\"Return\": 2}}}}"))
        .hasMessageContaining("overlaps");
    assertThatThrownBy(
            () ->
                MockConfig.parse(
                    "{\"MockedResponses\": {\"R\": {\"0\": {\"Throw\": {\"Error\": \"E\"}}}}}"))
        .hasMessageContaining("Error and Cause");
  }
}
