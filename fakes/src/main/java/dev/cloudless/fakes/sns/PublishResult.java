package dev.cloudless.fakes.sns;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What {@code Publish} answers.
 *
 * @param messageId the message id, a UUID drawn from the cloud's seed
 * @param sequenceNumber for FIFO topics, the 128-bit sequence number as a 20-digit string; null
 *     otherwise
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PublishResult(String messageId, String sequenceNumber) {}
