package dev.cloudless.fakes.sns.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudless.fakes.aws.MessageAttributeValue;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON SNS delivers: the envelope SQS (raw delivery off) and HTTP/S receive, in AWS's key
 * order, the confirmation messages, and the event a Lambda function receives. The Lambda event
 * spells {@code SigningCertUrl} and {@code UnsubscribeUrl}, the envelope {@code SigningCertURL} and
 * {@code UnsubscribeURL}, as AWS does.
 */
final class Envelopes {

  private final ObjectMapper json;
  private final MessageSigner signer;
  private final String region;

  Envelopes(ObjectMapper json, MessageSigner signer, String region) {
    this.json = json;
    this.signer = signer;
    this.region = region;
  }

  /** One notification, as SNS signs and delivers it to one subscription. */
  record Notification(
      String messageId,
      String sequenceNumber,
      String topicArn,
      String subject,
      String message,
      String timestamp,
      Map<String, MessageAttributeValue> attributes,
      String signatureVersion) {}

  /**
   * {@code Type, MessageId[, SequenceNumber], TopicArn[, Subject], Message, Timestamp,
   * SignatureVersion, Signature, SigningCertURL, UnsubscribeURL[, MessageAttributes]}.
   */
  String notification(Notification n, String subscriptionArn) {
    ObjectNode root = json.createObjectNode();
    root.put("Type", "Notification");
    root.put("MessageId", n.messageId());
    if (n.sequenceNumber() != null) {
      root.put("SequenceNumber", n.sequenceNumber());
    }
    root.put("TopicArn", n.topicArn());
    if (n.subject() != null) {
      root.put("Subject", n.subject());
    }
    root.put("Message", n.message());
    root.put("Timestamp", n.timestamp());
    root.put("SignatureVersion", n.signatureVersion());
    root.put("Signature", signNotification(n));
    root.put("SigningCertURL", signer.certificateUrl());
    root.put("UnsubscribeURL", SnsUrls.unsubscribe(region, subscriptionArn));
    if (!n.attributes().isEmpty()) {
      root.set("MessageAttributes", attributes(n.attributes()));
    }
    return root.toString();
  }

  /** The event of an SNS-triggered Lambda invocation: one record. */
  String lambdaEvent(Notification n, String subscriptionArn) {
    ObjectNode root = json.createObjectNode();
    ArrayNode records = root.putArray("Records");
    ObjectNode record = records.addObject();
    record.put("EventVersion", "1.0");
    record.put("EventSubscriptionArn", subscriptionArn);
    record.put("EventSource", "aws:sns");
    ObjectNode sns = record.putObject("Sns");
    sns.put("SignatureVersion", n.signatureVersion());
    sns.put("Timestamp", n.timestamp());
    sns.put("Signature", signNotification(n));
    sns.put("SigningCertUrl", signer.certificateUrl());
    sns.put("MessageId", n.messageId());
    sns.put("Message", n.message());
    sns.set("MessageAttributes", attributes(n.attributes()));
    sns.put("Type", "Notification");
    sns.put("UnsubscribeUrl", SnsUrls.unsubscribe(region, subscriptionArn));
    sns.put("TopicArn", n.topicArn());
    if (n.subject() == null) {
      sns.putNull("Subject");
    } else {
      sns.put("Subject", n.subject());
    }
    return root.toString();
  }

  /**
   * {@code SubscriptionConfirmation} or {@code UnsubscribeConfirmation}: {@code Type, MessageId,
   * Token, TopicArn, Message, SubscribeURL, Timestamp, SignatureVersion, Signature,
   * SigningCertURL}.
   */
  String confirmation(
      String type,
      String messageId,
      String token,
      String topicArn,
      String message,
      String timestamp,
      String signatureVersion) {
    String subscribeUrl = SnsUrls.subscribe(region, topicArn, token);
    Map<String, String> canonical = new LinkedHashMap<>();
    canonical.put("Message", message);
    canonical.put("MessageId", messageId);
    canonical.put("SubscribeURL", subscribeUrl);
    canonical.put("Timestamp", timestamp);
    canonical.put("Token", token);
    canonical.put("TopicArn", topicArn);
    canonical.put("Type", type);
    ObjectNode root = json.createObjectNode();
    root.put("Type", type);
    root.put("MessageId", messageId);
    root.put("Token", token);
    root.put("TopicArn", topicArn);
    root.put("Message", message);
    root.put("SubscribeURL", subscribeUrl);
    root.put("Timestamp", timestamp);
    root.put("SignatureVersion", signatureVersion);
    root.put("Signature", signer.sign(canonical, signatureVersion));
    root.put("SigningCertURL", signer.certificateUrl());
    return root.toString();
  }

  /**
   * The signature over {@code Message, MessageId, Subject (if present), Timestamp, TopicArn, Type}.
   */
  private String signNotification(Notification n) {
    Map<String, String> canonical = new LinkedHashMap<>();
    canonical.put("Message", n.message());
    canonical.put("MessageId", n.messageId());
    if (n.subject() != null) {
      canonical.put("Subject", n.subject());
    }
    canonical.put("Timestamp", n.timestamp());
    canonical.put("TopicArn", n.topicArn());
    canonical.put("Type", "Notification");
    return signer.sign(canonical, n.signatureVersion());
  }

  /** {@code {"name":{"Type":"String","Value":"…"}}}; a binary value in base64. */
  private ObjectNode attributes(Map<String, MessageAttributeValue> attributes) {
    ObjectNode node = json.createObjectNode();
    attributes.forEach(
        (name, v) -> {
          ObjectNode a = node.putObject(name);
          a.put("Type", v.dataType());
          a.put(
              "Value",
              v.binaryValue() != null
                  ? Base64.getEncoder().encodeToString(v.binaryValue())
                  : v.stringValue());
        });
    return node;
  }
}
