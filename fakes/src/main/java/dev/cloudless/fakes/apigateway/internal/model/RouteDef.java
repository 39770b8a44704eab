package dev.cloudless.fakes.apigateway.internal.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.apigateway.MethodSpec;
import org.apiguardian.api.API;

/**
 * One method of a REST resource, or one route of an HTTP or WebSocket API.
 *
 * @param method the HTTP method, {@code ANY}, or null for {@code $default} and WebSocket routes
 * @param path the resource path ({@code /orders/{id}}), or null for {@code $default} and WebSocket
 *     routes
 * @param routeKey {@code GET /orders/{id}}, {@code $default}, {@code $connect}, ...
 * @param resourceId the REST resource's id (the same for every method of a resource)
 * @param spec what the method does
 */
@API(status = INTERNAL, since = "0.1")
public record RouteDef(
    String method, String path, String routeKey, String resourceId, MethodSpec spec) {}
