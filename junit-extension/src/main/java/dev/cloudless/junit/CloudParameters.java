package dev.cloudless.junit;

import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.apigateway.FakeApiGateway;
import dev.cloudless.fakes.apigateway.HttpApi;
import dev.cloudless.fakes.apigateway.RestApi;
import dev.cloudless.fakes.apigateway.WebSocketApi;
import dev.cloudless.fakes.clock.VirtualClock;
import dev.cloudless.fakes.faults.FaultPlan;
import dev.cloudless.fakes.journal.Journal;
import dev.cloudless.fakes.lambda.FakeLambda;
import dev.cloudless.fakes.lambda.LambdaFunction;
import dev.cloudless.fakes.sns.FakeSns;
import dev.cloudless.fakes.sns.Topic;
import dev.cloudless.fakes.sqs.FakeSqs;
import dev.cloudless.fakes.sqs.Queue;
import dev.cloudless.fakes.stepfunctions.FakeStepFunctions;
import dev.cloudless.fakes.stepfunctions.StateMachine;
import dev.cloudless.trace.TraceRecorder;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterContext;

/**
 * Which parameters Cloudless fills, and with what. Types from {@code dev.cloudless} that it cannot
 * give are refused with a message, rather than left to JUnit's generic "no resolver" error;
 * parameters of any other type are left to other resolvers ({@code TestInfo}, {@code @TempDir},
 * ...).
 */
final class CloudParameters {

  private record Injectable(Class<?> type, Function<FakeCloud, Object> from) {}

  private static final List<Injectable> INJECTABLE =
      List.of(
          new Injectable(FakeCloud.class, cloud -> cloud),
          new Injectable(FakeLambda.class, FakeCloud::lambda),
          new Injectable(FakeSqs.class, FakeCloud::sqs),
          new Injectable(FakeSns.class, FakeCloud::sns),
          new Injectable(FakeApiGateway.class, FakeCloud::apiGateway),
          new Injectable(FakeStepFunctions.class, FakeCloud::stepFunctions),
          new Injectable(VirtualClock.class, FakeCloud::clock),
          new Injectable(FaultPlan.class, FakeCloud::faults),
          new Injectable(Journal.class, FakeCloud::journal),
          new Injectable(TraceRecorder.class, FakeCloud::traces));

  private static final List<Class<?>> NAMED =
      List.of(
          Queue.class,
          Topic.class,
          StateMachine.class,
          LambdaFunction.class,
          RestApi.class,
          HttpApi.class,
          WebSocketApi.class);

  private static final String WHAT_CAN_BE_INJECTED =
      "Cloudless can inject "
          + INJECTABLE.stream().map(i -> i.type().getSimpleName()).collect(Collectors.joining(", "))
          + ", and by name with @CloudResource(\"name\"): "
          + NAMED.stream().map(Class::getSimpleName).collect(Collectors.joining(", "))
          + ".";

  private CloudParameters() {}

  /** {@code Queue, Topic, ... or WebSocketApi}. */
  private static String namedKinds() {
    List<String> names = NAMED.stream().map(Class::getSimpleName).toList();
    return String.join(", ", names.subList(0, names.size() - 1))
        + " or "
        + names.get(names.size() - 1);
  }

  /**
   * Whether Cloudless fills this parameter.
   *
   * @throws ExtensionConfigurationException for a {@code dev.cloudless} type it cannot give, or a
   *     {@code @CloudResource} on a type that is not a named resource
   */
  static boolean supports(ParameterContext parameter) {
    Class<?> type = parameter.getParameter().getType();
    if (parameter.isAnnotated(CloudResource.class)) {
      if (NAMED.contains(type)) {
        return true;
      }
      throw new ExtensionConfigurationException(
          "Cloudless cannot inject "
              + describe(parameter)
              + ": @CloudResource looks up a "
              + namedKinds()
              + " by name, not a "
              + type.getSimpleName()
              + ". "
              + WHAT_CAN_BE_INJECTED);
    }
    if (injectable(type).isPresent()) {
      return true;
    }
    if (isCloudlessType(type)) {
      String hint =
          NAMED.contains(type)
              ? " A " + type.getSimpleName() + " needs @CloudResource(\"its name\"). "
              : " ";
      throw new ExtensionConfigurationException(
          "Cloudless cannot inject "
              + describe(parameter)
              + ": "
              + type.getName()
              + " is not something it hands out."
              + hint
              + WHAT_CAN_BE_INJECTED);
    }
    return false;
  }

  /** The value for a parameter {@link #supports} accepted. */
  static Object resolve(ParameterContext parameter, FakeCloud cloud) {
    Class<?> type = parameter.getParameter().getType();
    if (parameter.isAnnotated(CloudResource.class)) {
      return lookUp(parameter, cloud, type, resourceName(parameter));
    }
    return injectable(type).orElseThrow().from().apply(cloud);
  }

  private static Optional<Injectable> injectable(Class<?> type) {
    return INJECTABLE.stream().filter(i -> i.type() == type).findFirst();
  }

  private static boolean isCloudlessType(Class<?> type) {
    String pkg = type.getPackageName();
    return pkg.equals("dev.cloudless") || pkg.startsWith("dev.cloudless.");
  }

  private static String resourceName(ParameterContext parameter) {
    String name = parameter.findAnnotation(CloudResource.class).orElseThrow().value();
    if (!name.isEmpty()) {
      return name;
    }
    Parameter p = parameter.getParameter();
    if (!p.isNamePresent()) {
      throw new ExtensionConfigurationException(
          "Cloudless cannot inject "
              + describe(parameter)
              + ": @CloudResource has no name, and the parameter's own name is not in the class"
              + " file. Write the name, as in @CloudResource(\"orders\"), or compile with"
              + " -parameters.");
    }
    return p.getName();
  }

  private static Object lookUp(
      ParameterContext parameter, FakeCloud cloud, Class<?> type, String name) {
    if (type == Queue.class) {
      return find(
          parameter,
          name,
          "queue",
          () -> cloud.sqs().findQueue(name),
          () -> cloud.sqs().queues().stream().map(Queue::name));
    }
    if (type == Topic.class) {
      return find(
          parameter,
          name,
          "topic",
          () -> cloud.sns().findTopic(name),
          () -> cloud.sns().topics().stream().map(Topic::name));
    }
    if (type == RestApi.class) {
      return findApi(
          parameter, name, "REST API", cloud.apiGateway().restApis(), RestApi::id, RestApi::name);
    }
    if (type == HttpApi.class) {
      return findApi(
          parameter, name, "HTTP API", cloud.apiGateway().httpApis(), HttpApi::id, HttpApi::name);
    }
    if (type == WebSocketApi.class) {
      return findApi(
          parameter,
          name,
          "WebSocket API",
          cloud.apiGateway().webSocketApis(),
          WebSocketApi::id,
          WebSocketApi::name);
    }
    if (type == StateMachine.class) {
      return find(
          parameter,
          name,
          "state machine",
          () -> cloud.stepFunctions().findStateMachine(name),
          () -> cloud.stepFunctions().stateMachines().stream().map(StateMachine::name));
    }
    return find(
        parameter,
        name,
        "function",
        () -> cloud.lambda().findFunction(name),
        () -> cloud.lambda().functions().stream().map(LambdaFunction::name));
  }

  private static Object find(
      ParameterContext parameter,
      String name,
      String kind,
      Supplier<Optional<?>> lookUp,
      Supplier<Stream<String>> existing) {
    Optional<?> found;
    try {
      found = lookUp.get();
    } catch (RuntimeException e) {
      // A name the service rejects outright (bad characters, a malformed ARN) is missing too.
      found = Optional.empty();
    }
    return found.orElseThrow(
        () -> {
          List<String> names = existing.get().toList();
          return new ExtensionConfigurationException(
              "Cloudless cannot inject "
                  + describe(parameter)
                  + ": @CloudResource(\""
                  + name
                  + "\") names no "
                  + kind
                  + " in this test's cloud. Existing "
                  + kind
                  + "s: "
                  + (names.isEmpty() ? "none" : names)
                  + ". Create it in CloudlessExtension.builder().setUp(...), or in a @BeforeEach"
                  + " method for a test method's parameter.");
        });
  }

  /**
   * An API by id or by name. AWS lets two APIs share a name, so a name that several APIs have is
   * refused rather than guessed: the id is unambiguous.
   */
  private static <A> Object findApi(
      ParameterContext parameter,
      String name,
      String kind,
      List<A> apis,
      Function<A, String> id,
      Function<A, String> apiName) {
    List<A> matches =
        apis.stream()
            .filter(a -> id.apply(a).equals(name) || apiName.apply(a).equals(name))
            .toList();
    if (matches.size() > 1) {
      throw new ExtensionConfigurationException(
          "Cloudless cannot inject "
              + describe(parameter)
              + ": @CloudResource(\""
              + name
              + "\") names "
              + matches.size()
              + " "
              + kind
              + "s, with ids "
              + matches.stream().map(id).toList()
              + ". AWS lets APIs share a name; give the id instead.");
    }
    return find(
        parameter,
        name,
        kind,
        () -> matches.stream().findFirst(),
        () -> apis.stream().map(a -> apiName.apply(a) + " (" + id.apply(a) + ")"));
  }

  /** {@code parameter [Queue orders] of CheckoutTest.ships()}, as people read it. */
  static String describe(ParameterContext parameter) {
    Parameter p = parameter.getParameter();
    Executable executable = parameter.getDeclaringExecutable();
    Class<?> owner = executable.getDeclaringClass();
    String pkg = owner.getPackageName();
    String className =
        pkg.isEmpty() ? owner.getName() : owner.getName().substring(pkg.length() + 1);
    String where =
        executable instanceof Constructor
            ? "the constructor of " + className
            : className + "." + executable.getName() + "()";
    return "parameter [" + p.getType().getSimpleName() + " " + p.getName() + "] of " + where;
  }
}
