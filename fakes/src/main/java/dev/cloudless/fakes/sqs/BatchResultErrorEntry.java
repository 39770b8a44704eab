package dev.cloudless.fakes.sqs;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * An entry of a batch that failed while the others went through, as AWS reports it in {@code
 * Failed}.
 *
 * @param id the entry's id
 * @param senderFault {@code true} when the entry itself was wrong (a 4xx error)
 * @param code AWS's error code, such as {@code InvalidParameterValue} or {@code
 *     ReceiptHandleIsInvalid}
 * @param message AWS's message
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record BatchResultErrorEntry(String id, boolean senderFault, String code, String message) {}
