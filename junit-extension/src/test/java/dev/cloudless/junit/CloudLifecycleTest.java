package dev.cloudless.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.THROWABLE;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.sqs.Message;
import dev.cloudless.fakes.sqs.Queue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class CloudLifecycleTest {

  private static final Namespace HANDOVER = Namespace.create(CloudLifecycleTest.class);

  @Test
  void eachTestGetsAFreshCloudThatIsClosedWhenTheTestEnds() {
    EngineExecutionResults results = TestKit.run(FreshCloudPerTest.class);

    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    results.containerEvents().assertStatistics(stats -> stats.failed(0));
    assertThat(TestKit.entries(results, "checked")).containsExactly("2 distinct clouds, closed");
  }

  @Fixture
  @CloudlessTest
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class FreshCloudPerTest {
    private final List<FakeCloud> clouds = new ArrayList<>();

    @Test
    @Order(1)
    void first(FakeCloud cloud) {
      cloud.sqs().createQueue("left-by-first");
      clouds.add(cloud);
    }

    @Test
    @Order(2)
    void second(FakeCloud cloud) {
      assertThat(cloud).isNotSameAs(clouds.get(0));
      assertThat(cloud.sqs().queues()).isEmpty();
      assertThatThrownBy(() -> clouds.get(0).lambda()).isInstanceOf(IllegalStateException.class);
      clouds.add(cloud);
    }

    @AfterAll
    void allClosed(TestReporter reporter) {
      assertThat(clouds).hasSize(2).doesNotHaveDuplicates();
      for (FakeCloud cloud : clouds) {
        assertThatThrownBy(cloud::sqs).isInstanceOf(IllegalStateException.class);
      }
      reporter.publishEntry("checked", "2 distinct clouds, closed");
    }
  }

  @Test
  void constructorBeforeEachAndTestMethodShareTheTestsCloud() {
    EngineExecutionResults results = TestKit.run(OneCloudPerTestEverywhere.class);

    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @Fixture
  @CloudlessTest
  static class OneCloudPerTestEverywhere {
    private final FakeCloud fromConstructor;
    private FakeCloud fromBeforeEach;

    OneCloudPerTestEverywhere(FakeCloud cloud) {
      this.fromConstructor = cloud;
    }

    @BeforeEach
    void setUp(FakeCloud cloud) {
      this.fromBeforeEach = cloud;
    }

    @Test
    void test(FakeCloud cloud) {
      assertThat(fromConstructor).isSameAs(fromBeforeEach).isSameAs(cloud);
    }
  }

  @Test
  void perClassCloudIsSharedSetUpOnceAndClosedAfterTheClass() {
    EngineExecutionResults results =
        TestKit.run(SharedCloudPerClass.class, SharedCloudClosedAfterItsClass.class);

    results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
    results.containerEvents().assertStatistics(stats -> stats.failed(0));
  }

  @Fixture
  @Order(1)
  @ExtendWith(ExtensionContextParameter.class)
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class SharedCloudPerClass {
    @RegisterExtension
    static final CloudlessExtension cloudless =
        CloudlessExtension.builder()
            .perClass()
            .setUp(cloud -> cloud.sqs().createQueue("orders").send("from set-up"))
            .build();

    private FakeCloud fromBeforeAll;

    @BeforeAll
    void remember(FakeCloud cloud, ExtensionContext context) {
      fromBeforeAll = cloud;
      context.getRoot().getStore(HANDOVER).put("shared", new AtomicReference<>(cloud));
    }

    @Test
    @Order(1)
    void first(FakeCloud cloud, @CloudResource("orders") Queue orders) {
      assertThat(cloud).isSameAs(fromBeforeAll);
      orders.send("from first");
    }

    @Test
    @Order(2)
    void second(FakeCloud cloud, @CloudResource("orders") Queue orders) {
      assertThat(cloud).isSameAs(fromBeforeAll);
      assertThat(orders.peek())
          .extracting(Message::body)
          .containsExactly("from set-up", "from first");
    }

    @AfterAll
    void stillOpenUntilTheClassEnds() {
      assertThat(fromBeforeAll.sqs().queues()).hasSize(1);
    }
  }

  @Fixture
  @Order(2)
  @ExtendWith(ExtensionContextParameter.class)
  static class SharedCloudClosedAfterItsClass {
    @Test
    @SuppressWarnings("unchecked")
    void closed(ExtensionContext context) {
      FakeCloud shared =
          ((AtomicReference<FakeCloud>) context.getRoot().getStore(HANDOVER).get("shared")).get();
      assertThatThrownBy(shared::lambda).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void nestedClassesShareTheirEnclosingClassesPerClassCloud() {
    EngineExecutionResults results = TestKit.run(PerClassWithNested.class);

    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
  }

  @Fixture
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class PerClassWithNested {
    @RegisterExtension
    static final CloudlessExtension cloudless = CloudlessExtension.builder().perClass().build();

    FakeCloud outer;

    @BeforeAll
    void remember(FakeCloud cloud) {
      outer = cloud;
    }

    @Test
    void outerTest(FakeCloud cloud) {
      assertThat(cloud).isSameAs(outer);
    }

    @Nested
    class Inner {
      @Test
      void innerTest(FakeCloud cloud) {
        assertThat(cloud).isSameAs(outer);
      }
    }
  }

  @Test
  void aFailingSetUpStepFailsTheTestWithItsOwnException() {
    EngineExecutionResults results = TestKit.run(SetUpThrows.class);

    assertThat(TestKit.failures(results))
        .singleElement(THROWABLE)
        .isInstanceOf(IOException.class)
        .hasMessage("disk full");
  }

  @Fixture
  static class SetUpThrows {
    @RegisterExtension
    static final CloudlessExtension cloudless =
        CloudlessExtension.builder()
            .setUp(
                cloud -> {
                  throw new IOException("disk full");
                })
            .build();

    @Test
    void test() {}
  }

  @Test
  void annotationAndRegisteredFieldTogetherMakeOneCloud() {
    EngineExecutionResults results = TestKit.run(AnnotationAndField.class);

    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @Fixture
  @CloudlessTest(region = "eu-west-1")
  static class AnnotationAndField {
    @RegisterExtension
    static final CloudlessExtension cloudless =
        CloudlessExtension.builder().setUp(cloud -> cloud.sqs().createQueue("orders")).build();

    @Test
    void test(FakeCloud cloud) {
      assertThat(cloud.sqs().findQueue("orders")).isPresent();
      assertThat(cloud.region()).isEqualTo("eu-west-1");
    }
  }

  @Test
  void twoRegisteredExtensionsAreRefused() {
    EngineExecutionResults results = TestKit.run(TwoFields.class);

    assertThat(TestKit.failures(results.containerEvents()))
        .singleElement(THROWABLE)
        .satisfies(
            failure ->
                assertThat(failure)
                    .hasMessageContaining("Two CloudlessExtension instances are registered")
                    .hasMessageContaining("TwoFields"));
  }

  @Fixture
  static class TwoFields {
    @RegisterExtension static final CloudlessExtension one = CloudlessExtension.builder().build();

    @RegisterExtension static final CloudlessExtension two = CloudlessExtension.builder().build();

    @Test
    void test() {}
  }
}
