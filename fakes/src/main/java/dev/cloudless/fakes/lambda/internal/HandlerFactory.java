package dev.cloudless.fakes.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import dev.cloudless.fakes.lambda.FunctionCode;
import dev.cloudless.fakes.lambda.LambdaEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the handler for each new execution environment from a version's {@link FunctionCode}. A
 * handler class is instantiated per environment and a factory called per environment, so that
 * initialisation happens on cold starts, as on AWS; a handler instance is shared. Serializers are
 * chosen once per handler class, as the runtime does from the handler's type arguments. Code given
 * as a deployment package is loaded by its {@link PackagedCode}, in a class loader per environment.
 */
final class HandlerFactory {

  private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.UTF_8);

  private final FunctionCode code;
  private final Map<Class<?>, Serializers> serializers = new ConcurrentHashMap<>();
  private final PackagedCode packaged;

  HandlerFactory(FunctionCode code) {
    this(code, null);
  }

  HandlerFactory(FunctionCode code, PackagedCode packaged) {
    this.code = code;
    this.packaged = packaged;
  }

  /**
   * The deployment package and layers the code is loaded from, or null for a class-path handler.
   */
  PackagedCode packaged() {
    return packaged;
  }

  FunctionCode code() {
    return code;
  }

  /** The handler's name, as {@code FunctionConfiguration.Handler} shows it. */
  String handlerName() {
    return code.handlerName();
  }

  /**
   * A handler for a new environment: runs the handler class's constructor or the factory.
   *
   * @throws Throwable what the constructor or factory threw
   */
  HandlerInvoker newInvoker(LambdaEnvironment environment) throws Throwable {
    if (packaged != null) {
      return packaged.newInvoker(environment);
    }
    Object instance;
    if (code.factory().isPresent()) {
      instance = code.factory().get().apply(environment);
      if (!(instance instanceof RequestHandler<?, ?>)
          && !(instance instanceof RequestStreamHandler)) {
        throw new IllegalStateException(
            "The handler factory returned "
                + (instance == null ? "null" : instance.getClass().getName())
                + ", which is not a RequestHandler or RequestStreamHandler.");
      }
    } else {
      Object handler = code.handler().orElseThrow();
      instance = handler instanceof Class<?> c ? instantiate(c) : handler;
    }
    if (instance instanceof RequestStreamHandler stream) {
      return new StreamInvoker(stream, handlerName());
    }
    @SuppressWarnings("unchecked")
    RequestHandler<Object, Object> pojo = (RequestHandler<Object, Object>) instance;
    Serializers io = serializers.computeIfAbsent(instance.getClass(), this::serializersFor);
    return new PojoInvoker(pojo, io, handlerName());
  }

  private Serializers serializersFor(Class<?> handlerClass) {
    Type[] types = HandlerTypes.of(handlerClass);
    Type inputType = code.inputType().<Type>map(t -> t).orElse(types[0]);
    Type outputType = types[1];
    ClassLoader loader = handlerClass.getClassLoader();
    return new Serializers(
        LambdaSerialization.serializerFor(inputType, loader),
        isVoid(outputType) ? null : LambdaSerialization.serializerFor(outputType, loader));
  }

  private static Object instantiate(Class<?> handlerClass) throws Throwable {
    Constructor<?> constructor;
    try {
      constructor = handlerClass.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(
          "Class " + handlerClass.getName() + " has no public zero-argument constructor", e);
    }
    try {
      return constructor.newInstance();
    } catch (InvocationTargetException e) {
      throw e.getCause() == null ? e : e.getCause();
    }
  }

  private static boolean isVoid(Type type) {
    return type == void.class || type == Void.class;
  }

  private record Serializers(PojoSerializer<Object> input, PojoSerializer<Object> output) {}

  private record StreamInvoker(RequestStreamHandler handler, String handlerName)
      implements HandlerInvoker {
    @Override
    public byte[] invoke(byte[] event, Context context) throws Throwable {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(new ByteArrayInputStream(event), out, context);
      return out.toByteArray();
    }
  }

  private record PojoInvoker(
      RequestHandler<Object, Object> handler, Serializers io, String handlerName)
      implements HandlerInvoker {

    @Override
    public byte[] invoke(byte[] event, Context context) throws Throwable {
      Object in;
      try {
        in = io.input().fromJson(new ByteArrayInputStream(event));
      } catch (Throwable t) {
        // The Java runtime's message for an event that does not fit the handler's input type.
        throw new RuntimeException("An error occurred during JSON parsing", t);
      }
      Object result = handler.handleRequest(in, context);
      if (io.output() == null) {
        return JSON_NULL.clone();
      }
      try {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        io.output().toJson(result, out);
        return out.toByteArray();
      } catch (Throwable t) {
        throw new RuntimeException("An error occurred during JSON serialization of response", t);
      }
    }
  }
}
