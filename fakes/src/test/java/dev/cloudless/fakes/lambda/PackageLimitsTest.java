package dev.cloudless.fakes.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * AWS's size limits on packages, at AWS's thresholds: 50 MB zipped for a direct upload, 250 MB
 * unzipped for a function with its layers. The unzipped size is read from the zip's central
 * directory, so a zip of zeros reaches it cheaply.
 */
class PackageLimitsTest {

  private static final long UNZIPPED_LIMIT = 262_144_000L;

  private final FakeCloud cloud = FakeCloud.create();

  @AfterEach
  void close() {
    cloud.close();
  }

  /** A valid zip of 50 MiB of random bytes: just over what a direct upload accepts. */
  private static byte[] fiftyMegabyteZip() {
    return JavaPackages.storedZip(50 * 1024 * 1024, new Random(42));
  }

  @Test
  void aDirectUploadOverFiftyMegabytesIsRefusedForEachOperation() {
    byte[] zip = fiftyMegabyteZip();
    FunctionCode code = FunctionCode.zip(zip, "com.example.Hello");

    assertThatThrownBy(() -> cloud.lambda().create(FunctionSpec.named("big").code(code)))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(413);
              assertThat(e.errorCode()).isEqualTo("RequestEntityTooLargeException");
            })
        .hasMessage("Request must be smaller than 69905067 bytes for the CreateFunction operation");
    cloud.lambda().create(FunctionSpec.named("small").handler(Object.class, (in, ctx) -> "ok"));
    assertThatThrownBy(() -> cloud.lambda().updateFunctionCode("small", code))
        .hasMessage(
            "Request must be smaller than 69905067 bytes for the UpdateFunctionCode operation");
    assertThatThrownBy(
            () -> cloud.lambda().publishLayerVersion(LayerSpec.named("big").content(zip)))
        .hasMessage(
            "Request must be smaller than 69905067 bytes for the PublishLayerVersion operation");
  }

  @Test
  void fiftyMegabytesGoThroughS3() {
    cloud.s3().createBucket("artifacts");
    cloud.s3().putObject("artifacts", "big.zip", fiftyMegabyteZip());

    LambdaFunction fn =
        cloud
            .lambda()
            .create(
                FunctionSpec.named("big")
                    .code(FunctionCode.s3("artifacts", "big.zip", "com.example.Hello")));

    assertThat(fn.configuration().handler()).isEqualTo("com.example.Hello");
  }

  @Test
  void aPackageOf250MegabytesUnzippedIsRefused() {
    byte[] zip = JavaPackages.zerosZip("data.bin", UNZIPPED_LIMIT);

    assertThatThrownBy(
            () ->
                cloud
                    .lambda()
                    .create(
                        FunctionSpec.named("huge")
                            .code(FunctionCode.zip(zip, "com.example.Hello"))))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("InvalidParameterValueException"))
        .hasMessage("Unzipped size must be smaller than 262144000 bytes");
    assertThatThrownBy(
            () -> cloud.lambda().publishLayerVersion(LayerSpec.named("huge").content(zip)))
        .hasMessage("Unzipped size must be smaller than 262144000 bytes");
  }

  @Test
  void aFunctionAndItsLayersOver250MegabytesUnzippedAreRefused() {
    long half = UNZIPPED_LIMIT / 2;
    LayerVersion layer =
        cloud
            .lambda()
            .publishLayerVersion(
                LayerSpec.named("half").content(JavaPackages.zerosZip("java/lib/half.bin", half)));
    byte[] function =
        JavaPackages.zip()
            .entry("com/example/Hello.class", new byte[] {1})
            .entry("data.bin", new byte[] {0, 0})
            .bytes();
    FunctionSpec spec =
        FunctionSpec.named("f")
            .code(
                FunctionCode.zip(JavaPackages.zerosZip("data.bin", half + 1), "com.example.Hello"));

    assertThatThrownBy(() -> cloud.lambda().create(spec.layers(layer.layerVersionArn())))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("InvalidParameterValueException"))
        .hasMessage(
            "Function code combined with layers exceeds the maximum allowed size of 262144000"
                + " bytes. The actual size is 262144001 bytes.");
    cloud
        .lambda()
        .create(
            FunctionSpec.named("fits")
                .code(FunctionCode.zip(function, "com.example.Hello"))
                .layers(layer.layerVersionArn()));
  }
}
