package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A WebSocket connection, as {@code GetConnection} describes it.
 *
 * @param connectionId the id API Gateway gave it
 * @param connectedAt when it opened (virtual clock)
 * @param lastActiveAt when the client last sent a message
 * @param sourceIp the client's address
 * @param userAgent the client's {@code User-Agent}, or null
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record WebSocketConnection(
    String connectionId,
    Instant connectedAt,
    Instant lastActiveAt,
    String sourceIp,
    String userAgent) {}
