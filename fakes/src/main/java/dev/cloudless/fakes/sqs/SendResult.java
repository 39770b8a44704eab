package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What {@code SendMessage} answers.
 *
 * @param messageId the new message's id
 * @param md5OfMessageBody the hex MD5 digest of the body
 * @param md5OfMessageAttributes AWS's digest of the message attributes, or {@code null} if none
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SendResult(
    String messageId, String md5OfMessageBody, String md5OfMessageAttributes) {}
