package dev.cloudless.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.THROWABLE;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.apigateway.FakeApiGateway;
import dev.cloudless.fakes.apigateway.HttpApi;
import dev.cloudless.fakes.apigateway.HttpApiSpec;
import dev.cloudless.fakes.apigateway.RestApi;
import dev.cloudless.fakes.apigateway.RestApiSpec;
import dev.cloudless.fakes.apigateway.WebSocketApi;
import dev.cloudless.fakes.apigateway.WebSocketApiSpec;
import dev.cloudless.fakes.clock.VirtualClock;
import dev.cloudless.fakes.faults.FaultPlan;
import dev.cloudless.fakes.journal.Journal;
import dev.cloudless.fakes.lambda.FakeLambda;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.lambda.LambdaFunction;
import dev.cloudless.fakes.sns.FakeSns;
import dev.cloudless.fakes.sns.Topic;
import dev.cloudless.fakes.sqs.FakeSqs;
import dev.cloudless.fakes.sqs.Message;
import dev.cloudless.fakes.sqs.Queue;
import dev.cloudless.fakes.stepfunctions.FakeStepFunctions;
import dev.cloudless.fakes.stepfunctions.StateMachine;
import dev.cloudless.fakes.stepfunctions.StateMachineSpec;
import dev.cloudless.trace.TraceRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class ParameterInjectionTest {

  @Test
  void injectsTheCloudAndEachOfItsParts() {
    EngineExecutionResults results = TestKit.run(EveryPart.class);

    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @Fixture
  @CloudlessTest
  static class EveryPart {
    @Test
    void test(
        FakeCloud cloud,
        FakeLambda lambda,
        FakeSqs sqs,
        FakeSns sns,
        FakeApiGateway apiGateway,
        FakeStepFunctions stepFunctions,
        VirtualClock clock,
        FaultPlan faults,
        Journal journal,
        TraceRecorder traces) {
      assertThat(lambda).isSameAs(cloud.lambda());
      assertThat(sqs).isSameAs(cloud.sqs());
      assertThat(sns).isSameAs(cloud.sns());
      assertThat(apiGateway).isSameAs(cloud.apiGateway());
      assertThat(stepFunctions).isSameAs(cloud.stepFunctions());
      assertThat(clock).isSameAs(cloud.clock());
      assertThat(faults).isSameAs(cloud.faults());
      assertThat(journal).isSameAs(cloud.journal());
      assertThat(traces).isSameAs(cloud.traces());
    }
  }

  @Test
  void leavesParametersOfOtherTypesToTheirOwnResolvers() {
    EngineExecutionResults results = TestKit.run(AlongsideJUnitsOwn.class);

    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @Fixture
  @CloudlessTest
  static class AlongsideJUnitsOwn {
    @Test
    void test(TestInfo info, FakeCloud cloud, @TempDir Path dir) {
      assertThat(info.getTestMethod()).isPresent();
      assertThat(Files.isDirectory(dir)).isTrue();
      assertThat(cloud).isNotNull();
    }
  }

  @Test
  void aParameterNoResolverTakesGetsJUnitsOwnMessage() {
    EngineExecutionResults results = TestKit.run(UnrelatedParameter.class);

    assertThat(TestKit.failures(results))
        .singleElement(THROWABLE)
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("No ParameterResolver registered for parameter [java.lang.String");
  }

  @Fixture
  @CloudlessTest
  static class UnrelatedParameter {
    @Test
    void test(String unresolvable) {}
  }

  @Test
  void refusesCloudlessTypesItCannotGiveAndSaysWhatItCan() {
    EngineExecutionResults results = TestKit.run(UnsupportedCloudlessType.class);

    assertThat(TestKit.failures(results))
        .singleElement(THROWABLE)
        .satisfies(
            failure -> {
              assertThat(failure).isInstanceOf(ParameterResolutionException.class);
              assertThat(failure.getCause())
                  .isInstanceOf(ExtensionConfigurationException.class)
                  .hasMessageContaining(
                      "Cloudless cannot inject parameter [Message message] of"
                          + " ParameterInjectionTest$UnsupportedCloudlessType.test()")
                  .hasMessageContaining("dev.cloudless.fakes.sqs.Message is not something")
                  .hasMessageContaining(
                      "Cloudless can inject FakeCloud, FakeLambda, FakeSqs, FakeSns,"
                          + " FakeApiGateway, FakeStepFunctions, VirtualClock, FaultPlan, Journal,"
                          + " TraceRecorder, and by name with @CloudResource(\"name\"): Queue,"
                          + " Topic, StateMachine, LambdaFunction, RestApi, HttpApi, WebSocketApi.");
            });
  }

  @Fixture
  @CloudlessTest
  static class UnsupportedCloudlessType {
    @Test
    void test(Message message) {}
  }

  @Test
  void aQueueWithoutCloudResourceIsRefusedWithAHint() {
    EngineExecutionResults results = TestKit.run(QueueWithoutName.class);

    assertThat(TestKit.failures(results))
        .singleElement(THROWABLE)
        .extracting(Throwable::getCause)
        .isInstanceOf(ExtensionConfigurationException.class)
        .extracting(Throwable::getMessage)
        .asString()
        .contains("parameter [Queue orders]", "A Queue needs @CloudResource(\"its name\")");
  }

  @Fixture
  @CloudlessTest
  static class QueueWithoutName {
    @Test
    void test(Queue orders) {}
  }

  @Test
  void injectsNamedResourcesCreatedInSetUp() {
    EngineExecutionResults results = TestKit.run(NamedResources.class);

    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
  }

  @Fixture
  static class NamedResources {
    @RegisterExtension
    static final CloudlessExtension cloudless =
        CloudlessExtension.builder()
            .setUp(
                cloud -> {
                  cloud.sqs().createQueue("orders");
                  cloud.sns().createTopic("order-events");
                  cloud
                      .stepFunctions()
                      .createStateMachine(
                          StateMachineSpec.named("checkout")
                              .definition(
                                  "{\"StartAt\": \"Done\", \"States\": {\"Done\":"
                                      + " {\"Type\": \"Succeed\"}}}"));
                  cloud
                      .lambda()
                      .create(
                          FunctionSpec.named("charge")
                              .handler(String.class, (in, context) -> "charged"));
                })
            .build();

    @Test
    void byName(
        FakeCloud cloud,
        @CloudResource("orders") Queue orders,
        @CloudResource("order-events") Topic events,
        @CloudResource("checkout") StateMachine checkout,
        @CloudResource("charge") LambdaFunction charge) {
      assertThat(checkout.arn()).isEqualTo(cloud.stepFunctions().stateMachine("checkout").arn());
      assertThat(orders).isSameAs(cloud.sqs().queue("orders"));
      assertThat(events.arn()).isEqualTo(cloud.sns().topic("order-events").arn());
      assertThat(charge.name()).isEqualTo("charge");
    }

    @Test
    void byParameterName(@CloudResource Queue orders, @CloudResource LambdaFunction charge) {
      assertThat(orders.name()).isEqualTo("orders");
      assertThat(charge.name()).isEqualTo("charge");
    }
  }

  @Test
  void aResourceCreatedInBeforeEachCanBeInjectedIntoTheTest() {
    EngineExecutionResults results = TestKit.run(ResourceFromBeforeEach.class);

    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @Fixture
  @CloudlessTest
  static class ResourceFromBeforeEach {
    @BeforeEach
    void createQueue(FakeSqs sqs) {
      sqs.createQueue("payments");
    }

    @Test
    void test(@CloudResource("payments") Queue payments) {
      assertThat(payments.name()).isEqualTo("payments");
    }
  }

  @Test
  void aMissingResourceNamesTheParameterTheNameAndWhatExists() {
    EngineExecutionResults results = TestKit.run(MissingResources.class);

    assertThat(TestKit.failures(results))
        .extracting(Throwable::getCause)
        .allSatisfy(cause -> assertThat(cause).isInstanceOf(ExtensionConfigurationException.class))
        .extracting(Throwable::getMessage)
        .containsExactlyInAnyOrder(
            "Cloudless cannot inject parameter [Queue payments] of"
                + " ParameterInjectionTest$MissingResources.missingQueue(): @CloudResource(\"payments\")"
                + " names no queue in this test's cloud. Existing queues: [orders, orders-dlq]."
                + " Create it in CloudlessExtension.builder().setUp(...), or in a @BeforeEach"
                + " method for a test method's parameter.",
            "Cloudless cannot inject parameter [LambdaFunction charge] of"
                + " ParameterInjectionTest$MissingResources.missingFunction():"
                + " @CloudResource(\"charge\") names no function in this test's cloud. Existing"
                + " functions: none. Create it in CloudlessExtension.builder().setUp(...), or in a"
                + " @BeforeEach method for a test method's parameter.");
  }

  @Fixture
  static class MissingResources {
    @RegisterExtension
    static final CloudlessExtension cloudless =
        CloudlessExtension.builder()
            .setUp(
                cloud -> {
                  cloud.sqs().createQueue("orders");
                  cloud.sqs().createQueue("orders-dlq");
                })
            .build();

    @Test
    void missingQueue(@CloudResource("payments") Queue payments) {}

    @Test
    void missingFunction(@CloudResource("charge") LambdaFunction charge) {}
  }

  @Test
  void theApiGatewayAndItsApisAreInjectedByNameOrId() {
    EngineExecutionResults results = TestKit.run(NamedApis.class);

    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @Fixture
  static class NamedApis {
    @RegisterExtension
    static final CloudlessExtension cloudless =
        CloudlessExtension.builder()
            .setUp(
                cloud -> {
                  cloud.apiGateway().createRestApi(RestApiSpec.named("orders"));
                  cloud.apiGateway().createHttpApi(HttpApiSpec.named("shop"));
                  cloud.apiGateway().createWebSocketApi(WebSocketApiSpec.named("chat"));
                })
            .build();

    @Test
    void test(
        FakeApiGateway apiGateway,
        @CloudResource("orders") RestApi orders,
        @CloudResource("shop") HttpApi shop,
        @CloudResource WebSocketApi chat) {
      assertThat(orders).isSameAs(apiGateway.restApis().get(0));
      assertThat(shop.name()).isEqualTo("shop");
      assertThat(chat.id()).isEqualTo(apiGateway.webSocketApis().get(0).id());
    }
  }

  @Test
  void anApiNameSharedByTwoApisIsRefusedAndAMissingOneListsTheOthers() {
    EngineExecutionResults results = TestKit.run(AmbiguousApis.class);

    assertThat(TestKit.failures(results))
        .extracting(f -> f.getCause().getMessage())
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("@CloudResource(\"orders\") names 2 REST APIs, with ids")
                    .contains("give the id instead"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("@CloudResource(\"billing\") names no REST API")
                    .contains("Existing REST APIs: [orders ("));
  }

  @Fixture
  static class AmbiguousApis {
    @RegisterExtension
    static final CloudlessExtension cloudless =
        CloudlessExtension.builder()
            .setUp(
                cloud -> {
                  cloud.apiGateway().createRestApi(RestApiSpec.named("orders"));
                  cloud.apiGateway().createRestApi(RestApiSpec.named("orders"));
                })
            .build();

    @Test
    void ambiguous(@CloudResource("orders") RestApi orders) {}

    @Test
    void missing(@CloudResource("billing") RestApi billing) {}
  }

  @Test
  void cloudResourceOnAnotherTypeIsRefused() {
    EngineExecutionResults results = TestKit.run(CloudResourceOnString.class);

    assertThat(TestKit.failures(results))
        .singleElement(THROWABLE)
        .extracting(Throwable::getCause)
        .isInstanceOf(ExtensionConfigurationException.class)
        .extracting(Throwable::getMessage)
        .asString()
        .contains(
            "parameter [String orders]",
            "@CloudResource looks up a Queue, Topic, StateMachine, LambdaFunction, RestApi,"
                + " HttpApi or WebSocketApi by name, not a String");
  }

  @Fixture
  @CloudlessTest
  static class CloudResourceOnString {
    @Test
    void test(@CloudResource("orders") String orders) {}
  }

  @Test
  void aPerTestCloudIsRefusedToBeforeAllAndSaysHowToShareOne() {
    EngineExecutionResults results = TestKit.run(PerTestCloudInBeforeAll.class);

    assertThat(TestKit.failures(results.containerEvents()))
        .singleElement(THROWABLE)
        .extracting(Throwable::getCause)
        .isInstanceOf(ExtensionConfigurationException.class)
        .extracting(Throwable::getMessage)
        .asString()
        .contains(
            "parameter [FakeCloud cloud] of ParameterInjectionTest$PerTestCloudInBeforeAll.setUp()",
            "@BeforeAll",
            "CloudlessExtension.builder().perClass()");
  }

  @Fixture
  @CloudlessTest
  static class PerTestCloudInBeforeAll {
    @BeforeAll
    static void setUp(FakeCloud cloud) {}

    @Test
    void test() {}
  }
}
