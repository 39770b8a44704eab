package dev.cloudless.fakes.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VersionsAndAliasesTest {

  private final FakeCloud cloud = FakeCloud.create();
  private final FakeLambda lambda = cloud.lambda();

  @AfterEach
  void close() {
    cloud.close();
  }

  /** A handler answering with a fixed text, so a test can tell which code ran. */
  private static FunctionCode answering(String text) {
    return FunctionCode.handler(Map.class, (in, ctx) -> text);
  }

  private void createGreeter() {
    lambda.create(FunctionSpec.named("greet").code(answering("v1")));
  }

  @Test
  void publishingFreezesCodeAndConfigurationUnderTheNextNumber() {
    createGreeter();

    FunctionConfiguration one = lambda.publishVersion("greet");
    lambda.updateFunctionCode("greet", answering("v2"));
    lambda.updateFunctionConfiguration("greet", spec -> spec.memory(512));
    FunctionConfiguration two = lambda.publishVersion("greet");

    assertThat(one.version()).isEqualTo("1");
    assertThat(one.functionArn()).isEqualTo(lambda.function("greet").arn() + ":1");
    assertThat(two.version()).isEqualTo("2");
    assertThat(lambda.invoke("greet:1", "{}").payload()).isEqualTo("\"v1\"");
    assertThat(lambda.invoke("greet:2", "{}").payload()).isEqualTo("\"v2\"");
    assertThat(lambda.function("greet").configuration("1").memorySize()).isEqualTo(128);
    assertThat(lambda.function("greet").configuration("2").memorySize()).isEqualTo(512);
    assertThat(lambda.function("greet").versions())
        .extracting(FunctionConfiguration::version)
        .containsExactly("$LATEST", "1", "2");
  }

  @Test
  void publishingUnchangedCodeAndConfigurationReturnsTheLastVersion() {
    createGreeter();

    FunctionConfiguration first = lambda.publishVersion("greet");
    FunctionConfiguration again = lambda.publishVersion("greet");

    assertThat(again).isEqualTo(first);
    assertThat(lambda.function("greet").versions()).hasSize(2);
  }

  @Test
  void updatesChangeOnlyLatest() {
    createGreeter();
    lambda.publishVersion("greet");

    lambda.updateFunctionCode("greet", answering("new"));

    assertThat(lambda.invoke("greet", "{}").payload()).isEqualTo("\"new\"");
    assertThat(lambda.invoke("greet:$LATEST", "{}").payload()).isEqualTo("\"new\"");
    assertThat(lambda.invoke("greet:1", "{}").payload()).isEqualTo("\"v1\"");
  }

  @Test
  void anUpdateReplacesLatestsEnvironmentsSoItsNextCallIsCold() {
    createGreeter();
    lambda.invoke("greet", "{}");

    lambda.updateFunctionConfiguration("greet", spec -> spec.timeout(Duration.ofSeconds(10)));
    lambda.invoke("greet", "{}");

    assertThat(lambda.function("greet").invocations())
        .extracting(Invocation::coldStart)
        .containsExactly(true, true);
    assertThat(cloud.journal().events(LambdaEvent.EnvironmentRecycled.class))
        .singleElement()
        .extracting(LambdaEvent.EnvironmentRecycled::reason)
        .isEqualTo("configuration updated");
  }

  @Test
  void theRevisionIdIsAPreconditionForPublishing() {
    createGreeter();
    String stale = lambda.function("greet").configuration().revisionId();
    lambda.updateFunctionConfiguration("greet", spec -> spec.description("changed"));

    assertThatThrownBy(() -> lambda.publishVersion("greet", stale))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(412);
              assertThat(e.errorCode()).isEqualTo("PreconditionFailedException");
            });
    String current = lambda.function("greet").configuration().revisionId();
    assertThat(lambda.publishVersion("greet", current).version()).isEqualTo("1");
  }

  @Test
  void codeCannotChangeThroughTheConfigurationUpdate() {
    createGreeter();

    assertThatThrownBy(
            () -> lambda.updateFunctionConfiguration("greet", spec -> spec.code(answering("x"))))
        .hasMessageContaining("updateFunctionCode");
  }

  @Test
  void anAliasRunsItsVersionAndReportsItEverywhere() {
    List<String> seen = new ArrayList<>();
    lambda.create(
        FunctionSpec.named("greet")
            .handler(
                Map.class,
                (in, ctx) -> {
                  seen.add(ctx.getFunctionVersion() + " " + ctx.getInvokedFunctionArn());
                  return "hi";
                }));
    lambda.publishVersion("greet");
    lambda.createAlias("greet", AliasSpec.named("live").version("1"));

    InvocationResult result = lambda.invoke("greet:live", "{}");

    String arn = lambda.function("greet").arn();
    assertThat(result.executedVersion()).isEqualTo("1");
    assertThat(seen).containsExactly("1 " + arn + ":live");
    assertThat(lambda.function("greet").invocations().get(0).executedVersion()).isEqualTo("1");
    assertThat(lambda.invoke(InvokeRequest.function(arn).qualifier("live")).executedVersion())
        .isEqualTo("1");
  }

  @Test
  void aWeightedAliasSplitsTrafficByTheSeedReproducibly() {
    List<String> first = tenThousandCanaryInvocations(7);
    List<String> again = tenThousandCanaryInvocations(7);
    List<String> otherSeed = tenThousandCanaryInvocations(8);

    long toTwo = first.stream().filter("2"::equals).count();
    assertThat(toTwo / 10_000.0).isCloseTo(0.10, within(0.015));
    assertThat(again).isEqualTo(first);
    assertThat(otherSeed).isNotEqualTo(first);
  }

  private static List<String> tenThousandCanaryInvocations(long seed) {
    try (FakeCloud cloud = FakeCloud.builder().seed(seed).build()) {
      FakeLambda lambda = cloud.lambda();
      lambda.create(FunctionSpec.named("charge").code(answering("old")).runsFor(Duration.ZERO));
      lambda.publishVersion("charge");
      lambda.updateFunctionCode("charge", answering("new"));
      lambda.publishVersion("charge");
      lambda.createAlias("charge", AliasSpec.named("live").version("1").routing("2", 0.10));
      List<String> executed = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        executed.add(lambda.invoke("charge:live", "{}").executedVersion());
      }
      return executed;
    }
  }

  @Test
  void aliasRulesAreEnforcedWithAwsErrors() {
    createGreeter();
    lambda.publishVersion("greet");
    lambda.updateFunctionCode("greet", answering("v2"));
    lambda.publishVersion("greet");
    String arn = lambda.function("greet").arn();

    assertThatThrownBy(
            () ->
                lambda.createAlias(
                    "greet", AliasSpec.named("live").version("$LATEST").routing("1", 0.5)))
        .hasMessage("$LATEST is not supported for an alias pointing to more than 1 version");
    assertThatThrownBy(
            () ->
                lambda.createAlias("greet", AliasSpec.named("live").version("1").routing("1", 0.5)))
        .hasMessage(
            "Invalid function version 1. Function version 1 is already included in routing"
                + " configuration.");
    assertThatThrownBy(
            () ->
                lambda.createAlias("greet", AliasSpec.named("live").version("1").routing("2", 1.5)))
        .hasMessageContaining("Member must have value less than or equal to 1.0");
    assertThatThrownBy(() -> lambda.createAlias("greet", AliasSpec.named("live").version("9")))
        .isInstanceOfSatisfying(
            AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(404))
        .hasMessage("Function not found: " + arn + ":9");
    assertThatThrownBy(() -> lambda.createAlias("greet", AliasSpec.named("123").version("1")))
        .hasMessageContaining("Value '123' at 'name'");

    lambda.createAlias("greet", AliasSpec.named("live").version("1"));
    assertThatThrownBy(() -> lambda.createAlias("greet", AliasSpec.named("live").version("2")))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("ResourceConflictException"))
        .hasMessage("Alias already exists: " + arn + ":live");
    assertThatThrownBy(() -> lambda.updateAlias("greet", AliasSpec.named("beta").version("1")))
        .hasMessage("Cannot find alias arn: " + arn + ":beta");
    assertThatThrownBy(() -> lambda.invoke("greet:nope", "{}"))
        .hasMessage("Function not found: " + arn + ":nope");
  }

  @Test
  void versionsOfARoutedAliasMustShareTheirDeadLetterQueue() {
    lambda.create(FunctionSpec.named("greet").code(answering("v1")));
    lambda.publishVersion("greet");
    lambda.updateFunctionConfiguration(
        "greet", spec -> spec.deadLetterQueue(cloud.sqs().createQueue("dlq")));
    lambda.publishVersion("greet");

    assertThatThrownBy(
            () ->
                lambda.createAlias("greet", AliasSpec.named("live").version("1").routing("2", 0.1)))
        .hasMessageContaining("different dead-letter queue configurations");
  }

  @Test
  void updatingAnAliasRepointsItAndDeletingItRemovesIt() {
    createGreeter();
    lambda.publishVersion("greet");
    lambda.updateFunctionCode("greet", answering("v2"));
    lambda.publishVersion("greet");
    lambda.createAlias("greet", AliasSpec.named("live").version("1"));

    lambda.updateAlias("greet", AliasSpec.named("live").version("2"));
    assertThat(lambda.invoke("greet:live", "{}").payload()).isEqualTo("\"v2\"");

    lambda.deleteAlias("greet", "live");
    assertThat(lambda.function("greet").alias("live")).isEmpty();
    assertThat(cloud.journal().events(LambdaEvent.AliasChanged.class))
        .extracting(LambdaEvent.AliasChanged::change)
        .containsExactly("created", "updated", "deleted");
  }
}
