package dev.cloudless.examples.orders;

import static dev.cloudless.assertions.CloudlessAssertions.assertThat;

import dev.cloudless.examples.orders.ShippingQuoteHandler.Rule;
import dev.cloudless.fakes.lambda.AliasSpec;
import dev.cloudless.fakes.lambda.FakeLambda;
import dev.cloudless.fakes.lambda.FunctionCode;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.junit.CloudlessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A canary release of the new shipping rule: version 2 gets 10% of the live traffic through a
 * weighted alias, then all of it. The split is drawn from the cloud's seed, so this test is exact
 * on every run.
 */
@CloudlessTest(seed = 2025)
class CanaryReleaseTest {

  static final String QUOTE = "{\"orderId\":\"o-1\",\"weightGrams\":1200}";

  /** The handler reads its rule from the function's environment, as on AWS. */
  static FunctionCode quoteCode() {
    return FunctionCode.handlerFactory(
        env ->
            new ShippingQuoteHandler(Rule.valueOf(env.variable("QUOTE_RULE").orElse("FLAT_RATE"))));
  }

  @BeforeEach
  void releaseTwoVersions(FakeLambda lambda) {
    lambda.create(FunctionSpec.named("quote").code(quoteCode()));
    lambda.publishVersion("quote");
    lambda.updateFunctionConfiguration(
        "quote", spec -> spec.environmentVariable("QUOTE_RULE", "BY_WEIGHT"));
    lambda.publishVersion("quote");
    lambda.createAlias("quote", AliasSpec.named("live").version("1").routing("2", 0.10));
  }

  @Test
  void theCanaryTakesAboutTenPercentOfLiveTraffic(FakeLambda lambda) {
    for (int i = 0; i < 2_000; i++) {
      lambda.invoke("quote:live", QUOTE);
    }

    assertThat(lambda.function("quote")).hasExecutedVersionShare("2", 0.10, 0.02);
  }

  @Test
  void eachVersionAnswersWithItsOwnRule(FakeLambda lambda) {
    assertThat(lambda.invoke("quote:1", QUOTE))
        .hasExecutedVersion("1")
        .hasJsonPayload("{\"orderId\":\"o-1\",\"priceCents\":499,\"rule\":\"FLAT_RATE\"}");
    assertThat(lambda.invoke("quote:2", QUOTE))
        .hasExecutedVersion("2")
        .hasJsonPayload("{\"orderId\":\"o-1\",\"priceCents\":379,\"rule\":\"BY_WEIGHT\"}");
  }

  @Test
  void promotingTheCanarySendsEveryCallToVersionTwo(FakeLambda lambda) {
    lambda.updateAlias("quote", AliasSpec.named("live").version("2"));

    for (int i = 0; i < 100; i++) {
      lambda.invoke("quote:live", QUOTE);
    }

    assertThat(lambda.function("quote")).hasExecutedVersionShare("2", 1.0, 0.0);
  }

  @Test
  void theFactoryReadsTheVersionsOwnEnvironment(FakeLambda lambda) {
    assertThat(lambda.function("quote").configuration("2").environment())
        .containsEntry("QUOTE_RULE", "BY_WEIGHT");
    assertThat(lambda.function("quote").configuration("1").environment()).isEmpty();
  }
}
