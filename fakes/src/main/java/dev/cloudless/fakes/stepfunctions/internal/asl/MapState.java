package dev.cloudless.fakes.stepfunctions.internal.asl;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.stepfunctions.internal.eval.JsonPaths;
import dev.cloudless.fakes.stepfunctions.internal.eval.JsonataTemplate;
import dev.cloudless.fakes.stepfunctions.internal.eval.PayloadTemplate;
import org.apiguardian.api.API;

/**
 * A Map state, inline or distributed (without an item reader).
 *
 * @param itemsPath JSONPath {@code ItemsPath}, or null for {@code $}
 * @param items JSONata {@code Items}, or null for the state input
 * @param itemSelector JSONPath {@code ItemSelector} (or legacy {@code Parameters}), or null
 * @param itemSelectorJsonata JSONata {@code ItemSelector}, or null
 * @param distributed {@code ProcessorConfig.Mode: DISTRIBUTED}
 * @param executionType {@code STANDARD} or {@code EXPRESS} for distributed maps, else null
 */
@API(status = INTERNAL, since = "0.1")
public record MapState(
    String name,
    DataFlow flow,
    String next,
    ErrorHandling errors,
    Graph processor,
    boolean distributed,
    String executionType,
    JsonPaths.Path itemsPath,
    JsonataTemplate items,
    PayloadTemplate itemSelector,
    JsonataTemplate itemSelectorJsonata,
    NumberSpec maxConcurrency,
    NumberSpec toleratedFailureCount,
    NumberSpec toleratedFailurePercentage,
    String label)
    implements State {
  @Override
  public String type() {
    return "Map";
  }
}
