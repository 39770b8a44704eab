package dev.cloudless.fakes.stepfunctions.internal.asl;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.stepfunctions.internal.eval.JsonataTemplate;
import dev.cloudless.fakes.stepfunctions.internal.eval.PayloadTemplate;
import dev.cloudless.fakes.stepfunctions.internal.eval.ReferencePath;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A {@code Catch} entry. JSONPath catchers place the error output with {@code ResultPath} (default
 * {@code $}); JSONata ones shape it with {@code Output}. Both may {@code Assign}.
 *
 * @param resultPath null for {@code $}
 * @param resultPathNull {@code "ResultPath": null}
 */
@API(status = INTERNAL, since = "0.1")
public record Catcher(
    List<String> errorEquals,
    String next,
    ReferencePath resultPath,
    boolean resultPathNull,
    PayloadTemplate assignPath,
    JsonataTemplate assignJsonata,
    JsonataTemplate output) {}
