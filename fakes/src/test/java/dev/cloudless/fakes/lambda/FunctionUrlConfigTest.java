package dev.cloudless.fakes.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.lambda.internal.LambdaService;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FunctionUrlConfigTest {

  private final FakeCloud cloud = FakeCloud.create();

  @AfterEach
  void close() {
    cloud.close();
  }

  private LambdaFunction echo(String name) {
    return cloud
        .lambda()
        .create(
            FunctionSpec.named(name)
                .handler((RequestStreamHandler) (in, out, ctx) -> in.transferTo(out)));
  }

  @Test
  void createReportsALoopbackUrlAndTheAwsStyleId() {
    LambdaFunction fn = echo("orders");

    FunctionUrlConfig url =
        cloud
            .lambda()
            .createFunctionUrlConfig("orders", null, FunctionUrlSpec.of(FunctionUrlAuthType.NONE));

    assertThat(url.functionUrl()).matches("http://127\\.0\\.0\\.1:\\d+/");
    assertThat(url.functionArn()).isEqualTo(fn.arn());
    assertThat(url.authType()).isEqualTo(FunctionUrlAuthType.NONE);
    assertThat(url.cors()).isEqualTo(Cors.NONE);
    assertThat(url.creationTime()).isEqualTo(cloud.clock().now());
    assertThat(url.lastModifiedTime()).isEqualTo(url.creationTime());
    assertThat(url.invokeMode()).isEqualTo("BUFFERED");
    assertThat(url.urlId()).matches("[a-z0-9]{32}");
    assertThat(url.domainName()).isEqualTo(url.urlId() + ".lambda-url.us-east-1.on.aws");
    assertThat(cloud.lambda().functionUrlConfig("orders", null)).isEqualTo(url);
    assertThat(cloud.journal().events(FunctionUrlEvent.ConfigChanged.class))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.change()).isEqualTo("created");
              assertThat(e.urlId()).isEqualTo(url.urlId());
              assertThat(e.qualifier()).isEqualTo("$LATEST");
            });
  }

  @Test
  void urlIdsComeFromTheSeed() {
    List<String> first = urlIdsWithSeed(7);
    List<String> again = urlIdsWithSeed(7);
    List<String> other = urlIdsWithSeed(8);

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(first.get(0)).isNotEqualTo(first.get(1));
  }

  private static List<String> urlIdsWithSeed(long seed) {
    try (FakeCloud seeded = FakeCloud.builder().seed(seed).build()) {
      for (String name : List.of("a", "b")) {
        seeded
            .lambda()
            .create(FunctionSpec.named(name).handler((RequestStreamHandler) (in, out, ctx) -> {}));
      }
      return List.of(
          seeded
              .lambda()
              .createFunctionUrlConfig("a", null, FunctionUrlSpec.of(FunctionUrlAuthType.NONE))
              .urlId(),
          seeded
              .lambda()
              .createFunctionUrlConfig("b", null, FunctionUrlSpec.of(FunctionUrlAuthType.NONE))
              .urlId());
    }
  }

  @Test
  void aSecondUrlForTheSameQualifierIsAConflict() {
    LambdaFunction fn = echo("orders");
    cloud
        .lambda()
        .createFunctionUrlConfig("orders", null, FunctionUrlSpec.of(FunctionUrlAuthType.NONE));

    assertThatThrownBy(
            () ->
                cloud
                    .lambda()
                    .createFunctionUrlConfig(
                        "orders", null, FunctionUrlSpec.of(FunctionUrlAuthType.AWS_IAM)))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(409);
              assertThat(e.errorCode()).isEqualTo("ResourceConflictException");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Failed to create function url config for [functionArn = "
                          + fn.arn()
                          + "]. Error message:  FunctionUrlConfig exists for this Lambda function");
            });
  }

  @Test
  void aUrlBelongsToAnAliasOrLatestNeverToAVersionNumber() {
    echo("orders");
    cloud.lambda().publishVersion("orders");

    assertThatThrownBy(
            () ->
                cloud
                    .lambda()
                    .createFunctionUrlConfig(
                        "orders", "1", FunctionUrlSpec.of(FunctionUrlAuthType.NONE)))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.errorCode()).isEqualTo("ValidationException");
              assertThat(e.getMessage())
                  .contains("Value '1' at 'qualifier'")
                  .contains("(^\\$LATEST$)|((?!^[0-9]+$)([a-zA-Z0-9-_]+))");
            });
  }

  @Test
  void theFunctionAndTheAliasMustExist() {
    echo("orders");

    assertThatThrownBy(
            () ->
                cloud
                    .lambda()
                    .createFunctionUrlConfig(
                        "nope", null, FunctionUrlSpec.of(FunctionUrlAuthType.NONE)))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(404);
              assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
              assertThat(e.getMessage()).isEqualTo("Function does not exist");
            });
    assertThatThrownBy(
            () ->
                cloud
                    .lambda()
                    .createFunctionUrlConfig(
                        "orders", "live", FunctionUrlSpec.of(FunctionUrlAuthType.NONE)))
        .hasMessage("Function does not exist");
    assertThatThrownBy(() -> cloud.lambda().functionUrlConfig("orders", null))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(404);
              assertThat(e.getMessage()).isEqualTo("The resource you requested does not exist.");
            });
  }

  @Test
  void aQualifierInTheNameMustAgreeWithTheQualifierGiven() {
    echo("orders");
    cloud.lambda().publishVersion("orders");
    cloud.lambda().createAlias("orders", AliasSpec.named("live").version("1"));

    FunctionUrlConfig url =
        cloud
            .lambda()
            .createFunctionUrlConfig(
                "orders:live", null, FunctionUrlSpec.of(FunctionUrlAuthType.NONE));

    assertThat(url.functionArn()).endsWith(":function:orders:live");
    assertThat(cloud.lambda().functionUrlConfig("orders", "live")).isEqualTo(url);
    assertThatThrownBy(() -> cloud.lambda().functionUrlConfig("orders:live", "other"))
        .hasMessageContaining("does not match the specified qualifier");
  }

  @Test
  void updateKeepsTheUrlAndChangesTheSettings() {
    echo("orders");
    FunctionUrlConfig created =
        cloud
            .lambda()
            .createFunctionUrlConfig("orders", null, FunctionUrlSpec.of(FunctionUrlAuthType.NONE));
    cloud.advance(java.time.Duration.ofMinutes(5));

    FunctionUrlConfig updated =
        cloud
            .lambda()
            .updateFunctionUrlConfig(
                "orders",
                null,
                spec ->
                    spec.authType(FunctionUrlAuthType.AWS_IAM)
                        .cors(Cors.allowingOrigins("https://shop.example")));

    assertThat(updated.functionUrl()).isEqualTo(created.functionUrl());
    assertThat(updated.urlId()).isEqualTo(created.urlId());
    assertThat(updated.authType()).isEqualTo(FunctionUrlAuthType.AWS_IAM);
    assertThat(updated.cors().allowOrigins()).containsExactly("https://shop.example");
    assertThat(updated.creationTime()).isEqualTo(created.creationTime());
    assertThat(updated.lastModifiedTime()).isEqualTo(created.creationTime().plusSeconds(300));
    assertThat(cloud.lambda().functionUrlConfigs("orders")).containsExactly(updated);
  }

  @Test
  void deleteRemovesTheConfig() {
    echo("orders");
    cloud
        .lambda()
        .createFunctionUrlConfig("orders", null, FunctionUrlSpec.of(FunctionUrlAuthType.NONE));

    cloud.lambda().deleteFunctionUrlConfig("orders", null);

    assertThatThrownBy(() -> cloud.lambda().functionUrlConfig("orders", null))
        .hasMessage("The resource you requested does not exist.");
    assertThatThrownBy(() -> cloud.lambda().deleteFunctionUrlConfig("orders", null))
        .hasMessage("The resource you requested does not exist.");
    assertThat(cloud.lambda().functionUrlConfigs("orders")).isEmpty();
    assertThat(cloud.journal().events(FunctionUrlEvent.ConfigChanged.class))
        .extracting(FunctionUrlEvent.ConfigChanged::change)
        .containsExactly("created", "deleted");
  }

  @Test
  void deletingTheFunctionDeletesItsUrls() {
    echo("orders");
    cloud
        .lambda()
        .createFunctionUrlConfig("orders", null, FunctionUrlSpec.of(FunctionUrlAuthType.NONE));

    cloud.lambda().deleteFunction("orders");
    echo("orders");

    assertThatThrownBy(() -> cloud.lambda().functionUrlConfig("orders", null))
        .hasMessage("The resource you requested does not exist.");
  }

  @Test
  void corsSettingsOutsideAwsLimitsAreRefused() {
    assertThatThrownBy(() -> Cors.allowingOrigins("*").maxAge(86_401))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("ValidationException");
              assertThat(e.getMessage())
                  .contains("'86401' at 'cors.maxAge'")
                  .contains("less than or equal to 86400");
            });
    assertThatThrownBy(
            () ->
                Cors.allowingOrigins("*")
                    .allowMethods("GET", "PUT", "HEAD", "POST", "PATCH", "DELETE", "*"))
        .hasMessageContaining("at 'cors.allowMethods'")
        .hasMessageContaining("less than or equal to 6");
    assertThatThrownBy(() -> Cors.allowingOrigins(""))
        .hasMessageContaining("at 'cors.allowOrigins'")
        .hasMessageContaining("greater than or equal to 1");
    assertThatThrownBy(() -> FunctionUrlSpec.of(null))
        .hasMessageContaining("Value null at 'authType'");
  }

  @Test
  void noHttpServerRunsBeforeTheFirstUrl() {
    LambdaService lambda = (LambdaService) cloud.lambda();
    echo("orders");
    cloud.lambda().invoke("orders", "{}");
    assertThatThrownBy(() -> cloud.lambda().functionUrlConfig("orders", null))
        .isInstanceOf(AwsServiceException.class);

    assertThat(lambda.functionUrlServerStarted()).isFalse();

    cloud
        .lambda()
        .createFunctionUrlConfig("orders", null, FunctionUrlSpec.of(FunctionUrlAuthType.NONE));

    assertThat(lambda.functionUrlServerStarted()).isTrue();
  }
}
