package dev.cloudless.fakes.stepfunctions.internal.asl;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.math.BigDecimal;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A {@code Retry} entry.
 *
 * @param maxDelaySeconds null when there is no cap
 * @param jitterFull {@code JitterStrategy: FULL}
 */
@API(status = INTERNAL, since = "0.1")
public record Retrier(
    List<String> errorEquals,
    BigDecimal intervalSeconds,
    int maxAttempts,
    BigDecimal backoffRate,
    Integer maxDelaySeconds,
    boolean jitterFull) {}
