package dev.cloudless.fakes.apigateway.internal.integrations;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.apigateway.ApiResponse;
import org.apiguardian.api.API;

/**
 * What an integration answered.
 *
 * @param response the response for the client (before compression and API Gateway's headers)
 * @param detail what happened, for the journal
 */
@API(status = INTERNAL, since = "0.1")
public record IntegrationResult(ApiResponse response, String detail) {}
