package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudless.fakes.aws.AwsServiceException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * A function's code: what {@code CreateFunction} and {@code UpdateFunctionCode} upload. In
 * Cloudless the code is a handler in the test's class path, given one of four ways:
 *
 * <ul>
 *   <li>{@link #handler(RequestHandler)} / {@link #handler(RequestStreamHandler)}: an instance that
 *       every execution environment shares (its constructor ran before the cloud existed);
 *   <li>{@link #handler(Class)}: a handler class with a public no-argument constructor, which each
 *       new execution environment instantiates, so a cold start runs the constructor as on AWS;
 *   <li>{@link #handlerFactory(Function)}: a factory each new execution environment calls with its
 *       {@link LambdaEnvironment} (environment variables, {@code /tmp});
 *   <li>{@link #handler(Class, RequestHandler)}: a Java lambda with the type its input is
 *       deserialized to.
 * </ul>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FunctionCode {

  private final Object handler;
  private final Class<?> inputType;
  private final Function<LambdaEnvironment, ?> factory;
  private final Class<?> factoryHandlerType;

  private FunctionCode(
      Object handler,
      Class<?> inputType,
      Function<LambdaEnvironment, ?> factory,
      Class<?> factoryHandlerType) {
    this.handler = handler;
    this.inputType = inputType;
    this.factory = factory;
    this.factoryHandlerType = factoryHandlerType;
  }

  /** A handler instance shared by every execution environment. */
  public static FunctionCode handler(RequestHandler<?, ?> handler) {
    return new FunctionCode(Objects.requireNonNull(handler, "handler"), null, null, null);
  }

  /** A stream handler instance shared by every execution environment. */
  public static FunctionCode handler(RequestStreamHandler handler) {
    return new FunctionCode(Objects.requireNonNull(handler, "handler"), null, null, null);
  }

  /** A Java lambda handler with the type its input is deserialized to. */
  public static <I> FunctionCode handler(Class<I> inputType, RequestHandler<I, ?> handler) {
    return new FunctionCode(
        Objects.requireNonNull(handler, "handler"),
        Objects.requireNonNull(inputType, "inputType"),
        null,
        null);
  }

  /**
   * A handler class implementing {@link RequestHandler} or {@link RequestStreamHandler}, with a
   * public no-argument constructor; each execution environment creates its own instance.
   *
   * @throws AwsServiceException {@code InvalidParameterValueException} for another class
   */
  public static FunctionCode handler(Class<?> handlerClass) {
    Objects.requireNonNull(handlerClass, "handlerClass");
    requireHandlerType(handlerClass);
    return new FunctionCode(handlerClass, null, null, null);
  }

  /**
   * A factory each new execution environment calls once, with the environment's variables and
   * {@code /tmp}: the way for a handler to receive its configuration in its constructor. The
   * factory must return a {@link RequestHandler} or {@link RequestStreamHandler}; its input type is
   * read from the class of the first handler it returns.
   */
  public static FunctionCode handlerFactory(Function<LambdaEnvironment, ?> factory) {
    return new FunctionCode(null, null, Objects.requireNonNull(factory, "factory"), null);
  }

  /**
   * A factory, as {@link #handlerFactory(Function)}, for handlers of the given class: Cloudless
   * then knows the handler's type before any environment exists.
   */
  public static <H> FunctionCode handlerFactory(
      Class<H> handlerClass, Function<LambdaEnvironment, ? extends H> factory) {
    requireHandlerType(handlerClass);
    return new FunctionCode(null, null, Objects.requireNonNull(factory, "factory"), handlerClass);
  }

  private static void requireHandlerType(Class<?> handlerClass) {
    if (!RequestHandler.class.isAssignableFrom(handlerClass)
        && !RequestStreamHandler.class.isAssignableFrom(handlerClass)) {
      throw new AwsServiceException(
          400,
          "InvalidParameterValueException",
          "Class "
              + handlerClass.getName()
              + " does not implement RequestHandler or RequestStreamHandler.");
    }
  }

  /**
   * The handler: a {@link RequestHandler} or {@link RequestStreamHandler} instance, or a handler
   * class; empty for a factory.
   */
  public Optional<Object> handler() {
    return Optional.ofNullable(handler);
  }

  /** The input type given with a lambda handler. */
  public Optional<Class<?>> inputType() {
    return Optional.ofNullable(inputType);
  }

  /** The handler factory, if the code is one. */
  public Optional<Function<LambdaEnvironment, ?>> factory() {
    return Optional.ofNullable(factory);
  }

  /** The handler class a factory was declared to produce, if it was. */
  public Optional<Class<?>> factoryHandlerType() {
    return Optional.ofNullable(factoryHandlerType);
  }

  /** The {@code Handler} setting AWS would show: the handler class's name. */
  public String handlerName() {
    if (handler instanceof Class<?> c) {
      return c.getName();
    }
    if (handler != null) {
      return handler.getClass().getName();
    }
    return factoryHandlerType != null ? factoryHandlerType.getName() : "handlerFactory";
  }

  @Override
  public String toString() {
    return "FunctionCode[" + handlerName() + "]";
  }
}
