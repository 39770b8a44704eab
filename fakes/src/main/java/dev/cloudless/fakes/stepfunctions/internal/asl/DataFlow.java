package dev.cloudless.fakes.stepfunctions.internal.asl;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.stepfunctions.internal.eval.JsonPaths;
import dev.cloudless.fakes.stepfunctions.internal.eval.JsonataTemplate;
import dev.cloudless.fakes.stepfunctions.internal.eval.PayloadTemplate;
import dev.cloudless.fakes.stepfunctions.internal.eval.ReferencePath;
import org.apiguardian.api.API;

/**
 * How data flows through a state: the JSONPath fields ({@code InputPath}, {@code Parameters},
 * {@code ResultSelector}, {@code ResultPath}, {@code OutputPath}) or the JSONata ones ({@code
 * Arguments}, {@code Output}), and {@code Assign} in either language. Absent fields are null.
 *
 * @param inputPath null for the default {@code $}
 * @param inputPathNull {@code "InputPath": null}: the input becomes {@code {}}
 * @param resultPath null for the default {@code $}
 * @param resultPathNull {@code "ResultPath": null}: the result is discarded
 * @param outputPathNull {@code "OutputPath": null}: the output becomes {@code {}}
 */
@API(status = INTERNAL, since = "0.1")
public record DataFlow(
    QueryLanguage language,
    JsonPaths.Path inputPath,
    boolean inputPathNull,
    PayloadTemplate parameters,
    PayloadTemplate resultSelector,
    ReferencePath resultPath,
    boolean resultPathNull,
    JsonPaths.Path outputPath,
    boolean outputPathNull,
    PayloadTemplate assignPath,
    JsonataTemplate assignJsonata,
    JsonataTemplate arguments,
    JsonataTemplate output) {

  public boolean jsonata() {
    return language == QueryLanguage.JSONATA;
  }

  public boolean hasAssign() {
    return assignPath != null || assignJsonata != null;
  }
}
