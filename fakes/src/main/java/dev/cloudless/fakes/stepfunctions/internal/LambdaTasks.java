package dev.cloudless.fakes.stepfunctions.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.FunctionInvoker;
import dev.cloudless.fakes.stepfunctions.internal.eval.Json;
import dev.cloudless.fakes.stepfunctions.internal.run.TaskCall;
import dev.cloudless.fakes.stepfunctions.internal.run.TaskOutcome;
import dev.cloudless.trace.TraceHeader;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Lambda tasks, through the fake Lambda's {@code Invoke}: the legacy function-ARN resource (the
 * result is the function's payload) and {@code arn:aws:states:::lambda:invoke} (the result is the
 * integration's response object), with their different error shapes.
 */
final class LambdaTasks {

  static final String INVOKE = "arn:aws:states:::lambda:invoke";

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private final CloudContext cloud;
  private final Json json;

  LambdaTasks(CloudContext cloud, Json json) {
    this.cloud = cloud;
    this.json = json;
  }

  static boolean handles(String resource) {
    return resource.startsWith("arn:aws:lambda:")
        || resource.startsWith("arn:aws-cn:lambda:")
        || resource.startsWith("arn:aws-us-gov:lambda:")
        || resource.equals(INVOKE);
  }

  TaskOutcome invoke(TaskCall call) {
    boolean legacy = !call.resource().startsWith(INVOKE);
    String function;
    String qualifier = null;
    String invocationType = "RequestResponse";
    JsonNode payload;
    if (legacy) {
      function = call.resource();
      payload = call.parameters();
    } else {
      JsonNode params = call.parameters();
      JsonNode name = params.get("FunctionName");
      if (name == null || !name.isTextual()) {
        return new TaskOutcome.Failed(
            "States.Runtime",
            "The field 'FunctionName' is required by arn:aws:states:::lambda:invoke",
            cloud.now());
      }
      function = name.textValue();
      if (params.has("Qualifier")) {
        qualifier = params.get("Qualifier").asText();
      }
      if (params.has("InvocationType")) {
        invocationType = params.get("InvocationType").asText();
      }
      JsonNode p = params.get("Payload");
      payload = p == null ? json.object() : p;
    }
    String payloadText = payload.isTextual() && !legacy ? payload.textValue() : json.write(payload);
    TraceHeader trace = call.trace();
    FunctionInvoker.ServiceInvocation answer;
    try {
      answer =
          cloud
              .resources()
              .functions()
              .invoke(function, qualifier, invocationType, payloadText, trace);
    } catch (AwsServiceException e) {
      // Service errors are named Lambda.<code>; the cause is the SDK's text for it.
      return new TaskOutcome.Failed(
          "Lambda." + e.errorCode(),
          e.getMessage()
              + " (Service: Lambda, Status Code: "
              + e.statusCode()
              + ", Request ID: "
              + cloud.newRequestId()
              + ")",
          cloud.now());
    }
    if (answer.functionError() != null) {
      return functionError(answer, legacy);
    }
    JsonNode result = parse(answer.payload());
    if (legacy) {
      return new TaskOutcome.Succeeded(result, answer.endedAt());
    }
    return new TaskOutcome.Succeeded(integrationResult(answer, result), answer.endedAt());
  }

  private TaskOutcome functionError(FunctionInvoker.ServiceInvocation answer, boolean legacy) {
    JsonNode payload = parse(answer.payload());
    String error = "Lambda.Unknown";
    if (payload.isObject() && payload.hasNonNull("errorType")) {
      error = payload.get("errorType").asText();
    }
    String cause;
    if (legacy && payload.isObject()) {
      // Recorded: the legacy resource quotes the error payload with a space after every colon and
      // comma ({"errorMessage": "...", "errorType": "..."}); lambda:invoke quotes it compactly.
      cause = spaced(payload);
    } else {
      cause = answer.payload();
    }
    return new TaskOutcome.Failed(error, cause, answer.endedAt());
  }

  /** JSON with ", " and ": " between items, as Python's json.dumps writes it. */
  private String spaced(JsonNode node) {
    StringBuilder sb = new StringBuilder();
    spaced(node, sb);
    return sb.toString();
  }

  private void spaced(JsonNode node, StringBuilder sb) {
    if (node.isObject()) {
      sb.append('{');
      boolean first = true;
      for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = node.fields();
          it.hasNext(); ) {
        java.util.Map.Entry<String, JsonNode> e = it.next();
        if (!first) {
          sb.append(", ");
        }
        first = false;
        sb.append(json.write(json.nodes().textNode(e.getKey()))).append(": ");
        spaced(e.getValue(), sb);
      }
      sb.append('}');
    } else if (node.isArray()) {
      sb.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        spaced(node.get(i), sb);
      }
      sb.append(']');
    } else {
      sb.append(json.write(node));
    }
  }

  private JsonNode parse(String text) {
    if (text == null || text.isEmpty()) {
      return json.nodes().nullNode();
    }
    try {
      return json.parse(text);
    } catch (JsonProcessingException e) {
      return json.nodes().textNode(text);
    }
  }

  /** The response of {@code lambda:invoke}, shaped as recorded. */
  private ObjectNode integrationResult(FunctionInvoker.ServiceInvocation answer, JsonNode payload) {
    ObjectNode r = json.object();
    r.put(
        "ExecutedVersion", answer.executedVersion() == null ? "$LATEST" : answer.executedVersion());
    r.set("Payload", payload);
    ObjectNode http = r.putObject("SdkHttpMetadata");
    String length = String.valueOf(answer.payload() == null ? 0 : answer.payload().length());
    String date = HTTP_DATE.format(answer.endedAt());
    String trace = cloud.newTraceId().toString();
    ObjectNode all = http.putObject("AllHttpHeaders");
    all.putArray("X-Amz-Executed-Version").add(r.get("ExecutedVersion").asText());
    all.putArray("x-amzn-Remapped-Content-Length").add("0");
    all.putArray("Connection").add("keep-alive");
    all.putArray("x-amzn-RequestId").add(answer.requestId());
    all.putArray("Content-Length").add(length);
    all.putArray("Date").add(date);
    all.putArray("X-Amzn-Trace-Id").add(trace);
    all.putArray("Content-Type").add("application/json");
    ObjectNode headers = http.putObject("HttpHeaders");
    headers.put("Connection", "keep-alive");
    headers.put("Content-Length", length);
    headers.put("Content-Type", "application/json");
    headers.put("Date", date);
    headers.put("X-Amz-Executed-Version", r.get("ExecutedVersion").asText());
    headers.put("x-amzn-Remapped-Content-Length", "0");
    headers.put("x-amzn-RequestId", answer.requestId());
    headers.put("X-Amzn-Trace-Id", trace);
    http.put("HttpStatusCode", answer.statusCode());
    r.putObject("SdkResponseMetadata").put("RequestId", answer.requestId());
    r.put("StatusCode", answer.statusCode());
    return r;
  }
}
