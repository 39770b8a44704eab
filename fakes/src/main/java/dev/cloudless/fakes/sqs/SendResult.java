package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What {@code SendMessage} answers.
 *
 * @param messageId the new message's id; for a FIFO message deduplicated within the 5-minute
 *     window, the id of the message first sent
 * @param md5OfMessageBody the hex MD5 digest of the body
 * @param md5OfMessageAttributes AWS's digest of the message attributes, or {@code null} if none
 * @param sequenceNumber {@code SequenceNumber} on a FIFO queue: a large number, increasing in send
 *     order; {@code null} on a standard queue
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SendResult(
    String messageId,
    String md5OfMessageBody,
    String md5OfMessageAttributes,
    String sequenceNumber) {

  /** A standard queue's answer, without a sequence number. */
  public SendResult(String messageId, String md5OfMessageBody, String md5OfMessageAttributes) {
    this(messageId, md5OfMessageBody, md5OfMessageAttributes, null);
  }
}
