package dev.cloudless.fakes.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Makes the handler for each new execution environment. A handler class is instantiated per
 * environment, so its constructor is the environment's initialisation, as on AWS; a handler
 * instance is shared. Serializers are chosen once per function.
 */
final class HandlerFactory {

  private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.UTF_8);

  private final Object handler;
  private final PojoSerializer<Object> input;
  private final PojoSerializer<Object> output;

  HandlerFactory(Object handler, Class<?> explicitInputType) {
    this.handler = handler;
    Class<?> handlerClass = handler instanceof Class<?> c ? c : handler.getClass();
    if (RequestHandler.class.isAssignableFrom(handlerClass)) {
      Type[] types = HandlerTypes.of(handlerClass);
      Type inputType = explicitInputType != null ? explicitInputType : types[0];
      Type outputType = types[1];
      ClassLoader loader = handlerClass.getClassLoader();
      this.input = LambdaSerialization.serializerFor(inputType, loader);
      this.output =
          isVoid(outputType) ? null : LambdaSerialization.serializerFor(outputType, loader);
    } else {
      this.input = null;
      this.output = null;
    }
  }

  /** The handler's name, as {@code FunctionConfiguration.Handler} shows it. */
  String handlerName() {
    Class<?> handlerClass = handler instanceof Class<?> c ? c : handler.getClass();
    return handlerClass.getName();
  }

  /**
   * A handler for a new environment: runs the handler class's constructor, if it is a class.
   *
   * @throws Throwable what the constructor threw
   */
  HandlerInvoker newInvoker() throws Throwable {
    Object instance = handler instanceof Class<?> c ? instantiate(c) : handler;
    if (instance instanceof RequestStreamHandler stream) {
      return new StreamInvoker(stream, handlerName());
    }
    @SuppressWarnings("unchecked")
    RequestHandler<Object, Object> pojo = (RequestHandler<Object, Object>) instance;
    return new PojoInvoker(pojo, handlerName());
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

  private record StreamInvoker(RequestStreamHandler handler, String handlerName)
      implements HandlerInvoker {
    @Override
    public byte[] invoke(byte[] event, Context context) throws Throwable {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(new ByteArrayInputStream(event), out, context);
      return out.toByteArray();
    }
  }

  private final class PojoInvoker implements HandlerInvoker {
    private final RequestHandler<Object, Object> handler;
    private final String handlerName;

    PojoInvoker(RequestHandler<Object, Object> handler, String handlerName) {
      this.handler = handler;
      this.handlerName = handlerName;
    }

    @Override
    public byte[] invoke(byte[] event, Context context) throws Throwable {
      Object in;
      try {
        in = input.fromJson(new ByteArrayInputStream(event));
      } catch (Throwable t) {
        // The Java runtime's message for an event that does not fit the handler's input type.
        throw new RuntimeException("An error occurred during JSON parsing", t);
      }
      Object result = handler.handleRequest(in, context);
      if (output == null) {
        return JSON_NULL.clone();
      }
      try {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        output.toJson(result, out);
        return out.toByteArray();
      } catch (Throwable t) {
        throw new RuntimeException("An error occurred during JSON serialization of response", t);
      }
    }

    @Override
    public String handlerName() {
      return handlerName;
    }
  }
}
