package dev.cloudless.fakes.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.aws.MessageAttributeValue;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.sns.FakeSns;
import dev.cloudless.fakes.sns.PublishRequest;
import dev.cloudless.fakes.sns.PublishResult;
import dev.cloudless.fakes.sqs.FakeSqs;
import dev.cloudless.fakes.sqs.SendMessageRequest;
import dev.cloudless.fakes.sqs.SendResult;
import dev.cloudless.fakes.stepfunctions.internal.eval.Json;
import dev.cloudless.fakes.stepfunctions.internal.run.TaskCall;
import dev.cloudless.fakes.stepfunctions.internal.run.TaskOutcome;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * The optimized SQS and SNS integrations, {@code arn:aws:states:::sqs:sendMessage} and {@code
 * arn:aws:states:::sns:publish}, through the cloud's own queues and topics, so the message is
 * journaled, traced and delivered as any other. The results have the shape AWS recorded (LocalStack
 * snapshots {@code test_sqs_task_service} and {@code test_sns_task_service}): the API's answer plus
 * {@code SdkHttpMetadata} and {@code SdkResponseMetadata}. A {@code MessageBody} or {@code Message}
 * given as JSON is sent as its JSON text.
 */
final class MessagingTasks {

  static final String SEND_MESSAGE = "arn:aws:states:::sqs:sendMessage";
  static final String PUBLISH = "arn:aws:states:::sns:publish";

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private final CloudContext cloud;
  private final Json json;
  private final FakeSqs sqs;
  private final FakeSns sns;

  MessagingTasks(CloudContext cloud, Json json, FakeSqs sqs, FakeSns sns) {
    this.cloud = cloud;
    this.json = json;
    this.sqs = sqs;
    this.sns = sns;
  }

  static boolean handles(String resource) {
    return resource.equals(SEND_MESSAGE) || resource.equals(PUBLISH);
  }

  TaskOutcome invoke(TaskCall call) {
    JsonNode params = call.parameters();
    String requestId = cloud.newRequestId();
    try {
      if (call.resource().startsWith(SEND_MESSAGE)) {
        return sendMessage(call, params, requestId);
      }
      return publish(call, params, requestId);
    } catch (AwsServiceException e) {
      String service = call.resource().startsWith(SEND_MESSAGE) ? "SQS" : "SNS";
      String exception =
          e.errorCode().endsWith("Exception") ? e.errorCode() : e.errorCode() + "Exception";
      return new TaskOutcome.Failed(
          service + "." + exception,
          e.getMessage()
              + " (Service: Amazon"
              + service
              + "; Status Code: "
              + e.statusCode()
              + "; Error Code: "
              + e.errorCode()
              + "; Request ID: "
              + requestId
              + "; Proxy: null)",
          cloud.now());
    }
  }

  private TaskOutcome sendMessage(TaskCall call, JsonNode params, String requestId) {
    if (!params.hasNonNull("QueueUrl")) {
      return missing("QueueUrl", call);
    }
    String queueUrl = params.get("QueueUrl").asText();
    JsonNode body = params.get("MessageBody");
    if (body == null || body.isNull()) {
      return missing("MessageBody", call);
    }
    SendMessageRequest request = SendMessageRequest.body(text(body)).traceHeader(call.trace());
    if (params.hasNonNull("DelaySeconds")) {
      request = request.delay(Duration.ofSeconds(params.get("DelaySeconds").asLong()));
    }
    for (Map.Entry<String, MessageAttributeValue> a : attributes(params).entrySet()) {
      request = request.messageAttribute(a.getKey(), a.getValue());
    }
    if (params.hasNonNull("MessageGroupId")) {
      request = request.messageGroupId(params.get("MessageGroupId").asText());
    }
    if (params.hasNonNull("MessageDeduplicationId")) {
      request = request.messageDeduplicationId(params.get("MessageDeduplicationId").asText());
    }
    SendResult sent = sqs.queue(queueUrl).send(request);
    ObjectNode r = json.object();
    if (sent.md5OfMessageAttributes() != null) {
      r.put("MD5OfMessageAttributes", sent.md5OfMessageAttributes());
    }
    r.put("MD5OfMessageBody", sent.md5OfMessageBody());
    r.put("MessageId", sent.messageId());
    if (sent.sequenceNumber() != null) {
      r.put("SequenceNumber", sent.sequenceNumber());
    }
    // SQS answers in its JSON protocol; Content-Length is the length of that answer.
    int length = json.write(r).length();
    metadata(r, requestId, length, "application/x-amz-json-1.0", true);
    return new TaskOutcome.Succeeded(r, cloud.now());
  }

  private TaskOutcome publish(TaskCall call, JsonNode params, String requestId) {
    String topic =
        params.hasNonNull("TopicArn")
            ? params.get("TopicArn").asText()
            : params.hasNonNull("TargetArn") ? params.get("TargetArn").asText() : null;
    if (topic == null) {
      return missing("TopicArn", call);
    }
    JsonNode message = params.get("Message");
    if (message == null || message.isNull()) {
      return missing("Message", call);
    }
    PublishRequest request = PublishRequest.message(text(message)).traceHeader(call.trace());
    if (params.hasNonNull("Subject")) {
      request = request.subject(params.get("Subject").asText());
    }
    for (Map.Entry<String, MessageAttributeValue> a : attributes(params).entrySet()) {
      request = request.messageAttribute(a.getKey(), a.getValue());
    }
    if (params.hasNonNull("MessageStructure")) {
      request = request.messageStructure(params.get("MessageStructure").asText());
    }
    if (params.hasNonNull("MessageGroupId")) {
      request = request.messageGroupId(params.get("MessageGroupId").asText());
    }
    if (params.hasNonNull("MessageDeduplicationId")) {
      request = request.messageDeduplicationId(params.get("MessageDeduplicationId").asText());
    }
    PublishResult published = sns.topic(topic).publish(request);
    ObjectNode r = json.object();
    r.put("MessageId", published.messageId());
    if (published.sequenceNumber() != null) {
      r.put("SequenceNumber", published.sequenceNumber());
    }
    // SNS answers in XML (the Query protocol); Content-Length is the length of that answer.
    String xml =
        "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">\n"
            + "  <PublishResult>\n"
            + "    <MessageId>"
            + published.messageId()
            + "</MessageId>\n"
            + (published.sequenceNumber() == null
                ? ""
                : "    <SequenceNumber>" + published.sequenceNumber() + "</SequenceNumber>\n")
            + "  </PublishResult>\n"
            + "  <ResponseMetadata>\n"
            + "    <RequestId>"
            + requestId
            + "</RequestId>\n"
            + "  </ResponseMetadata>\n"
            + "</PublishResponse>\n";
    metadata(r, requestId, xml.length(), "text/xml", false);
    return new TaskOutcome.Succeeded(r, cloud.now());
  }

  /** {@code SdkHttpMetadata} and {@code SdkResponseMetadata}, in the order AWS recorded them. */
  void metadata(
      ObjectNode r, String requestId, int contentLength, String contentType, boolean connection) {
    String length = String.valueOf(contentLength);
    String date = HTTP_DATE.format(cloud.now());
    ObjectNode http = r.putObject("SdkHttpMetadata");
    ObjectNode all = http.putObject("AllHttpHeaders");
    all.putArray("x-amzn-RequestId").add(requestId);
    if (connection) {
      all.putArray("connection").add("keep-alive");
    }
    all.putArray("Content-Length").add(length);
    all.putArray("Date").add(date);
    all.putArray("Content-Type").add(contentType);
    ObjectNode headers = http.putObject("HttpHeaders");
    if (connection) {
      headers.put("connection", "keep-alive");
    }
    headers.put("Content-Length", length);
    headers.put("Content-Type", contentType);
    headers.put("Date", date);
    headers.put("x-amzn-RequestId", requestId);
    http.put("HttpStatusCode", 200);
    r.putObject("SdkResponseMetadata").put("RequestId", requestId);
  }

  /** {@code MessageAttributes} as the APIs take them: {@code {name: {DataType, StringValue}}}. */
  private static Map<String, MessageAttributeValue> attributes(JsonNode params) {
    Map<String, MessageAttributeValue> out = new java.util.LinkedHashMap<>();
    JsonNode attrs = params.get("MessageAttributes");
    if (attrs == null || !attrs.isObject()) {
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = attrs.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      String type = v.path("DataType").asText("String");
      byte[] binary =
          v.hasNonNull("BinaryValue")
              ? Base64.getDecoder().decode(v.get("BinaryValue").asText())
              : null;
      String string = v.hasNonNull("StringValue") ? v.get("StringValue").asText() : null;
      out.put(e.getKey(), new MessageAttributeValue(type, string, binary));
    }
    return out;
  }

  private String text(JsonNode value) {
    return value.isTextual() ? value.textValue() : json.write(value);
  }

  private TaskOutcome missing(String field, TaskCall call) {
    return new TaskOutcome.Failed(
        "States.Runtime",
        "The field '"
            + field
            + "' is required by "
            + call.resource()
            + " (state '"
            + call.stateName()
            + "')",
        cloud.now());
  }
}
