package dev.cloudless.fakes.stepfunctions.internal.asl;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudless.fakes.stepfunctions.internal.eval.JsonPaths;
import dev.cloudless.fakes.stepfunctions.internal.eval.JsonataTemplate;
import org.apiguardian.api.API;

/**
 * A number field that may be given as a literal, a JSONPath ({@code ...Path} fields) or a JSONata
 * expression: {@code TimeoutSeconds}, {@code MaxConcurrency}, {@code ToleratedFailureCount}, ...
 *
 * @param field the field's name, as in messages ({@code MaxConcurrency})
 * @param pathField the path field's name ({@code MaxConcurrencyPath})
 */
@API(status = INTERNAL, since = "0.1")
public record NumberSpec(
    String field,
    String pathField,
    JsonNode literal,
    JsonPaths.Path path,
    JsonataTemplate expression) {}
