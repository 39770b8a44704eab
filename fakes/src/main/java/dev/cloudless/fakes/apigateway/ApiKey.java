package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * An API key ({@code CreateApiKey}): callers send {@code value} in {@code x-api-key}.
 *
 * @param id the key's id
 * @param name the key's name
 * @param value the secret callers send
 * @param enabled whether API Gateway accepts it
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ApiKey(String id, String name, String value, boolean enabled) {}
