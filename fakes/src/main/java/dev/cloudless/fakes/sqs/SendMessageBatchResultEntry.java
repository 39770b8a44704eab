package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A message of {@code SendMessageBatch} that was sent.
 *
 * @param id the entry's id
 * @param messageId the message's id
 * @param md5OfMessageBody the hex MD5 digest of the body
 * @param md5OfMessageAttributes AWS's digest of the message attributes, or {@code null} if none
 * @param sequenceNumber {@code SequenceNumber} on a FIFO queue, else {@code null}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SendMessageBatchResultEntry(
    String id,
    String messageId,
    String md5OfMessageBody,
    String md5OfMessageAttributes,
    String sequenceNumber) {}
