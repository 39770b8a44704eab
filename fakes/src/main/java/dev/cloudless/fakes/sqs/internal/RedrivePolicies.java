package dev.cloudless.fakes.sqs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudless.fakes.aws.Arn;
import dev.cloudless.fakes.sqs.RedriveAllowPolicy;
import dev.cloudless.fakes.sqs.RedrivePolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and checks {@code RedrivePolicy} and {@code RedriveAllowPolicy}, JSON strings in AWS's API.
 * Errors quote the value as given, as AWS does: {@code Value <json> for parameter RedrivePolicy is
 * invalid. Reason: ...}.
 */
final class RedrivePolicies {

  static final int MAX_RECEIVE_COUNT = 1000;
  static final int MAX_SOURCE_QUEUE_ARNS = 10;

  private RedrivePolicies() {}

  static RedrivePolicy parseRedrivePolicy(String json, ObjectMapper mapper) {
    JsonNode node = readObject(json, "RedrivePolicy", mapper);
    JsonNode target = node.get("deadLetterTargetArn");
    if (target == null || target.isNull()) {
      throw invalidRedrivePolicy(
          json, "Redrive policy does not contain mandatory attribute: deadLetterTargetArn.");
    }
    JsonNode count = node.get("maxReceiveCount");
    if (count == null || count.isNull()) {
      throw invalidRedrivePolicy(
          json, "Redrive policy does not contain mandatory attribute: maxReceiveCount.");
    }
    int maxReceiveCount;
    try {
      maxReceiveCount = count.isNumber() ? count.intValue() : Integer.parseInt(count.asText());
    } catch (NumberFormatException e) {
      throw invalidRedrivePolicy(
          json,
          "Invalid value for maxReceiveCount: "
              + count.asText()
              + ", valid values are from 1 to 1000 both inclusive.");
    }
    RedrivePolicy policy = new RedrivePolicy(target.asText(), maxReceiveCount);
    check(policy, json);
    return policy;
  }

  /** The checks that need no other queue: the ARN's form and {@code maxReceiveCount}'s range. */
  static void check(RedrivePolicy policy, String json) {
    String arn = policy.deadLetterTargetArn();
    if (!Arn.isArn(arn) || !Arn.parse(arn).service().equals("sqs")) {
      throw invalidRedrivePolicy(json, "Invalid value for deadLetterTargetArn.");
    }
    int count = policy.maxReceiveCount();
    if (count < 1 || count > MAX_RECEIVE_COUNT) {
      throw invalidRedrivePolicy(
          json,
          "Invalid value for maxReceiveCount: "
              + count
              + ", valid values are from 1 to 1000 both inclusive.");
    }
  }

  static RedriveAllowPolicy parseRedriveAllowPolicy(String json, ObjectMapper mapper) {
    JsonNode node = readObject(json, "RedriveAllowPolicy", mapper);
    JsonNode permission = node.get("redrivePermission");
    if (permission == null || permission.isNull()) {
      throw invalidRedriveAllowPolicy(
          json, "Redrive allow policy does not contain mandatory attribute: redrivePermission.");
    }
    RedriveAllowPolicy.Permission value = null;
    for (RedriveAllowPolicy.Permission p : RedriveAllowPolicy.Permission.values()) {
      if (p.awsName().equals(permission.asText())) {
        value = p;
      }
    }
    if (value == null) {
      throw invalidRedriveAllowPolicy(
          json,
          "Invalid value for redrivePermission: "
              + permission.asText()
              + ", valid values are allowAll, denyAll and byQueue.");
    }
    List<String> arns = new ArrayList<>();
    JsonNode sources = node.get("sourceQueueArns");
    if (sources != null && !sources.isNull()) {
      if (!sources.isArray()) {
        throw invalidRedriveAllowPolicy(json, "sourceQueueArns must be a list of queue ARNs.");
      }
      sources.forEach(a -> arns.add(a.asText()));
    }
    RedriveAllowPolicy policy = new RedriveAllowPolicy(value, arns);
    check(policy, json);
    return policy;
  }

  static void check(RedriveAllowPolicy policy, String json) {
    List<String> arns = policy.sourceQueueArns();
    if (policy.redrivePermission() != RedriveAllowPolicy.Permission.BY_QUEUE) {
      if (!arns.isEmpty()) {
        throw invalidRedriveAllowPolicy(
            json,
            "sourceQueueArns is allowed only when redrivePermission is byQueue, not "
                + policy.redrivePermission().awsName()
                + ".");
      }
      return;
    }
    if (arns.isEmpty()) {
      throw invalidRedriveAllowPolicy(
          json, "sourceQueueArns must name 1 to 10 queues when redrivePermission is byQueue.");
    }
    if (arns.size() > MAX_SOURCE_QUEUE_ARNS) {
      throw invalidRedriveAllowPolicy(
          json,
          "sourceQueueArns names "
              + arns.size()
              + " queues; AWS allows at most 10 (use allowAll for more).");
    }
    for (String arn : arns) {
      if (!Arn.isArn(arn)) {
        throw invalidRedriveAllowPolicy(json, "Invalid value for sourceQueueArns: " + arn + ".");
      }
    }
  }

  static RuntimeException invalidRedrivePolicy(String json, String reason) {
    return SqsErrors.invalidParameterValue(
        "Value " + json + " for parameter RedrivePolicy is invalid. Reason: " + reason);
  }

  static RuntimeException invalidRedriveAllowPolicy(String json, String reason) {
    return SqsErrors.invalidParameterValue(
        "Value " + json + " for parameter RedriveAllowPolicy is invalid. Reason: " + reason);
  }

  private static JsonNode readObject(String json, String parameter, ObjectMapper mapper) {
    try {
      JsonNode node = mapper.readTree(json);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (JsonProcessingException e) {
      // Falls through to AWS's error.
    }
    throw SqsErrors.invalidParameterValue(
        "Value "
            + json
            + " for parameter "
            + parameter
            + " is invalid. Reason: the value is not a JSON object.");
  }
}
