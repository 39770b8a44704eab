package dev.cloudless.assertions;

import static dev.cloudless.assertions.CloudlessAssertions.assertThat;
import static dev.cloudless.assertions.CloudlessAssertions.assertThatThrownBy;
import static dev.cloudless.fakes.lambda.LambdaEvent.BatchOutcome.PARTIALLY_FAILED;
import static dev.cloudless.fakes.lambda.LambdaEvent.BatchOutcome.SUCCEEDED;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.lambda.EventSourceMappingSpec;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.lambda.LambdaFunction;
import dev.cloudless.fakes.sqs.Queue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Assertions on the batches an event source mapping delivered to a function. */
class EventSourceBatchAssertTest {

  private final FakeCloud cloud = FakeCloud.create();
  private final Queue orders = cloud.sqs().createQueue("orders");

  @AfterEach
  void close() {
    cloud.close();
  }

  /** Fails every message whose body is "poison" once, reporting it as a batch item failure. */
  private LambdaFunction consumerFailingPoisonOnce() {
    List<String> failedOnce = new ArrayList<>();
    LambdaFunction fn =
        cloud
            .lambda()
            .create(
                FunctionSpec.named("ship")
                    .handler(
                        SQSEvent.class,
                        (event, ctx) -> {
                          List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
                          for (SQSEvent.SQSMessage m : event.getRecords()) {
                            if (m.getBody().equals("poison")
                                && !failedOnce.contains(m.getMessageId())) {
                              failedOnce.add(m.getMessageId());
                              failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
                            }
                          }
                          return new SQSBatchResponse(failures);
                        }));
    cloud
        .lambda()
        .createEventSourceMapping(
            EventSourceMappingSpec.of(orders, "ship").batchSize(3).reportBatchItemFailures());
    return fn;
  }

  @Test
  void batchesAreReadInOrder() {
    LambdaFunction fn = consumerFailingPoisonOnce();
    orders.send("a");
    String poison = orders.send("poison").messageId();
    orders.send("b");
    orders.send("c");

    cloud.runUntilIdle();

    assertThat(fn)
        .hasBatchSizes(3, 1, 1)
        .hasBatchOutcomes(PARTIALLY_FAILED, SUCCEEDED, SUCCEEDED)
        .returnedToQueue(poison);
  }

  @Test
  void aFailureListsTheBatches() {
    LambdaFunction fn = consumerFailingPoisonOnce();
    orders.send("poison");

    cloud.runUntilIdle();

    assertThatThrownBy(() -> assertThat(fn).hasBatchOutcomes(SUCCEEDED))
        .hasMessageContaining("to have had batches ending [SUCCEEDED]")
        .hasMessageContaining("but they ended [PARTIALLY_FAILED, SUCCEEDED]")
        .hasMessageContaining("ship batch of 1 from orders PARTIALLY_FAILED, 1 returned");
    assertThatThrownBy(() -> assertThat(fn).hasBatchSizes(2))
        .hasMessageContaining("to have had batches of [2] messages but they held [1, 1]");
    assertThatThrownBy(() -> assertThat(fn).returnedToQueue())
        .hasMessageContaining("to have returned [] to its queue but it returned [");
  }

  @Test
  void aFunctionWithoutMappingsSaysSo() {
    LambdaFunction fn =
        cloud.lambda().create(FunctionSpec.named("alone").handler(SQSEvent.class, (e, c) -> null));

    assertThatThrownBy(() -> assertThat(fn).hasBatchSizes(1))
        .hasMessageContaining("no event source mapping delivered a batch");
  }
}
