package dev.cloudless.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.clock.TimeMode;
import dev.cloudless.junit.CloudSettings.Layer;
import dev.cloudless.junit.CloudSettings.Setting;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * The JUnit Jupiter extension behind {@link CloudlessTest}: it makes a {@link FakeCloud} per test
 * (or per class), injects it and its parts as parameters, closes it afterwards, and adds its
 * diagnostics to the report of a test that fails.
 *
 * <p>Register it in a static field for set-up shared by a class:
 *
 * <pre>{@code
 * class CheckoutTest {
 *
 *   @RegisterExtension
 *   static CloudlessExtension cloudless = CloudlessExtension.builder()
 *       .region("eu-west-1")
 *       .seed(42)
 *       .setUp(cloud -> {
 *         cloud.sqs().createQueue("orders");
 *         cloud.lambda().create(FunctionSpec.named("charge").handler(new ChargeHandler()));
 *       })
 *       .build();
 *
 *   @Test
 *   void chargesAnOrder(FakeCloud cloud, @CloudResource("orders") Queue orders) { ... }
 * }
 * }</pre>
 *
 * <p><b>Parameters.</b> {@link FakeCloud}, {@link dev.cloudless.fakes.lambda.FakeLambda}, {@link
 * dev.cloudless.fakes.sqs.FakeSqs}, {@link dev.cloudless.fakes.sns.FakeSns}, {@link
 * dev.cloudless.fakes.apigateway.FakeApiGateway}, {@link dev.cloudless.fakes.clock.VirtualClock},
 * {@link dev.cloudless.fakes.faults.FaultPlan}, {@link dev.cloudless.fakes.journal.Journal} and
 * {@link dev.cloudless.trace.TraceRecorder} can be injected into test, lifecycle and constructor
 * parameters; queues, topics, functions and APIs (REST, HTTP, WebSocket) by name with {@link
 * CloudResource}. A parameter of any other {@code dev.cloudless} type fails with an {@link
 * ExtensionConfigurationException}; parameters of other types are left to other resolvers.
 *
 * <p><b>Settings.</b> Each setting is taken from the first of: the builder; {@code @CloudlessTest}
 * on the test method, then on the class (and the classes enclosing a {@code @Nested} one); the
 * configuration parameters {@code cloudless.region}, {@code cloudless.account-id}, {@code
 * cloudless.seed} and {@code cloudless.time-mode} (from {@code junit-platform.properties}, system
 * properties or the launcher); {@link FakeCloud}'s defaults. {@code cloudless.seed=random} draws a
 * fresh seed for each cloud and prints it when a test fails. A bad value fails with an {@link
 * ExtensionConfigurationException} naming where it was set, the value and what is allowed.
 *
 * <p><b>Failures.</b> When a test, or one of its {@code @BeforeEach}/{@code @AfterEach} methods,
 * fails, the cloud's {@link FakeCloud#diagnostics() diagnostics} (the seed, the faults that fired,
 * the journal and the trace timeline) are added to the failure as a suppressed exception, published
 * as the report entries {@code cloudless.seed} and {@code cloudless.diagnostics}, and written to
 * {@code <dir>/<test class>/<test method>.txt}, where {@code <dir>} is the configuration parameter
 * or system property {@code cloudless.reports-dir}, by default {@code target/cloudless-reports}. A
 * file that cannot be written is noted, never a new failure.
 *
 * <p><b>Lifetime.</b> The extension object holds configuration only. Every cloud lives in JUnit's
 * {@link ExtensionContext.Store} of the test (or class) it belongs to, and JUnit closes it when
 * that test (or class) is done, so tests can run in parallel, each with its own cloud. With {@link
 * Builder#perClass()} the tests of a class, and of its {@code @Nested} classes, share one cloud:
 * run them in one thread if they must not see each other's work.
 *
 * <p>Register one {@code CloudlessExtension} per test class. With both a registered field and
 * {@code @CloudlessTest}, the field's extension does the work and the annotation's attributes fill
 * in what its builder left unset.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CloudlessExtension
    implements BeforeAllCallback,
        BeforeEachCallback,
        ParameterResolver,
        TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

  private static final Namespace NAMESPACE = Namespace.create(CloudlessExtension.class);
  private static final String CLASS_CLOUD = "class-cloud";
  private static final String TEST_CLOUD = "test-cloud";
  private static final String REGISTERED = "registered-extension";

  private enum Scope {
    PER_TEST,
    PER_CLASS
  }

  /** A root-store key: whether a test class registers a CloudlessExtension in a field. */
  private record FieldLookup(Class<?> testClass) {}

  private final boolean declarative;
  private final Scope scope;
  private final Layer settings;
  private final List<ThrowingConsumer<FakeCloud>> setUp;

  /**
   * The extension as {@link CloudlessTest} registers it: a cloud per test, settings from the
   * annotation and configuration parameters. Write {@code @CloudlessTest} rather than calling this.
   */
  public CloudlessExtension() {
    this(true, Scope.PER_TEST, Layer.EMPTY, List.of());
  }

  private CloudlessExtension(
      boolean declarative, Scope scope, Layer settings, List<ThrowingConsumer<FakeCloud>> setUp) {
    this.declarative = declarative;
    this.scope = scope;
    this.settings = settings;
    this.setUp = List.copyOf(setUp);
  }

  /**
   * A builder for an extension to register in a static field:
   *
   * <pre>{@code
   * @RegisterExtension
   * static CloudlessExtension cloudless =
   *     CloudlessExtension.builder().seed(42).perClass().setUp(cloud -> ...).build();
   * }</pre>
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!active(context)) {
      return;
    }
    checkSingleRegistration(context);
    if (scope == Scope.PER_CLASS) {
      classCloud(context);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!active(context)) {
      return;
    }
    checkSingleRegistration(context);
    if (scope == Scope.PER_TEST) {
      testCloud(context);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return active(context) && CloudParameters.supports(parameter);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    FakeCloud cloud;
    if (scope == Scope.PER_CLASS) {
      cloud = classCloud(context).cloud();
    } else if (context.getTestMethod().isPresent()) {
      cloud = testCloud(context).cloud();
    } else {
      throw new ExtensionConfigurationException(
          "Cloudless cannot inject "
              + CloudParameters.describe(parameter)
              + ": it runs outside any single test (a @BeforeAll or @AfterAll method, or the"
              + " constructor of a PER_CLASS test instance), and this CloudlessExtension makes a"
              + " fresh cloud per test. Take the parameter in a @BeforeEach or test method, or"
              + " share one cloud across the class with CloudlessExtension.builder().perClass().");
    }
    return CloudParameters.resolve(parameter, cloud);
  }

  /**
   * Resolves constructor parameters in the test method's context when JUnit makes an instance per
   * test, so that the constructor gets the same cloud as the test.
   */
  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(
      ExtensionContext rootContext) {
    return ExtensionContextScope.TEST_METHOD;
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw describe(context, failure, FailureReport.testFileStem(context));
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw describe(context, failure, "beforeAll");
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw describe(context, failure, FailureReport.testFileStem(context));
  }

  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw describe(context, failure, FailureReport.testFileStem(context));
  }

  @Override
  public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw describe(context, failure, "afterAll");
  }

  @Override
  public String toString() {
    return "CloudlessExtension["
        + (declarative ? "@CloudlessTest" : "builder")
        + ", "
        + (scope == Scope.PER_CLASS ? "perClass" : "perTest")
        + "]";
  }

  /** Adds the diagnostics of the cloud in play, if any, and returns the failure to rethrow. */
  private Throwable describe(ExtensionContext context, Throwable failure, String fileStem) {
    // An aborted test did not fail; a JUnitException (an unresolvable parameter, a bad setting) is
    // about the test's set-up, which the cloud's journal cannot explain.
    if (active(context)
        && !(failure instanceof TestAbortedException)
        && !(failure instanceof JUnitException)) {
      findCloud(context)
          .ifPresent(stored -> FailureReport.attach(context, stored, failure, fileStem));
    }
    return failure;
  }

  private Optional<StoredCloud> findCloud(ExtensionContext context) {
    try {
      ExtensionContext.Store store = context.getStore(NAMESPACE);
      StoredCloud stored = store.get(TEST_CLOUD, StoredCloud.class);
      return Optional.ofNullable(
          stored != null ? stored : store.get(CLASS_CLOUD, StoredCloud.class));
    } catch (RuntimeException e) {
      // The cloud could not be made (a bad setting): that failure is already the test's own.
      return Optional.empty();
    }
  }

  /** The cloud of the test running in {@code context}: made on first use, closed by JUnit. */
  private StoredCloud testCloud(ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(TEST_CLOUD, key -> create(context, true), StoredCloud.class);
  }

  /**
   * The cloud of the class running in {@code context}. A {@code @Nested} class finds its enclosing
   * class's cloud, since JUnit looks up a store's parents.
   */
  private StoredCloud classCloud(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    ExtensionContext owner = classContext;
    return owner
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(CLASS_CLOUD, key -> create(owner, false), StoredCloud.class);
  }

  private StoredCloud create(ExtensionContext context, boolean forTest) {
    Layer layer =
        settings
            .over(annotationSettings(context, forTest))
            .over(CloudSettings.fromConfiguration(context));
    CloudSettings.Configured configured = CloudSettings.configure(layer);
    StoredCloud stored = new StoredCloud(configured.builder().build(), configured.randomSeed());
    try {
      for (ThrowingConsumer<FakeCloud> step : setUp) {
        step.accept(stored.cloud());
      }
    } catch (Throwable t) {
      // Not yet in the store, so JUnit would not close it.
      stored.close();
      throw Sneaky.<RuntimeException>rethrow(t);
    }
    return stored;
  }

  /** The settings of {@code @CloudlessTest}: the method's first, then the classes', inner first. */
  private static Layer annotationSettings(ExtensionContext context, boolean forTest) {
    Layer layer = Layer.EMPTY;
    if (forTest) {
      Optional<Method> method = context.getTestMethod();
      if (method.isPresent()) {
        Optional<CloudlessTest> annotation =
            AnnotationSupport.findAnnotation(method.get(), CloudlessTest.class);
        if (annotation.isPresent()) {
          layer =
              layer.over(
                  CloudSettings.fromAnnotation(
                      annotation.get(),
                      "on method "
                          + method.get().getDeclaringClass().getName()
                          + "."
                          + method.get().getName()
                          + "()"));
        }
      }
    }
    for (Class<?> type : testClassAndEnclosing(context)) {
      Optional<CloudlessTest> annotation =
          AnnotationSupport.findAnnotation(type, CloudlessTest.class);
      if (annotation.isPresent()) {
        layer = layer.over(CloudSettings.fromAnnotation(annotation.get(), "on " + type.getName()));
      }
    }
    return layer;
  }

  /** The test class, then the classes enclosing it as far as it is {@code @Nested} (inner). */
  private static List<Class<?>> testClassAndEnclosing(ExtensionContext context) {
    List<Class<?>> classes = new ArrayList<>();
    Class<?> type = context.getTestClass().orElse(null);
    while (type != null) {
      classes.add(type);
      type = Modifier.isStatic(type.getModifiers()) ? null : type.getEnclosingClass();
    }
    return classes;
  }

  /**
   * Whether this instance does the work in {@code context}. The instance that {@code CloudlessTest}
   * registers steps aside for one registered in a field, so that using both does not give two
   * competing clouds.
   */
  private boolean active(ExtensionContext context) {
    if (!declarative || context.getTestClass().isEmpty()) {
      return !declarative;
    }
    Class<?> testClass = context.getRequiredTestClass();
    Boolean registeredInField =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(
                new FieldLookup(testClass), key -> registersInField(context), Boolean.class);
    return !registeredInField;
  }

  private static boolean registersInField(ExtensionContext context) {
    for (Class<?> type : testClassAndEnclosing(context)) {
      if (!AnnotationSupport.findAnnotatedFields(
              type,
              RegisterExtension.class,
              field -> CloudlessExtension.class.isAssignableFrom(field.getType()))
          .isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Two registered extensions would make two clouds and fight over every parameter. */
  private void checkSingleRegistration(ExtensionContext context) {
    if (declarative) {
      return;
    }
    Object registered = context.getStore(NAMESPACE).getOrComputeIfAbsent(REGISTERED, key -> this);
    if (registered != this) {
      throw new ExtensionConfigurationException(
          "Two CloudlessExtension instances are registered for "
              + context.getRequiredTestClass().getName()
              + " (or a class enclosing it): "
              + registered
              + " and "
              + this
              + ". Register one @RegisterExtension CloudlessExtension per test class.");
    }
  }

  /**
   * Builds a {@link CloudlessExtension}. Every value is checked by {@link #build()}; a value left
   * unset comes from {@code @CloudlessTest}, the configuration parameters or {@link FakeCloud}'s
   * defaults, in that order.
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public static final class Builder {

    private Scope scope = Scope.PER_TEST;
    private Setting region;
    private Setting accountId;
    private Setting seed;
    private Setting timeMode;
    private final List<ThrowingConsumer<FakeCloud>> setUp = new ArrayList<>();

    private Builder() {}

    /** The region, such as {@code "eu-west-1"}. */
    public Builder region(String region) {
      Objects.requireNonNull(region, "region");
      this.region = new Setting(region, "CloudlessExtension.builder().region()");
      return this;
    }

    /** The twelve-digit account id. */
    public Builder accountId(String accountId) {
      Objects.requireNonNull(accountId, "accountId");
      this.accountId = new Setting(accountId, "CloudlessExtension.builder().accountId()");
      return this;
    }

    /** The seed of every random choice, for runs that replay event for event. */
    public Builder seed(long seed) {
      this.seed = new Setting(Long.toString(seed), "CloudlessExtension.builder().seed()");
      return this;
    }

    /**
     * A fresh seed for each cloud, drawn when the cloud is made and printed when a test fails, as
     * {@code cloudless.seed=random} does: to explore, not to gate a build.
     */
    public Builder randomSeed() {
      this.seed =
          new Setting(CloudSettings.RANDOM_SEED, "CloudlessExtension.builder().randomSeed()");
      return this;
    }

    /** How the clock moves; {@link TimeMode#VIRTUAL} unless set elsewhere. */
    public Builder timeMode(TimeMode timeMode) {
      Objects.requireNonNull(timeMode, "timeMode");
      this.timeMode = new Setting(timeMode.name(), "CloudlessExtension.builder().timeMode()");
      return this;
    }

    /**
     * One cloud for the whole class, made before its first test and closed after its last, shared
     * by its tests and its {@code @Nested} classes; it can be injected into {@code @BeforeAll}
     * methods too.
     */
    public Builder perClass() {
      this.scope = Scope.PER_CLASS;
      return this;
    }

    /** A fresh cloud for every test: the default. */
    public Builder perTest() {
      this.scope = Scope.PER_TEST;
      return this;
    }

    /**
     * Runs on every new cloud before anything is injected: create the queues and functions the
     * tests share here. Each call adds a step; steps run in the order they were added.
     */
    public Builder setUp(ThrowingConsumer<FakeCloud> setUp) {
      this.setUp.add(Objects.requireNonNull(setUp, "setUp"));
      return this;
    }

    /**
     * The extension.
     *
     * @throws ExtensionConfigurationException for a region or account id AWS would not accept
     */
    public CloudlessExtension build() {
      Layer layer = new Layer(region, accountId, seed, timeMode);
      CloudSettings.configure(layer);
      return new CloudlessExtension(false, scope, layer, setUp);
    }
  }
}
