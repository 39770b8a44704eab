package dev.cloudless.fakes.lambda;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.s3.S3Event;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Functions deployed as packages: zips and jars built from sources compiled in the test, loaded in
 * a class loader per execution environment as the Lambda Java runtime loads them.
 */
class PackagedFunctionTest {

  @TempDir static Path work;
  private static PackageFixtures fixtures;

  private final FakeCloud cloud = FakeCloud.create();

  @BeforeAll
  static void compileHandlers() {
    fixtures = PackageFixtures.compile(work);
  }

  @AfterEach
  void close() {
    cloud.close();
  }

  private void deploy(String name, byte[] zip, String handler) {
    cloud.lambda().create(FunctionSpec.named(name).code(FunctionCode.zip(zip, handler)));
  }

  private List<LambdaEvent.InvocationStarted> starts() {
    return cloud.journal().events(LambdaEvent.InvocationStarted.class);
  }

  // ---- deploying and invoking -------------------------------------------------------------------

  @Test
  void aHandlerRunsFromAZipWithItsClassesAtTheRoot() {
    deploy("hello", fixtures.handlersOnly().bytes(), "com.example.Hello");

    InvocationResult result = cloud.lambda().invoke("hello", "{\"name\":\"Ada\"}");

    assertThat(result.functionError()).isNull();
    assertThatJson(result.payload()).isEqualTo("\"Hello, Ada from hello\"");
  }

  @Test
  void aJarFileIsAPackageToo() {
    Path jar =
        fixtures
            .handlersOnly()
            .entry("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes())
            .writeTo(work.resolve("hello.jar"));
    cloud
        .lambda()
        .create(FunctionSpec.named("hello").code(FunctionCode.zip(jar, "com.example.Hello")));

    assertThatJson(cloud.lambda().invoke("hello", "{\"name\":\"Ada\"}").payload())
        .isEqualTo("\"Hello, Ada from hello\"");
  }

  @Test
  void theConfigurationShowsTheHandlerStringAndTheZipsSha256() throws Exception {
    byte[] zip = fixtures.handlersOnly().bytes();

    deploy("hello", zip, "com.example.Hello");

    FunctionConfiguration config = cloud.lambda().function("hello").configuration();
    assertThat(config.handler()).isEqualTo("com.example.Hello");
    assertThat(config.codeSha256())
        .isEqualTo(
            Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(zip)));
  }

  @Test
  void methodHandlersPickTheLongestSignatureAsTheJavaRuntimeDoes() {
    byte[] zip = fixtures.handlersOnly().bytes();
    deploy("shout", zip, "com.example.Methods::shout");
    deploy("echo", zip, "com.example.Methods::echo");

    assertThatJson(cloud.lambda().invoke("shout", "{\"name\":\"ada\"}").payload())
        .isEqualTo("\"ADA! from shout\"");
    assertThatJson(cloud.lambda().invoke("echo", "{\"raw\":[1,2]}").payload())
        .isEqualTo("{\"raw\":[1,2]}");
  }

  @Test
  void aDependencyInLibIsOnTheClassPath() {
    deploy("greet", fixtures.handlersWithGreeter().bytes(), "com.example.UsesGreeter");

    assertThatJson(cloud.lambda().invoke("greet", "{\"name\":\"Ada\"}").payload())
        .isEqualTo("\"Hello, Ada\"");
  }

  private static final String SQS_EVENT =
      "{\"Records\":[{\"messageId\":\"m-1\",\"body\":\"order 42\",\"eventSource\":\"aws:sqs\","
          + "\"eventSourceARN\":\"arn:aws:sqs:us-east-1:000000000000:orders\"}]}";

  /** A consumer of SQSEvent that bundles the events library, as a shaded build does. */
  private void deploySqsConsumer(String name) {
    deploy(
        name,
        fixtures
            .handlersOnly()
            .file("lib/aws-lambda-java-events.jar", fixtures.eventsJar())
            .file("lib/joda-time.jar", fixtures.jodaTimeJar())
            .bytes(),
        "com.example.SqsConsumer");
  }

  @Test
  void eventTypesComeFromThePackageAndAreDeserializedAsTheRuntimeDoes() {
    deploySqsConsumer("consumer");

    InvocationResult result = cloud.lambda().invoke("consumer", SQS_EVENT);

    // eventSourceARN reaches getEventSourceArn() only through the runtime's SQS mixin.
    assertThat(result.functionError()).as(result.payload()).isNull();
    assertThatJson(result.payload())
        .isEqualTo("\"m-1 arn:aws:sqs:us-east-1:000000000000:orders order 42\"");
  }

  @Test
  void eachEnvironmentDeserializesEventsWithItsOwnClasses() {
    deploySqsConsumer("consumer");

    cloud.lambda().invokeAsync("consumer", SQS_EVENT);
    cloud.lambda().invokeAsync("consumer", SQS_EVENT);
    cloud.runUntilIdle();

    assertThat(starts())
        .extracting(LambdaEvent.InvocationStarted::environmentId)
        .doesNotHaveDuplicates();
    assertThat(cloud.journal().events(LambdaEvent.InvocationFinished.class))
        .extracting(LambdaEvent.InvocationFinished::payload)
        .containsOnly("\"m-1 arn:aws:sqs:us-east-1:000000000000:orders order 42\"");
  }

  @Test
  void packagedEventHandlersLeaveClassPathHandlersUndisturbed() {
    // The serialization library caches event classes by name, JVM-wide: a package's copy must
    // not end up serving the test's own handlers.
    deploySqsConsumer("packaged");
    cloud.lambda().invoke("packaged", SQS_EVENT);
    cloud
        .lambda()
        .create(
            FunctionSpec.named("local")
                .handler(
                    com.amazonaws.services.lambda.runtime.events.SQSEvent.class,
                    (event, ctx) -> event.getRecords().get(0).getEventSourceArn()));

    assertThatJson(cloud.lambda().invoke("local", SQS_EVENT).payload())
        .isEqualTo("\"arn:aws:sqs:us-east-1:000000000000:orders\"");
  }

  @Test
  void eventTypesTheFunctionDoesNotBundleAreMissingAsOnAws() {
    // aws-lambda-java-events without its joda-time dependency: the runtime's serializer needs it.
    deploy(
        "consumer",
        fixtures
            .handlersOnly()
            .file("lib/aws-lambda-java-events.jar", fixtures.eventsJar())
            .bytes(),
        "com.example.SqsConsumer");

    InvocationResult result = cloud.lambda().invoke("consumer", SQS_EVENT);

    assertThatJson(result.payload())
        .isEqualTo(
            "{\"errorMessage\":\"java.lang.ClassNotFoundException: org.joda.time.DateTime\","
                + "\"errorType\":"
                + "\"com.amazonaws.services.lambda.runtime.serialization.util.ReflectUtil$ReflectException\"}");
  }

  // ---- one class loader per execution environment -----------------------------------------------

  @Test
  void staticsLiveAsLongAsTheirExecutionEnvironment() {
    deploy("counter", fixtures.handlersOnly().bytes(), "com.example.Counter");

    String first = cloud.lambda().invoke("counter", "{}").payload();
    String warm = cloud.lambda().invoke("counter", "{}").payload();
    cloud.lambda().forceColdStart("counter");
    String afterColdStart = cloud.lambda().invoke("counter", "{}").payload();

    assertThatJson(first).isEqualTo("\"calls=1 contextLoader=true\"");
    assertThatJson(warm).isEqualTo("\"calls=2 contextLoader=true\"");
    assertThatJson(afterColdStart).isEqualTo("\"calls=1 contextLoader=true\"");
    assertThat(starts())
        .extracting(LambdaEvent.InvocationStarted::coldStart)
        .containsExactly(true, false, true);
  }

  @Test
  void overlappingInvocationsRunInEnvironmentsWithTheirOwnStatics() {
    deploy("counter", fixtures.handlersOnly().bytes(), "com.example.Counter");

    cloud.lambda().invokeAsync("counter", "{}");
    cloud.lambda().invokeAsync("counter", "{}");
    cloud.runUntilIdle();

    assertThat(starts())
        .extracting(LambdaEvent.InvocationStarted::environmentId)
        .doesNotHaveDuplicates();
    assertThat(cloud.journal().events(LambdaEvent.InvocationFinished.class))
        .extracting(LambdaEvent.InvocationFinished::payload)
        .containsExactly("\"calls=1 contextLoader=true\"", "\"calls=1 contextLoader=true\"");
  }

  @Test
  void theTestsClassPathIsNotVisibleToPackagedCode() {
    // Jackson is on the test's class path, which the Lambda runtime does not have.
    deploy("jackson", fixtures.handlersOnly().bytes(), "com.example.UsesJackson");

    InvocationResult result = cloud.lambda().invoke("jackson", "{}");

    assertThat(result.functionError()).isEqualTo("Unhandled");
    assertThatJson(result.payload())
        .inPath("errorType")
        .isEqualTo("java.lang.NoClassDefFoundError");
    assertThatJson(result.payload())
        .inPath("errorMessage")
        .isEqualTo("com/fasterxml/jackson/databind/ObjectMapper");
  }

  // ---- failures, as the Java runtime reports them -----------------------------------------------

  @Test
  void aClassNotFoundFailsEveryInvocationWithTheRuntimesMessage() {
    deploy("missing", fixtures.handlersOnly().bytes(), "com.example.Missing");

    InvocationResult first = cloud.lambda().invoke("missing", "{}");
    InvocationResult second = cloud.lambda().invoke("missing", "{}");

    assertThat(first.functionError()).isEqualTo("Unhandled");
    assertThatJson(first.payload())
        .isEqualTo(
            "{\"errorMessage\":\"Class not found: com.example.Missing\","
                + "\"errorType\":\"java.lang.ClassNotFoundException\"}");
    assertThat(second.payload()).isEqualTo(first.payload());
    // Init succeeds: the runtime reports the missing class on each invocation, without exiting.
    assertThat(starts())
        .extracting(LambdaEvent.InvocationStarted::coldStart)
        .containsExactly(true, false);
  }

  @Test
  void aMissingDependencyUsedByTheHandlerFailsTheInvocation() {
    deploy("greet", fixtures.handlersOnly().bytes(), "com.example.UsesGreeter");

    InvocationResult result = cloud.lambda().invoke("greet", "{\"name\":\"Ada\"}");

    assertThat(result.functionError()).isEqualTo("Unhandled");
    assertThatJson(result.payload())
        .inPath("errorType")
        .isEqualTo("java.lang.NoClassDefFoundError");
    assertThatJson(result.payload()).inPath("errorMessage").isEqualTo("com/example/dep/Greeter");
    assertThatJson(result.payload())
        .inPath("stackTrace[0]")
        .asString()
        .startsWith("com.example.UsesGreeter.handleRequest(");
  }

  @Test
  void aMissingDependencyOfAStaticInitialiserFailsTheFirstInvocationAndEndsTheRuntime() {
    deploy("static", fixtures.handlersOnly().bytes(), "com.example.StaticGreeting");

    InvocationResult first = cloud.lambda().invoke("static", "{}");
    cloud.lambda().invoke("static", "{}");

    assertThatJson(first.payload())
        .isEqualTo(
            "{\"errorMessage\":\"Error loading class com.example.StaticGreeting:"
                + " com/example/dep/Greeter\",\"errorType\":\"java.lang.NoClassDefFoundError\"}");
    // The runtime exits after reporting it: the next invocation initialises again.
    assertThat(starts())
        .extracting(LambdaEvent.InvocationStarted::coldStart)
        .containsExactly(true, true);
  }

  @Test
  void aMissingDependencyOfTheConstructorFailsInit() {
    deploy("constructor", fixtures.handlersOnly().bytes(), "com.example.ConstructorGreeting");

    InvocationResult result = cloud.lambda().invoke("constructor", "{}");

    assertThatJson(result.payload())
        .isEqualTo(
            "{\"errorMessage\":\"com/example/dep/Greeter\","
                + "\"errorType\":\"java.lang.NoClassDefFoundError\"}");
  }

  @Test
  void aStaticInitialiserThatThrowsFailsInit() {
    deploy("failing", fixtures.handlersOnly().bytes(), "com.example.FailingStatic");

    InvocationResult result = cloud.lambda().invoke("failing", "{}");

    assertThatJson(result.payload())
        .isEqualTo(
            "{\"errorMessage\":\"Error loading class com.example.FailingStatic\","
                + "\"errorType\":\"java.lang.ExceptionInInitializerError\"}");
  }

  @Test
  void aMethodThatDoesNotExistIsReportedWithoutAnErrorType() {
    deploy("nope", fixtures.handlersOnly().bytes(), "com.example.Methods::nope");

    InvocationResult result = cloud.lambda().invoke("nope", "{}");

    assertThatJson(result.payload())
        .isEqualTo(
            "{\"errorMessage\":\"No public method named nope with appropriate method signature"
                + " found on class com.example.Methods\"}");
  }

  @Test
  void aHandlerStringWithAnEmptyMethodIsAnInvalidHandler() {
    deploy("bad", fixtures.handlersOnly().bytes(), "com.example.Hello::");

    assertThatJson(cloud.lambda().invoke("bad", "{}").payload())
        .isEqualTo("{\"errorMessage\":\"Invalid handler: `com.example.Hello::'\"}");
  }

  @Test
  void aClassThatIsNoHandlerIsRefusedAsTheRuntimeRefusesIt() {
    // Greeter implements neither RequestHandler nor RequestStreamHandler.
    deploy("greeter", fixtures.handlersWithGreeter().bytes(), "com.example.dep.Greeter");

    assertThatJson(cloud.lambda().invoke("greeter", "{}").payload())
        .isEqualTo(
            "{\"errorMessage\":\"Class does not implement an appropriate handler interface:"
                + " com.example.dep.Greeter\"}");
  }

  @Test
  void aHandlerStringWithWhiteSpaceIsRefusedByTheApi() {
    assertThatThrownBy(() -> FunctionCode.zip(new byte[] {1}, "com.example.Hello handle"))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("ValidationException"))
        .hasMessage(
            "1 validation error detected: Value 'com.example.Hello handle' at 'handler' failed to"
                + " satisfy constraint: Member must satisfy regular expression pattern: [^\\s]+");
  }

  @Test
  void somethingThatIsNotAZipIsRefused() {
    assertThatThrownBy(() -> deploy("junk", "not a zip".getBytes(), "com.example.Hello"))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("InvalidParameterValueException"))
        .hasMessage(
            "Could not unzip uploaded file. Please check your file, then try to upload again.");
  }

  @Test
  void updatingTheCodeLoadsTheNewPackageInNewEnvironments() {
    deploy("greet", fixtures.handlersWithGreeter().bytes(), "com.example.UsesGreeter");
    cloud.lambda().invoke("greet", "{\"name\":\"Ada\"}");

    cloud
        .lambda()
        .updateFunctionCode(
            "greet",
            FunctionCode.zip(
                fixtures.handlersOnly().file("lib/greeter.jar", fixtures.greeter2Jar()).bytes(),
                "com.example.UsesGreeter"));

    assertThatJson(cloud.lambda().invoke("greet", "{\"name\":\"Ada\"}").payload())
        .isEqualTo("\"Howdy, Ada\"");
  }

  // ---- code in S3 -------------------------------------------------------------------------------

  @Test
  void codeInABucketOfTheFunctionsRegionIsCopiedWhenTheFunctionIsCreated() {
    cloud.s3().createBucket("artifacts");
    cloud.s3().putObject("artifacts", "hello.zip", fixtures.handlersOnly().bytes());

    cloud
        .lambda()
        .create(
            FunctionSpec.named("hello")
                .code(FunctionCode.s3("artifacts", "hello.zip", "com.example.Hello")));
    // Lambda keeps its copy: the object changing later changes nothing.
    cloud.s3().putObject("artifacts", "hello.zip", "something else");

    assertThatJson(cloud.lambda().invoke("hello", "{\"name\":\"Ada\"}").payload())
        .isEqualTo("\"Hello, Ada from hello\"");
    assertThat(cloud.journal().events(S3Event.ObjectRead.class))
        .extracting(S3Event.ObjectRead::operation, S3Event.ObjectRead::key)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("GetObject", "hello.zip"));
  }

  @Test
  void codeInABucketOfAnotherRegionIsRefusedWithS3sRedirect() {
    cloud.s3().createBucket("artifacts-west", "us-west-2");
    cloud.s3().putObject("artifacts-west", "hello.zip", fixtures.handlersOnly().bytes());

    assertThatThrownBy(
            () ->
                cloud
                    .lambda()
                    .create(
                        FunctionSpec.named("hello")
                            .code(
                                FunctionCode.s3(
                                    "artifacts-west", "hello.zip", "com.example.Hello"))))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.errorCode()).isEqualTo("InvalidParameterValueException");
            })
        .hasMessage(
            "Error occurred while GetObject. S3 Error Code: PermanentRedirect. S3 Error Message:"
                + " The bucket is in this region: us-west-2. Please use this region to retry the"
                + " request");
    assertThat(cloud.lambda().findFunction("hello")).isEmpty();
  }

  @Test
  void aMissingObjectOrBucketIsReportedWithS3sErrorCode() {
    cloud.s3().createBucket("artifacts");

    assertThatThrownBy(
            () ->
                cloud
                    .lambda()
                    .create(
                        FunctionSpec.named("hello")
                            .code(FunctionCode.s3("artifacts", "nope.zip", "com.example.Hello"))))
        .hasMessage(
            "Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The"
                + " specified key does not exist.");
    assertThatThrownBy(
            () ->
                cloud
                    .lambda()
                    .create(
                        FunctionSpec.named("hello")
                            .code(
                                FunctionCode.s3(
                                    "no-such-bucket", "hello.zip", "com.example.Hello"))))
        .hasMessage(
            "Error occurred while GetObject. S3 Error Code: NoSuchBucket. S3 Error Message: The"
                + " specified bucket does not exist");
  }
}
