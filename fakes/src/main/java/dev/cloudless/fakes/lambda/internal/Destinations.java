package dev.cloudless.fakes.lambda.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cloudless.fakes.aws.Arn;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.MessageSink;
import dev.cloudless.fakes.lambda.InvocationType;
import dev.cloudless.fakes.lambda.InvokeRequest;
import dev.cloudless.fakes.lambda.LambdaEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Sends invocation records to on-success and on-failure destinations, in AWS's shape:
 *
 * <pre>
 * {"version":"1.0","timestamp":"...","requestContext":{"requestId","functionArn","condition",
 *  "approximateInvokeCount"},"requestPayload":{...},"responseContext":{"statusCode",
 *  "executedVersion"[,"functionError"]},"responsePayload":{...}}
 * </pre>
 *
 * A queue or topic receives the record as its message body, a function as its event (invoked
 * asynchronously). For a topic, the payloads are left out when request and response together exceed
 * 256 KB, as AWS does.
 */
final class Destinations {

  private static final int SNS_PAYLOAD_LIMIT = 256 * 1024;

  private final CloudContext cloud;
  private final LambdaService service;

  Destinations(CloudContext cloud, LambdaService service) {
    this.cloud = cloud;
    this.service = service;
  }

  void deliver(AsyncInvoker.QueuedEvent event, String condition, String destinationArn) {
    FunctionImpl fn = event.function;
    String kind = Arn.parse(destinationArn).service();
    ObjectNode record = record(event, condition, kind.equals("sns"));
    String body = record.toString();
    String error = send(destinationArn, kind, body, event).orElse(null);
    Instant now = cloud.now();
    cloud
        .journal()
        .append(
            seq ->
                new LambdaEvent.DestinationInvoked(
                    seq,
                    now,
                    fn.arn(),
                    event.trace.root().value(),
                    fn.name(),
                    event.requestId,
                    condition,
                    destinationArn,
                    body,
                    error));
  }

  private Optional<String> send(
      String arn, String kind, String body, AsyncInvoker.QueuedEvent event) {
    try {
      if (kind.equals("lambda")) {
        service.invoke(
            InvokeRequest.function(arn)
                .invocationType(InvocationType.EVENT)
                .payload(body)
                .traceHeader(AsyncInvoker.continuedTrace(event)));
        return Optional.empty();
      }
      Optional<MessageSink> sink = cloud.resources().sink(arn);
      if (sink.isEmpty()) {
        return Optional.of("destination " + arn + " does not exist");
      }
      sink.get()
          .deliver(
              new MessageSink.InboundMessage(
                  body, Map.of(), AsyncInvoker.continuedTrace(event), cloud.accountId()));
      return Optional.empty();
    } catch (AwsServiceException e) {
      return Optional.of(e.errorCode() + ": " + e.getMessage());
    }
  }

  private ObjectNode record(AsyncInvoker.QueuedEvent event, String condition, boolean toTopic) {
    ObjectNode record = cloud.json().createObjectNode();
    record.put("version", "1.0");
    record.put(
        "timestamp",
        DateTimeFormatter.ISO_INSTANT.format(cloud.now().truncatedTo(ChronoUnit.MILLIS)));
    ObjectNode context = record.putObject("requestContext");
    context.put("requestId", event.requestId);
    context.put("functionArn", service.target(event.function, event.qualifier).qualifiedArn());
    context.put("condition", condition);
    context.put("approximateInvokeCount", event.invokeCount);
    JsonNode request = json(event.body);
    AttemptResult last = event.last;
    JsonNode response = last == null || last.payload() == null ? null : json(last.payload());
    int size =
        event.body.getBytes(StandardCharsets.UTF_8).length
            + (last == null || last.payload() == null
                ? 0
                : last.payload().getBytes(StandardCharsets.UTF_8).length);
    boolean withPayloads = !toTopic || size <= SNS_PAYLOAD_LIMIT;
    if (withPayloads) {
      record.set("requestPayload", request);
    }
    ObjectNode responseContext = record.putObject("responseContext");
    responseContext.put("statusCode", event.lastStatus());
    responseContext.put(
        "executedVersion",
        last == null || last.executedVersion() == null
            ? service.target(event.function, event.qualifier).version().version()
            : last.executedVersion());
    if (last != null && last.failed()) {
      responseContext.put("functionError", "Unhandled");
    }
    if (withPayloads && response != null) {
      record.set("responsePayload", response);
    }
    return record;
  }

  /** A payload as JSON; Lambda checked it was JSON, but a handler's response need not be. */
  private JsonNode json(String text) {
    try {
      return cloud.json().readTree(text);
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(text);
    }
  }
}
