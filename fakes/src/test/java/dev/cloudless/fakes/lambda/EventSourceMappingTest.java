package dev.cloudless.fakes.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.aws.MessageAttributeValue;
import dev.cloudless.fakes.lambda.LambdaEvent.BatchOutcome;
import dev.cloudless.fakes.lambda.LambdaEvent.EventSourceBatchProcessed;
import dev.cloudless.fakes.sqs.Queue;
import dev.cloudless.fakes.sqs.QueueSpec;
import dev.cloudless.fakes.sqs.SendMessageRequest;
import dev.cloudless.fakes.sqs.SendResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SQS to Lambda event source mappings: batches, deletion, partial failures, scaling, errors. */
class EventSourceMappingTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeCloud cloud = FakeCloud.builder().accountId("123456789012").build();
  private final Queue orders = cloud.sqs().createQueue("orders");

  /** Every event the consumer received, as raw JSON, and the instant it received it. */
  private final List<JsonNode> events = new ArrayList<>();

  private final List<Instant> eventTimes = new ArrayList<>();

  @AfterEach
  void close() {
    cloud.close();
  }

  /** A consumer that records each raw event and answers what {@code response} says. */
  private void consumer(String name, Function<JsonNode, String> response) {
    cloud
        .lambda()
        .create(
            FunctionSpec.named(name)
                .handler(
                    (com.amazonaws.services.lambda.runtime.RequestStreamHandler)
                        (in, out, ctx) -> {
                          JsonNode event = JSON.readTree(in);
                          synchronized (events) {
                            events.add(event);
                            eventTimes.add(cloud.clock().now());
                          }
                          String answer = response.apply(event);
                          if (answer != null) {
                            out.write(answer.getBytes(StandardCharsets.UTF_8));
                          }
                        }));
  }

  private void failingConsumer(String name) {
    cloud
        .lambda()
        .create(
            FunctionSpec.named(name)
                .handler(
                    (com.amazonaws.services.lambda.runtime.RequestStreamHandler)
                        (in, out, ctx) -> {
                          synchronized (events) {
                            events.add(JSON.readTree(in));
                            eventTimes.add(cloud.clock().now());
                          }
                          throw new IOException("warehouse down");
                        }));
  }

  private List<EventSourceBatchProcessed> batches() {
    return cloud.journal().events(EventSourceBatchProcessed.class);
  }

  private static List<String> ids(JsonNode event) {
    List<String> ids = new ArrayList<>();
    event.get("Records").forEach(r -> ids.add(r.get("messageId").asText()));
    return ids;
  }

  // ---- the event and the happy path -------------------------------------------------------------

  @Test
  void aMappingStartsCreatingAndPollsOnceTheClockRuns() {
    consumer("ship", e -> null);

    EventSourceMappingConfiguration created =
        cloud.lambda().createEventSourceMapping(EventSourceMappingSpec.of(orders, "ship"));

    assertThat(created.state()).isEqualTo("Creating");
    assertThat(created.stateTransitionReason()).isEqualTo("USER_INITIATED");
    assertThat(created.batchSize()).isEqualTo(10);
    assertThat(created.maximumBatchingWindowInSeconds()).isZero();
    assertThat(created.functionResponseTypes()).isEmpty();
    assertThat(created.eventSourceArn()).isEqualTo("arn:aws:sqs:us-east-1:123456789012:orders");
    assertThat(created.functionArn())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:ship");
    assertThat(created.eventSourceMappingArn())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:event-source-mapping:" + created.uuid());

    cloud.runUntilIdle();

    assertThat(cloud.lambda().eventSourceMapping(created.uuid()).state()).isEqualTo("Enabled");
    assertThat(cloud.lambda().eventSourceMappings("ship")).hasSize(1);
  }

  @Test
  void theHandlerReceivesTheSqsEventAsAwsShapesItAndTheBatchIsDeleted() {
    consumer("ship", e -> null);
    cloud.lambda().createEventSourceMapping(EventSourceMappingSpec.of(orders, "ship"));
    SendResult sent =
        orders.send(
            SendMessageRequest.body("{\"orderId\":\"o-1\"}")
                .messageAttribute("Title", MessageAttributeValue.string("The Whistler")));

    cloud.runUntilIdle();

    assertThat(events).hasSize(1);
    JsonNode record = events.get(0).get("Records").get(0);
    List<String> keys = new ArrayList<>();
    record.fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactly(
            "messageId",
            "receiptHandle",
            "body",
            "attributes",
            "messageAttributes",
            "md5OfMessageAttributes",
            "md5OfBody",
            "eventSource",
            "eventSourceARN",
            "awsRegion");
    assertThat(record.get("messageId").asText()).isEqualTo(sent.messageId());
    assertThat(record.get("body").asText()).isEqualTo("{\"orderId\":\"o-1\"}");
    assertThat(record.get("attributes").get("ApproximateReceiveCount").asText()).isEqualTo("1");
    assertThat(record.get("attributes").get("SentTimestamp").asText())
        .isEqualTo(Long.toString(FakeCloud.DEFAULT_START.toEpochMilli()));
    assertThat(record.get("attributes").get("SenderId").asText()).isEqualTo("123456789012");
    assertThat(record.get("attributes").has("ApproximateFirstReceiveTimestamp")).isTrue();
    assertThat(record.get("messageAttributes").get("Title").toString())
        .isEqualTo(
            "{\"stringValue\":\"The Whistler\",\"stringListValues\":[],\"binaryListValues\":[],"
                + "\"dataType\":\"String\"}");
    assertThat(record.get("md5OfMessageAttributes").asText())
        .isEqualTo(sent.md5OfMessageAttributes());
    assertThat(record.get("md5OfBody").asText()).isEqualTo(sent.md5OfMessageBody());
    assertThat(record.get("eventSource").asText()).isEqualTo("aws:sqs");
    assertThat(record.get("eventSourceARN").asText()).isEqualTo(orders.arn());
    assertThat(record.get("awsRegion").asText()).isEqualTo("us-east-1");
    assertThat(orders.size()).isZero();
    assertThat(batches())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.outcome()).isEqualTo(BatchOutcome.SUCCEEDED);
              assertThat(b.messageIds()).containsExactly(sent.messageId());
            });
  }

  @Test
  void withoutMessageAttributesTheDigestIsNull() {
    consumer("ship", e -> null);
    cloud.lambda().createEventSourceMapping(EventSourceMappingSpec.of(orders, "ship"));
    orders.send("plain text, not JSON");

    cloud.runUntilIdle();

    JsonNode record = events.get(0).get("Records").get(0);
    assertThat(record.get("md5OfMessageAttributes").isNull()).isTrue();
    assertThat(record.get("messageAttributes").isEmpty()).isTrue();
    assertThat(record.get("body").asText()).isEqualTo("plain text, not JSON");
  }

  @Test
  void aJavaHandlerGetsTheEventAsTheAwsEventsLibraryTypesIt() {
    List<SQSEvent.SQSMessage> received = new ArrayList<>();
    cloud
        .lambda()
        .create(
            FunctionSpec.named("typed")
                .handler(
                    SQSEvent.class,
                    (event, ctx) -> {
                      received.addAll(event.getRecords());
                      return null;
                    }));
    cloud.lambda().createEventSourceMapping(EventSourceMappingSpec.of(orders, "typed"));
    orders.send(
        SendMessageRequest.body("hello").messageAttribute("n", MessageAttributeValue.number(7)));

    cloud.runUntilIdle();

    assertThat(received).hasSize(1);
    SQSEvent.SQSMessage message = received.get(0);
    assertThat(message.getBody()).isEqualTo("hello");
    assertThat(message.getEventSourceArn()).isEqualTo(orders.arn());
    assertThat(message.getMessageAttributes().get("n").getStringValue()).isEqualTo("7");
    assertThat(message.getMessageAttributes().get("n").getDataType()).isEqualTo("Number");
    assertThat(message.getAttributes()).containsEntry("ApproximateReceiveCount", "1");
  }

  @Test
  void messagesAreTakenInBatchesOfTheBatchSizeAndInvokedTogether() {
    consumer("ship", e -> null);
    cloud.lambda().createEventSourceMapping(EventSourceMappingSpec.of(orders, "ship").batchSize(4));
    for (int i = 0; i < 10; i++) {
      orders.send("m" + i);
    }

    cloud.runUntilIdle();

    assertThat(events).extracting(e -> e.get("Records").size()).containsExactly(4, 4, 2);
    assertThat(eventTimes).containsOnly(FakeCloud.DEFAULT_START);
    assertThat(orders.size()).isZero();
  }

  @Test
  void aBatchingWindowGathersMessagesUntilItEnds() {
    consumer("ship", e -> null);
    cloud
        .lambda()
        .createEventSourceMapping(
            EventSourceMappingSpec.of(orders, "ship")
                .batchSize(100)
                .maximumBatchingWindow(Duration.ofSeconds(20)));
    cloud.runUntilIdle();
    for (int i = 0; i < 15; i++) {
      orders.send("first-" + i);
    }
    cloud.advance(Duration.ofSeconds(5));
    for (int i = 0; i < 15; i++) {
      orders.send("late-" + i);
    }

    cloud.runUntilIdle();

    assertThat(events).hasSize(1);
    assertThat(events.get(0).get("Records").size()).isEqualTo(30);
    assertThat(eventTimes.get(0)).isEqualTo(FakeCloud.DEFAULT_START.plusSeconds(20));
  }

  @Test
  void aFullBatchDoesNotWaitForTheWindow() {
    consumer("ship", e -> null);
    cloud
        .lambda()
        .createEventSourceMapping(
            EventSourceMappingSpec.of(orders, "ship")
                .batchSize(20)
                .maximumBatchingWindow(Duration.ofSeconds(60)));
    for (int i = 0; i < 20; i++) {
      orders.send("m" + i);
    }

    cloud.runUntilIdle();

    assertThat(events).hasSize(1);
    assertThat(events.get(0).get("Records").size()).isEqualTo(20);
    assertThat(eventTimes.get(0)).isEqualTo(FakeCloud.DEFAULT_START);
  }

  @Test
  void aBatchStopsShortOfSixMegabytes() {
    consumer("ship", e -> null);
    cloud
        .lambda()
        .createEventSourceMapping(
            EventSourceMappingSpec.of(orders, "ship")
                .batchSize(100)
                .maximumBatchingWindow(Duration.ofSeconds(1)));
    String body = "x".repeat(200_000);
    for (int i = 0; i < 40; i++) {
      orders.send(body);
    }

    cloud.runUntilIdle();

    int total = 0;
    for (JsonNode event : events) {
      assertThat(event.toString().getBytes(StandardCharsets.UTF_8).length)
          .isLessThanOrEqualTo(6_291_456);
      total += event.get("Records").size();
    }
    assertThat(events.size()).isGreaterThan(1);
    assertThat(total).isEqualTo(40);
    assertThat(orders.size()).isZero();
  }

  // ---- errors and partial batch responses -------------------------------------------------------

  @Test
  void aFunctionErrorReturnsTheWholeBatchAfterTheVisibilityTimeout() {
    Queue queue =
        cloud.sqs().createQueue(QueueSpec.named("flaky").visibilityTimeout(Duration.ofSeconds(45)));
    List<Instant> attempts = new ArrayList<>();
    cloud
        .lambda()
        .create(
            FunctionSpec.named("ship")
                .handler(
                    SQSEvent.class,
                    (event, ctx) -> {
                      attempts.add(cloud.clock().now());
                      if (attempts.size() < 3) {
                        throw new IllegalStateException("warehouse down");
                      }
                      return null;
                    }));
    cloud.lambda().createEventSourceMapping(EventSourceMappingSpec.of(queue, "ship"));
    queue.send("a");
    queue.send("b");

    cloud.runUntilIdle();

    Instant start = FakeCloud.DEFAULT_START;
    assertThat(attempts).containsExactly(start, start.plusSeconds(45), start.plusSeconds(90));
    assertThat(batches())
        .extracting(EventSourceBatchProcessed::outcome)
        .containsExactly(BatchOutcome.FAILED, BatchOutcome.FAILED, BatchOutcome.SUCCEEDED);
    assertThat(batches().get(0).reason())
        .isEqualTo("java.lang.IllegalStateException: warehouse down");
    assertThat(batches().get(0).returnedMessageIds()).hasSize(2);
    assertThat(queue.size()).isZero();
  }

  @Test
  void receiveCountsGoUpWithEachReturn() {
    failingConsumer("ship");
    cloud.lambda().createEventSourceMapping(EventSourceMappingSpec.of(orders, "ship"));
    orders.send("a");

    cloud.advance(Duration.ofSeconds(95));

    assertThat(events)
        .extracting(
            e -> e.get("Records").get(0).get("attributes").get("ApproximateReceiveCount").asText())
        .containsExactly("1", "2", "3", "4");
    assertThat(orders.size()).isEqualTo(1);
  }

  @Test
  void reportedBatchItemFailuresAloneReturnToTheQueue() {
    List<List<String>> batchIds = new ArrayList<>();
    consumer(
        "ship",
        event -> {
          List<String> ids = ids(event);
          batchIds.add(ids);
          if (batchIds.size() > 1) {
            return "{\"batchItemFailures\":[]}";
          }
          return "{\"batchItemFailures\":[{\"itemIdentifier\":\""
              + ids.get(1)
              + "\"},{\"itemIdentifier\":\""
              + ids.get(3)
              + "\"}]}";
        });
    cloud
        .lambda()
        .createEventSourceMapping(
            EventSourceMappingSpec.of(orders, "ship").reportBatchItemFailures());
    for (int i = 0; i < 4; i++) {
      orders.send("m" + i);
    }

    cloud.runUntilIdle();

    List<String> first = batchIds.get(0);
    assertThat(batchIds).hasSize(2);
    assertThat(batchIds.get(1)).containsExactlyInAnyOrder(first.get(1), first.get(3));
    assertThat(events.get(1).get("Records"))
        .allSatisfy(
            r ->
                assertThat(r.get("attributes").get("ApproximateReceiveCount").asText())
                    .isEqualTo("2"));
    assertThat(eventTimes.get(1)).isEqualTo(FakeCloud.DEFAULT_START.plusSeconds(30));
    assertThat(batches().get(0).outcome()).isEqualTo(BatchOutcome.PARTIALLY_FAILED);
    assertThat(batches().get(0).returnedMessageIds()).containsExactly(first.get(1), first.get(3));
    assertThat(orders.size()).isZero();
  }

  @Test
  void emptyOrNullBatchResponsesMeanTheWholeBatchSucceeded() {
    for (String response : List.of("{}", "null", "{\"batchItemFailures\":null}", "")) {
      try (FakeCloud fresh = FakeCloud.create()) {
        Queue queue = fresh.sqs().createQueue("q");
        fresh
            .lambda()
            .create(
                FunctionSpec.named("f")
                    .handler(
                        (com.amazonaws.services.lambda.runtime.RequestStreamHandler)
                            (in, out, ctx) ->
                                out.write(response.getBytes(StandardCharsets.UTF_8))));
        fresh
            .lambda()
            .createEventSourceMapping(
                EventSourceMappingSpec.of(queue, "f").reportBatchItemFailures());
        queue.send("a");

        fresh.runUntilIdle();

        assertThat(fresh.journal().events(EventSourceBatchProcessed.class))
            .as("response %s", response)
            .singleElement()
            .extracting(EventSourceBatchProcessed::outcome)
            .isEqualTo(BatchOutcome.SUCCEEDED);
        assertThat(queue.size()).as("response %s", response).isZero();
      }
    }
  }

  @Test
  void invalidBatchResponsesFailTheWholeBatch() {
    Map<String, String> responses =
        Map.of(
            "{\"foo\":\"notvalid\"}", "unexpected key \"foo\"",
            "{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}", "empty or null itemIdentifier",
            "{\"batchItemFailures\":[{\"itemIdentifier\":null}]}", "empty or null itemIdentifier",
            "{\"batchItemFailures\":[{\"itemId\":\"x\"}]}", "has no itemIdentifier",
            "{\"batchItemFailures\":[{\"itemIdentifier\":\"not-in-batch\"}]}", "not a message",
            "{not json", "not JSON");
    responses.forEach(
        (response, reason) -> {
          try (FakeCloud fresh = FakeCloud.create()) {
            Queue queue = fresh.sqs().createQueue("q");
            fresh
                .lambda()
                .create(
                    FunctionSpec.named("f")
                        .handler(
                            (com.amazonaws.services.lambda.runtime.RequestStreamHandler)
                                (in, out, ctx) ->
                                    out.write(response.getBytes(StandardCharsets.UTF_8))));
            fresh
                .lambda()
                .createEventSourceMapping(
                    EventSourceMappingSpec.of(queue, "f").reportBatchItemFailures());
            queue.send("a");

            fresh.advance(Duration.ofSeconds(10));

            EventSourceBatchProcessed batch =
                fresh.journal().events(EventSourceBatchProcessed.class).get(0);
            assertThat(batch.outcome()).as(response).isEqualTo(BatchOutcome.FAILED);
            assertThat(batch.reason()).as(response).contains(reason);
            assertThat(queue.approximateNumberOfMessagesNotVisible()).as(response).isEqualTo(1);
          }
        });
  }

  @Test
  void withoutReportBatchItemFailuresAResponseListingFailuresIsIgnored() {
    consumer(
        "ship",
        event -> "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + ids(event).get(0) + "\"}]}");
    cloud.lambda().createEventSourceMapping(EventSourceMappingSpec.of(orders, "ship"));
    orders.send("a");

    cloud.runUntilIdle();

    assertThat(events).hasSize(1);
    assertThat(orders.size()).isZero();
  }

  // ---- scaling and throttles --------------------------------------------------------------------

  private int mostAtOnce(List<Invocation> invocations) {
    int most = 0;
    for (Invocation a : invocations) {
      int overlapping = 0;
      for (Invocation b : invocations) {
        if (!b.startedAt().isAfter(a.startedAt()) && b.endedAt().isAfter(a.startedAt())) {
          overlapping++;
        }
      }
      most = Math.max(most, overlapping);
    }
    return most;
  }

  @Test
  void pollingStartsWithFiveBatchesAtOnceAndScalesUpByThreeHundredAMinute() {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("slow")
                .handler(SQSEvent.class, (e, ctx) -> null)
                .runsFor(Duration.ofSeconds(10))
                .timeout(Duration.ofSeconds(30)));
    cloud.lambda().createEventSourceMapping(EventSourceMappingSpec.of(orders, "slow").batchSize(1));
    for (int i = 0; i < 200; i++) {
      orders.send("m" + i);
    }

    cloud.advance(Duration.ofSeconds(1));

    List<Invocation> invocations = cloud.lambda().function("slow").invocations();
    Instant start = FakeCloud.DEFAULT_START;
    assertThat(invocations).filteredOn(i -> i.startedAt().equals(start)).hasSize(5);
    // One more batch every 200 ms: 300 a minute.
    assertThat(invocations).filteredOn(i -> i.startedAt().equals(start.plusMillis(200))).hasSize(1);
    assertThat(invocations).hasSize(10);

    cloud.runUntilIdle();

    assertThat(cloud.lambda().function("slow").invocations()).hasSize(200);
    assertThat(orders.size()).isZero();
  }

  @Test
  void maximumConcurrencyCapsTheBatchesInFlight() {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("slow")
                .handler(SQSEvent.class, (e, ctx) -> null)
                .runsFor(Duration.ofSeconds(2)));
    cloud
        .lambda()
        .createEventSourceMapping(
            EventSourceMappingSpec.of(orders, "slow").batchSize(1).maximumConcurrency(2));
    for (int i = 0; i < 20; i++) {
      orders.send("m" + i);
    }

    cloud.runUntilIdle();

    List<Invocation> invocations = cloud.lambda().function("slow").invocations();
    assertThat(invocations).hasSize(20);
    assertThat(mostAtOnce(invocations)).isEqualTo(2);
    assertThat(cloud.clock().now()).isEqualTo(FakeCloud.DEFAULT_START.plusSeconds(20));
  }

  @Test
  void throttledBatchesAreRetriedAndNoMessageIsLost() {
    cloud
        .lambda()
        .create(
            FunctionSpec.named("narrow")
                .handler(SQSEvent.class, (e, ctx) -> null)
                .runsFor(Duration.ofSeconds(3))
                .reservedConcurrency(1));
    cloud
        .lambda()
        .createEventSourceMapping(EventSourceMappingSpec.of(orders, "narrow").batchSize(1));
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      sent.add(orders.send("m" + i).messageId());
    }

    cloud.runUntilIdle();

    List<Invocation> invocations = cloud.lambda().function("narrow").invocations();
    assertThat(invocations).anyMatch(i -> i.outcome() == Invocation.Outcome.THROTTLED);
    assertThat(invocations)
        .filteredOn(i -> i.outcome() == Invocation.Outcome.SUCCEEDED)
        .hasSizeGreaterThanOrEqualTo(8);
    assertThat(
            mostAtOnce(
                invocations.stream()
                    .filter(i -> i.outcome() == Invocation.Outcome.SUCCEEDED)
                    .toList()))
        .isEqualTo(1);
    List<String> handled = new ArrayList<>();
    batches().stream()
        .filter(b -> b.outcome() == BatchOutcome.SUCCEEDED)
        .forEach(b -> handled.addAll(b.messageIds()));
    assertThat(handled).containsAll(sent);
    assertThat(orders.size()).isZero();
  }

  // ---- the mapping's life -----------------------------------------------------------------------

  @Test
  void aDisabledMappingLeavesMessagesAloneUntilEnabled() {
    consumer("ship", e -> null);
    String uuid =
        cloud
            .lambda()
            .createEventSourceMapping(EventSourceMappingSpec.of(orders, "ship").enabled(false))
            .uuid();
    orders.send("a");

    cloud.runUntilIdle();

    assertThat(cloud.lambda().eventSourceMapping(uuid).state()).isEqualTo("Disabled");
    assertThat(events).isEmpty();

    EventSourceMappingConfiguration updated =
        cloud.lambda().updateEventSourceMapping(uuid, spec -> spec.enabled(true));
    assertThat(updated.state()).isEqualTo("Updating");
    cloud.runUntilIdle();

    assertThat(cloud.lambda().eventSourceMapping(uuid).state()).isEqualTo("Enabled");
    assertThat(events).hasSize(1);
  }

  @Test
  void aDeletedMappingStopsPolling() {
    consumer("ship", e -> null);
    String uuid =
        cloud.lambda().createEventSourceMapping(EventSourceMappingSpec.of(orders, "ship")).uuid();
    cloud.runUntilIdle();

    assertThat(cloud.lambda().deleteEventSourceMapping(uuid).state()).isEqualTo("Deleting");
    orders.send("a");
    cloud.runUntilIdle();

    assertThat(events).isEmpty();
    assertThat(orders.size()).isEqualTo(1);
    assertThat(cloud.lambda().eventSourceMappings()).isEmpty();
    assertThatThrownBy(() -> cloud.lambda().eventSourceMapping(uuid))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException"));
  }

  @Test
  void theMessagesTraceContinuesIntoTheInvocation() {
    consumer("ship", e -> null);
    cloud.lambda().createEventSourceMapping(EventSourceMappingSpec.of(orders, "ship"));
    orders.send("a");

    cloud.runUntilIdle();

    String sentTrace =
        cloud.journal().events(dev.cloudless.fakes.sqs.SqsEvent.MessageSent.class).get(0).traceId();
    assertThat(cloud.lambda().function("ship").invocations().get(0).traceId()).isEqualTo(sentTrace);
    assertThat(batches().get(0).traceId()).isEqualTo(sentTrace);
  }

  @Test
  void theSameSeedGivesTheSameJournal() {
    List<String> first = run(7);
    List<String> second = run(7);

    assertThat(second).isEqualTo(first);
  }

  private List<String> run(long seed) {
    try (FakeCloud fresh = FakeCloud.builder().seed(seed).build()) {
      Queue queue = fresh.sqs().createQueue("q");
      fresh
          .lambda()
          .create(
              FunctionSpec.named("f")
                  .handler(
                      SQSEvent.class,
                      (e, ctx) -> {
                        if (e.getRecords().get(0).getBody().startsWith("bad")) {
                          throw new IllegalArgumentException("bad");
                        }
                        return null;
                      }));
      fresh.lambda().createEventSourceMapping(EventSourceMappingSpec.of(queue, "f").batchSize(1));
      for (int i = 0; i < 5; i++) {
        queue.send(i % 2 == 0 ? "good" : "bad");
      }
      fresh.advance(Duration.ofMinutes(2));
      return fresh.journal().events().stream().map(e -> e.time() + " " + e.summary()).toList();
    }
  }

  // ---- what AWS refuses -------------------------------------------------------------------------

  private AwsServiceException refusal(EventSourceMappingSpec spec) {
    try {
      cloud.lambda().createEventSourceMapping(spec);
    } catch (AwsServiceException e) {
      return e;
    }
    throw new AssertionError("expected a refusal of " + spec);
  }

  @Test
  void refusesWhatAwsRefuses() {
    consumer("ship", e -> null);
    cloud
        .lambda()
        .create(
            FunctionSpec.named("long")
                .handler(SQSEvent.class, (e, ctx) -> null)
                .timeout(Duration.ofSeconds(60)));

    assertThat(refusal(EventSourceMappingSpec.of(orders, "ship").batchSize(11)).getMessage())
        .isEqualTo(
            "Maximum batch window in seconds must be greater than 0 if maximum batch size is"
                + " greater than 10");
    assertThat(refusal(EventSourceMappingSpec.of(orders, "ship").batchSize(0)).getMessage())
        .isEqualTo(
            "1 validation error detected: Value '0' at 'batchSize' failed to satisfy constraint:"
                + " Member must have value greater than or equal to 1");
    assertThat(
            refusal(
                    EventSourceMappingSpec.of(orders, "ship")
                        .batchSize(10_001)
                        .maximumBatchingWindow(Duration.ofSeconds(1)))
                .errorCode())
        .isEqualTo("ValidationException");
    assertThat(
            refusal(
                    EventSourceMappingSpec.of(orders, "ship")
                        .maximumBatchingWindow(Duration.ofSeconds(301)))
                .getMessage())
        .contains("'maximumBatchingWindowInSeconds'", "less than or equal to 300");
    assertThat(
            refusal(EventSourceMappingSpec.of(orders, "ship").maximumConcurrency(1)).getMessage())
        .contains("'scalingConfig.maximumConcurrency'", "greater than or equal to 2");
    assertThat(
            refusal(
                    EventSourceMappingSpec.of(orders, "ship")
                        .functionResponseTypes(List.of("ReportEverything")))
                .errorCode())
        .isEqualTo("ValidationException");
    assertThat(refusal(EventSourceMappingSpec.of(orders, "long")).getMessage())
        .isEqualTo(
            "Queue visibility timeout: 30 seconds is less than Function timeout: 60 seconds");
    assertThat(
            refusal(EventSourceMappingSpec.of("arn:aws:sqs:us-east-1:123456789012:nope", "ship"))
                .getMessage())
        .isEqualTo(
            "Error occurred while ReceiveMessage. SQS Error Code:"
                + " AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified"
                + " queue does not exist or you do not have access to it.");
    assertThat(refusal(EventSourceMappingSpec.of(orders, "missing")).errorCode())
        .isEqualTo("ResourceNotFoundException");

    String uuid =
        cloud.lambda().createEventSourceMapping(EventSourceMappingSpec.of(orders, "ship")).uuid();
    AwsServiceException duplicate = refusal(EventSourceMappingSpec.of(orders, "ship"));
    assertThat(duplicate.statusCode()).isEqualTo(409);
    assertThat(duplicate.getMessage())
        .isEqualTo(
            "An event source mapping with SQS arn (\" "
                + orders.arn()
                + " \") and function (\" ship \") already exists. Please update or delete the"
                + " existing mapping with UUID "
                + uuid);
  }

  @Test
  void anUpdateIsCheckedAsACreateIs() {
    consumer("ship", e -> null);
    String uuid =
        cloud.lambda().createEventSourceMapping(EventSourceMappingSpec.of(orders, "ship")).uuid();

    assertThatThrownBy(() -> cloud.lambda().updateEventSourceMapping(uuid, s -> s.batchSize(50)))
        .hasMessageContaining("Maximum batch window in seconds must be greater than 0");
    assertThatThrownBy(
            () ->
                cloud
                    .lambda()
                    .updateEventSourceMapping(
                        uuid, s -> EventSourceMappingSpec.of("arn:aws:sqs:us-east-1:1:x", "ship")))
        .hasMessageContaining("cannot be changed");
    assertThat(
            cloud
                .lambda()
                .updateEventSourceMapping(
                    uuid, s -> s.batchSize(50).maximumBatchingWindow(Duration.ofSeconds(5)))
                .batchSize())
        .isEqualTo(50);
  }
}
