package dev.cloudless.fakes.lambda.internal.esm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudless.fakes.aws.MessageAttributeValue;
import dev.cloudless.fakes.internal.PolledQueue.PolledMessage;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code SQSEvent} Lambda's SQS poller hands a function, record for record as AWS builds it.
 *
 * <p>Shapes from recordings against AWS ({@code conformance/recorded/lambda_/
 * test_lambda_integration_sqs.*}) and AWS-SEMANTICS.md 2.4: the body is always a string; message
 * attributes are camelCase ({@code stringValue}, {@code dataType}) with empty {@code
 * stringListValues} and {@code binaryListValues}, unlike the API's {@code StringValue}; {@code
 * md5OfMessageAttributes} is {@code null} when there are none; FIFO queues add {@code
 * SequenceNumber}, {@code MessageGroupId} and {@code MessageDeduplicationId} to {@code attributes}.
 */
final class SqsEventRecords {

  /** System attributes in the order AWS writes them into a record; any others follow. */
  private static final List<String> ATTRIBUTE_ORDER =
      List.of(
          "ApproximateReceiveCount",
          "AWSTraceHeader",
          "SentTimestamp",
          "SequenceNumber",
          "MessageGroupId",
          "SenderId",
          "MessageDeduplicationId",
          "ApproximateFirstReceiveTimestamp");

  /** {@code {"Records":[]}} and the commas between records: what the envelope adds to them. */
  static final int ENVELOPE_BYTES = "{\"Records\":[]}".length();

  private final ObjectMapper json;
  private final String queueArn;
  private final String region;

  SqsEventRecords(ObjectMapper json, String queueArn) {
    this.json = json;
    this.queueArn = queueArn;
    String[] parts = queueArn.split(":", 6);
    this.region = parts.length > 3 ? parts[3] : "";
  }

  /** One record, serialized, so that the batch can be capped by its size before it is sent. */
  String record(PolledMessage message) {
    ObjectNode record = json.createObjectNode();
    record.put("messageId", message.messageId());
    record.put("receiptHandle", message.receiptHandle());
    record.put("body", message.body());
    ObjectNode attributes = record.putObject("attributes");
    Map<String, String> remaining = new LinkedHashMap<>(message.attributes());
    for (String name : ATTRIBUTE_ORDER) {
      String value = remaining.remove(name);
      if (value != null) {
        attributes.put(name, value);
      }
    }
    remaining.forEach(attributes::put);
    ObjectNode messageAttributes = record.putObject("messageAttributes");
    for (Map.Entry<String, MessageAttributeValue> e : message.messageAttributes().entrySet()) {
      MessageAttributeValue value = e.getValue();
      ObjectNode attribute = messageAttributes.putObject(e.getKey());
      if (value.binaryValue() != null) {
        attribute.put("binaryValue", Base64.getEncoder().encodeToString(value.binaryValue()));
      } else {
        attribute.put("stringValue", value.stringValue());
      }
      attribute.putArray("stringListValues");
      attribute.putArray("binaryListValues");
      attribute.put("dataType", value.dataType());
    }
    record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
    record.put("md5OfBody", message.md5OfBody());
    record.put("eventSource", "aws:sqs");
    record.put("eventSourceARN", queueArn);
    record.put("awsRegion", region);
    return record.toString();
  }

  /** The event holding these serialized records. */
  static String event(List<String> records) {
    StringBuilder event = new StringBuilder("{\"Records\":[");
    for (int i = 0; i < records.size(); i++) {
      if (i > 0) {
        event.append(',');
      }
      event.append(records.get(i));
    }
    return event.append("]}").toString();
  }

  static int size(String serialized) {
    return serialized.getBytes(StandardCharsets.UTF_8).length;
  }
}
