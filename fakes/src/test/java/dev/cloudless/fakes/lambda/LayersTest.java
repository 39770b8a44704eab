package dev.cloudless.fakes.lambda;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layers: versions and their ARNs, and what a function's class loader finds in {@code /opt}. */
class LayersTest {

  @TempDir static Path work;
  private static PackageFixtures fixtures;

  private final FakeCloud cloud = FakeCloud.builder().region("eu-west-1").build();

  @BeforeAll
  static void compileHandlers() {
    fixtures = PackageFixtures.compile(work);
  }

  @AfterEach
  void close() {
    cloud.close();
  }

  private LayerVersion publish(String name, Path greeter) {
    return cloud
        .lambda()
        .publishLayerVersion(LayerSpec.named(name).content(PackageFixtures.layerWith(greeter)));
  }

  private FunctionSpec greetWithoutLib() {
    return FunctionSpec.named("greet")
        .code(FunctionCode.zip(fixtures.handlersOnly().bytes(), "com.example.UsesGreeter"));
  }

  private String greet() {
    return cloud.lambda().invoke("greet", "{\"name\":\"Ada\"}").payload();
  }

  @Test
  void versionsCountFromOneAndAreNamedByTheirArn() {
    LayerVersion first = publish("greeter", fixtures.greeterJar());
    LayerVersion second =
        cloud
            .lambda()
            .publishLayerVersion(
                LayerSpec.named("greeter")
                    .content(PackageFixtures.layerWith(fixtures.greeter2Jar()))
                    .description("Greeter 2")
                    .compatibleRuntimes("java17", "java21"));

    assertThat(first.layerArn()).isEqualTo("arn:aws:lambda:eu-west-1:000000000000:layer:greeter");
    assertThat(first.layerVersionArn())
        .isEqualTo("arn:aws:lambda:eu-west-1:000000000000:layer:greeter:1");
    assertThat(second.version()).isEqualTo(2);
    assertThat(second.compatibleRuntimes()).containsExactly("java17", "java21");
    assertThat(cloud.lambda().layerVersion(second.layerVersionArn())).isEqualTo(second);
    assertThat(cloud.lambda().layerVersions("greeter")).containsExactly(second, first);
    assertThat(cloud.journal().events(LayerEvent.LayerVersionPublished.class))
        .extracting(LayerEvent.LayerVersionPublished::version)
        .containsExactly(1L, 2L);
  }

  @Test
  void aDeletedVersionsNumberIsNotReused() {
    LayerVersion first = publish("greeter", fixtures.greeterJar());

    cloud.lambda().deleteLayerVersion(first.layerVersionArn());
    cloud.lambda().deleteLayerVersion(first.layerVersionArn()); // no error the second time
    LayerVersion next = publish("greeter", fixtures.greeterJar());

    assertThat(next.version()).isEqualTo(2);
    assertThatThrownBy(() -> cloud.lambda().layerVersion(first.layerVersionArn()))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(404);
              assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
            })
        .hasMessage("The resource you requested does not exist.");
  }

  @Test
  void aLayerSuppliesADependencyFromJavaLib() {
    LayerVersion greeter = publish("greeter", fixtures.greeterJar());

    cloud.lambda().create(greetWithoutLib().layers(greeter.layerVersionArn()));

    assertThatJson(greet()).isEqualTo("\"Hello, Ada\"");
    assertThat(cloud.lambda().function("greet").configuration().layers())
        .containsExactly(greeter.layerVersionArn());
  }

  @Test
  void aLaterLayersFileWinsOverAnEarlierOnesAtTheSamePath() {
    LayerVersion hello = publish("hello-greeter", fixtures.greeterJar());
    LayerVersion howdy = publish("howdy-greeter", fixtures.greeter2Jar());

    cloud
        .lambda()
        .create(greetWithoutLib().layers(hello.layerVersionArn(), howdy.layerVersionArn()));
    assertThatJson(greet()).isEqualTo("\"Howdy, Ada\"");

    cloud
        .lambda()
        .updateFunctionConfiguration(
            "greet", spec -> spec.layers(howdy.layerVersionArn(), hello.layerVersionArn()));
    assertThatJson(greet()).isEqualTo("\"Hello, Ada\"");
  }

  @Test
  void theFunctionsOwnLibComesBeforeItsLayers() {
    LayerVersion howdy = publish("howdy-greeter", fixtures.greeter2Jar());

    cloud
        .lambda()
        .create(
            FunctionSpec.named("greet")
                .code(
                    FunctionCode.zip(
                        fixtures.handlersWithGreeter().bytes(), "com.example.UsesGreeter"))
                .layers(howdy.layerVersionArn()));

    assertThatJson(greet()).isEqualTo("\"Hello, Ada\"");
  }

  @Test
  void aFunctionKeepsALayerVersionDeletedAfterItWasAttached() {
    LayerVersion greeter = publish("greeter", fixtures.greeterJar());
    cloud.lambda().create(greetWithoutLib().layers(greeter.layerVersionArn()));

    cloud.lambda().deleteLayerVersion(greeter.layerVersionArn());
    cloud.lambda().updateFunctionConfiguration("greet", spec -> spec.memory(256));

    assertThatJson(greet()).isEqualTo("\"Hello, Ada\"");
    assertThatThrownBy(
            () -> cloud.lambda().create(greetWithoutLib().layers(greeter.layerVersionArn())))
        .hasMessage("Layer version " + greeter.layerVersionArn() + " does not exist.");
  }

  @Test
  void sixLayersAreRefused() {
    String[] six = new String[6];
    for (int i = 0; i < six.length; i++) {
      six[i] = publish("layer-" + i, fixtures.greeterJar()).layerVersionArn();
    }

    assertThatThrownBy(() -> greetWithoutLib().layers(six))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.errorCode()).isEqualTo("InvalidParameterValueException");
            })
        .hasMessage("Cannot reference more than 5 layers.");
  }

  @Test
  void aLayerCannotBeReferencedWithoutItsVersion() {
    assertThatThrownBy(
            () -> greetWithoutLib().layers("arn:aws:lambda:eu-west-1:000000000000:layer:greeter"))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("ValidationException"))
        .hasMessageStartingWith(
            "1 validation error detected: Value"
                + " '[arn:aws:lambda:eu-west-1:000000000000:layer:greeter]' at 'layers' failed to"
                + " satisfy constraint: Member must satisfy constraint: [Member must have length"
                + " less than or equal to 2048,");
  }

  @Test
  void aLayerVersionThatDoesNotExistIsRefused() {
    String arn = "arn:aws:lambda:eu-west-1:000000000000:layer:greeter:7";

    assertThatThrownBy(() -> cloud.lambda().create(greetWithoutLib().layers(arn)))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("InvalidParameterValueException"))
        .hasMessage("Layer version " + arn + " does not exist.");
    assertThat(cloud.lambda().findFunction("greet")).isEmpty();
  }

  @Test
  void aLayerOfAnotherRegionIsRefused() {
    String arn = "arn:aws:lambda:us-east-1:000000000000:layer:greeter:1";

    assertThatThrownBy(() -> cloud.lambda().create(greetWithoutLib().layers(arn)))
        .hasMessage(
            "Layers are not in the same region as the function. Layers are expected to be in"
                + " region eu-west-1.");
  }

  @Test
  void twoVersionsOfOneLayerAreRefused() {
    LayerVersion first = publish("greeter", fixtures.greeterJar());
    LayerVersion second = publish("greeter", fixtures.greeter2Jar());

    assertThatThrownBy(
            () ->
                cloud
                    .lambda()
                    .create(
                        greetWithoutLib()
                            .layers(first.layerVersionArn(), second.layerVersionArn())))
        .hasMessage(
            "Two different versions of the same layer are not allowed to be referenced in the"
                + " same function. "
                + first.layerVersionArn()
                + " and "
                + second.layerVersionArn()
                + " are versions of the same layer.");
  }

  @Test
  void layersOfAClassPathHandlerAreRefusedRatherThanIgnored() {
    LayerVersion greeter = publish("greeter", fixtures.greeterJar());

    assertThatThrownBy(
            () ->
                cloud
                    .lambda()
                    .create(
                        FunctionSpec.named("local")
                            .handler(Object.class, (in, ctx) -> "ok")
                            .layers(greeter.layerVersionArn())))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageContaining("layers, but its code is a handler in the test's class path");
  }

  @Test
  void layerContentCanComeFromS3InTheSameRegion() {
    cloud.s3().createBucket("layers-eu");
    cloud
        .s3()
        .putObject("layers-eu", "greeter.zip", PackageFixtures.layerWith(fixtures.greeterJar()));
    cloud.s3().createBucket("layers-us", "us-east-1");
    cloud
        .s3()
        .putObject("layers-us", "greeter.zip", PackageFixtures.layerWith(fixtures.greeterJar()));

    LayerVersion greeter =
        cloud
            .lambda()
            .publishLayerVersion(LayerSpec.named("greeter").s3("layers-eu", "greeter.zip"));
    cloud.lambda().create(greetWithoutLib().layers(greeter.layerVersionArn()));

    assertThatJson(greet()).isEqualTo("\"Hello, Ada\"");
    assertThatThrownBy(
            () ->
                cloud
                    .lambda()
                    .publishLayerVersion(LayerSpec.named("greeter").s3("layers-us", "greeter.zip")))
        .hasMessageContaining("S3 Error Code: PermanentRedirect");
  }

  @Test
  void aLayerWithoutContentIsRefused() {
    assertThatThrownBy(() -> cloud.lambda().publishLayerVersion(LayerSpec.named("empty")))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("ValidationException"));
  }
}
