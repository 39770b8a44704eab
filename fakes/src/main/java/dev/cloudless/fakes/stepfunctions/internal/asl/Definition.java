package dev.cloudless.fakes.stepfunctions.internal.asl;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * A parsed, validated state machine definition: built once per state machine and shared by its
 * executions.
 *
 * @param timeoutSeconds the machine's {@code TimeoutSeconds}, or null
 * @param text the definition as given
 */
@API(status = INTERNAL, since = "0.1")
public record Definition(
    Graph graph,
    QueryLanguage queryLanguage,
    Integer timeoutSeconds,
    String comment,
    String text) {}
