package dev.cloudless.fakes.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FakeS3Test {

  private final FakeCloud cloud = FakeCloud.builder().region("eu-west-1").build();

  @AfterEach
  void close() {
    cloud.close();
  }

  private static void assertS3Error(Runnable call, int status, String code, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(status);
              assertThat(e.errorCode()).isEqualTo(code);
            })
        .hasMessage(message);
  }

  @Test
  void aBucketLivesInTheCloudsRegionUnlessToldOtherwise() {
    Bucket here = cloud.s3().createBucket("artifacts");
    Bucket there = cloud.s3().createBucket("artifacts-us", "us-west-2");

    assertThat(here.region()).isEqualTo("eu-west-1");
    assertThat(here.arn()).isEqualTo("arn:aws:s3:::artifacts");
    assertThat(cloud.s3().headBucket("artifacts-us")).isEqualTo(there);
    assertThat(cloud.s3().buckets()).containsExactly(here, there);
  }

  @Test
  void objectsAreStoredWholeWithAnMd5ETag() {
    cloud.s3().createBucket("artifacts");
    cloud.advance(Duration.ofMinutes(5));

    ObjectMetadata put = cloud.s3().putObject("artifacts", "notes/hello.txt", "hello");
    S3Object got = cloud.s3().getObject("artifacts", "notes/hello.txt");

    assertThat(put.eTag()).isEqualTo("\"5d41402abc4b2a76b9719d911017c592\"");
    assertThat(put.contentLength()).isEqualTo(5);
    assertThat(put.lastModified()).isEqualTo(cloud.clock().now());
    assertThat(got.contentAsString()).isEqualTo("hello");
    assertThat(got.metadata()).isEqualTo(put);
    assertThat(cloud.s3().headObject("artifacts", "notes/hello.txt")).isEqualTo(put);
  }

  @Test
  void aFileIsUploadedAsItsBytes(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("a.txt"), "from a file");
    cloud.s3().createBucket("artifacts");

    cloud.s3().putObject("artifacts", "a.txt", file);

    assertThat(cloud.s3().getObject("artifacts", "a.txt").content())
        .isEqualTo("from a file".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void missingBucketsAndKeysAreS3sErrors() {
    cloud.s3().createBucket("artifacts");

    assertS3Error(
        () -> cloud.s3().getObject("nope", "a"),
        404,
        "NoSuchBucket",
        "The specified bucket does not exist");
    assertS3Error(
        () -> cloud.s3().getObject("artifacts", "a"),
        404,
        "NoSuchKey",
        "The specified key does not exist.");
    assertS3Error(
        () -> cloud.s3().putObject("nope", "a", "x"),
        404,
        "NoSuchBucket",
        "The specified bucket does not exist");
  }

  @Test
  void creatingABucketYouOwnIsAnErrorOutsideUsEast1() {
    cloud.s3().createBucket("artifacts");

    assertS3Error(
        () -> cloud.s3().createBucket("artifacts"),
        409,
        "BucketAlreadyOwnedByYou",
        "Your previous request to create the named bucket succeeded and you already own it.");
  }

  @Test
  void inUsEast1RecreatingYourBucketAnswersWithTheBucket() {
    Bucket first = cloud.s3().createBucket("legacy", "us-east-1");

    assertThat(cloud.s3().createBucket("legacy", "us-east-1")).isEqualTo(first);
    assertThat(cloud.journal().events(S3Event.BucketCreated.class)).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ab",
        "Upper",
        "under_score",
        "-starts-with-hyphen",
        "ends-with-hyphen-",
        "two..dots",
        "192.168.5.4",
        "xn--punycode",
        "sthree-bucket",
        "amzn-s3-demo-bucket",
        "access-point-s3alias",
        "object-lambda--ol-s3",
        "multi-region.mrap",
        "directory--x-s3",
        "a-very-long-bucket-name-that-goes-on-and-on-past-sixty-three-chars"
      })
  void bucketNamesFollowS3sRules(String name) {
    assertS3Error(
        () -> cloud.s3().createBucket(name),
        400,
        "InvalidBucketName",
        "The specified bucket is not valid.");
  }

  @Test
  void keysAreLimitedTo1024Bytes() {
    cloud.s3().createBucket("artifacts");

    assertS3Error(
        () -> cloud.s3().putObject("artifacts", "k".repeat(1025), "x"),
        400,
        "KeyTooLongError",
        "Your key is too long");
  }

  @Test
  void deletingAMissingKeySucceeds() {
    cloud.s3().createBucket("artifacts");
    cloud.s3().putObject("artifacts", "a", "x");

    cloud.s3().deleteObject("artifacts", "a");
    cloud.s3().deleteObject("artifacts", "a");

    assertThat(cloud.journal().events(S3Event.ObjectDeleted.class))
        .extracting(S3Event.ObjectDeleted::existed)
        .containsExactly(true, false);
    assertThatThrownBy(() -> cloud.s3().headObject("artifacts", "a"))
        .hasMessage("The specified key does not exist.");
  }

  @Test
  void everyOperationIsJournaled() {
    cloud.s3().createBucket("artifacts");
    cloud.s3().putObject("artifacts", "a", "x");
    cloud.s3().getObject("artifacts", "a");
    cloud.s3().headObject("artifacts", "a");

    assertThat(cloud.journal().events(S3Event.class))
        .extracting(S3Event::summary)
        .containsExactly(
            "artifacts created in eu-west-1",
            "PutObject s3://artifacts/a (1 bytes)",
            "GetObject s3://artifacts/a",
            "HeadObject s3://artifacts/a");
  }
}
