package dev.cloudless.fakes.stepfunctions.internal.asl;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.stepfunctions.internal.eval.JsonataTemplate;
import dev.cloudless.fakes.stepfunctions.internal.eval.PayloadTemplate;
import org.apiguardian.api.API;

/** One entry of {@code Choices}: a rule and where it leads, with its own Assign and Output. */
@API(status = INTERNAL, since = "0.1")
public record ChoiceBranch(
    ChoiceRule rule,
    String next,
    PayloadTemplate assignPath,
    JsonataTemplate assignJsonata,
    JsonataTemplate output) {}
