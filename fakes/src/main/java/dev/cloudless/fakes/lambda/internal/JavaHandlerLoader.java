package dev.cloudless.fakes.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Loads a handler from a deployment package as the Lambda Java runtime does
 * (aws/aws-lambda-java-libs, {@code AWSLambda.findRequestHandler} and {@code EventHandlerLoader}),
 * with the same rules and the same faults:
 *
 * <ul>
 *   <li>the {@code Handler} string is {@code Class} or {@code Class::method};
 *   <li>the class is loaded and initialised (its static initialisers run) in the environment's
 *       class loader, during Init;
 *   <li>{@code Class}: a {@link RequestStreamHandler}, or a {@link RequestHandler} whose type
 *       arguments are concrete; {@code Class::method}: a public method of that name with one of the
 *       signatures the runtime accepts, longer signatures first;
 *   <li>a class not found, or a handler the runtime cannot use, fails every invocation with the
 *       runtime's message; a class whose loading fails for a missing class fails the first
 *       invocation and ends the runtime; a constructor or static initialiser that throws fails
 *       Init.
 * </ul>
 *
 * <p>The handler runs with the package's class loader as the thread's context class loader, as the
 * runtime sets it.
 */
final class JavaHandlerLoader {

  private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.UTF_8);

  private JavaHandlerLoader() {}

  /** A handler's work, bytes in and bytes out. */
  @FunctionalInterface
  private interface Body {
    byte[] call(byte[] event, Context context) throws Throwable;
  }

  /** Thrown while loading when the handler's constructor throws: the runtime's Init error. */
  private static final class ConstructorFailed extends Exception {
    private static final long serialVersionUID = 1L;

    ConstructorFailed(Throwable cause) {
      super(cause);
    }
  }

  /**
   * Loads {@code handler} from {@code loader}.
   *
   * @param exit ends the runtime: called after a fatal fault is reported, so that the environment
   *     initialises again on its next invocation
   * @throws Throwable what fails Init: a static initialiser or constructor that throws
   */
  static HandlerInvoker load(
      String handler, ClassLoader loader, PackageSerializers serializers, Runnable exit)
      throws Throwable {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return find(handler, loader, serializers, exit);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static HandlerInvoker find(
      String handler, ClassLoader loader, PackageSerializers serializers, Runnable exit)
      throws Throwable {
    int colon = handler.lastIndexOf("::");
    String className = colon < 0 ? handler : handler.substring(0, colon);
    String methodName = colon < 0 ? null : handler.substring(colon + 2);
    if (className.isEmpty() || (methodName != null && methodName.isEmpty())) {
      return failing(
          handler, loader, exit, UserFault.message("Invalid handler: `" + handler + "'"));
    }
    Class<?> type;
    try {
      type = Class.forName(className, true, loader);
    } catch (ClassNotFoundException e) {
      return failing(
          handler,
          loader,
          exit,
          new UserFault("Class not found: " + className, e.getClass().getName(), false));
    } catch (NoClassDefFoundError e) {
      // Reported on the first invocation rather than as an Init error, and ends the runtime.
      return failing(handler, loader, exit, UserFault.loadingClass(e, className));
    } catch (Throwable t) {
      throw UserFault.loadingClass(t, className);
    }
    try {
      Body body =
          methodName == null
              ? classHandler(type, serializers)
              : methodHandler(type, methodName, serializers);
      return new Invoker(handler, loader, body);
    } catch (ConstructorFailed e) {
      throw e.getCause();
    } catch (UserFault fault) {
      if (fault.fatal()) {
        throw fault;
      }
      return failing(handler, loader, exit, fault);
    }
  }

  // ---- Class: RequestStreamHandler or RequestHandler<I, O>
  // ---------------------------------------

  private static Body classHandler(Class<?> type, PackageSerializers serializers)
      throws ConstructorFailed {
    if (RequestStreamHandler.class.isAssignableFrom(type)) {
      RequestStreamHandler handler = (RequestStreamHandler) instantiate(type);
      return (event, context) -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, context);
        return out.toByteArray();
      };
    }
    if (!RequestHandler.class.isAssignableFrom(type)) {
      throw UserFault.message(
          "Class does not implement an appropriate handler interface: " + type.getName());
    }
    Type[] types = interfaceParameters(type, RequestHandler.class);
    if (types == null) {
      throw UserFault.message(
          "Class "
              + type.getName()
              + " does not implement RequestHandler with concrete type parameters");
    }
    if (types.length != 2) {
      throw UserFault.message(
          "Invalid class signature for RequestHandler. Expected two generic types, got "
              + types.length);
    }
    for (Type t : types) {
      if (t instanceof TypeVariable<?> variable && !hasUpperBound(variable)) {
        throw UserFault.message(
            "Class "
                + type.getName()
                + " does not implement RequestHandler with concrete type parameters: parameter "
                + t
                + " has no upper bound.");
      }
    }
    @SuppressWarnings("unchecked")
    RequestHandler<Object, Object> handler = (RequestHandler<Object, Object>) instantiate(type);
    return pojo(handler::handleRequest, types[0], types[1], type.getClassLoader(), serializers);
  }

  private static boolean hasUpperBound(TypeVariable<?> variable) {
    for (Type bound : variable.getBounds()) {
      if (!Object.class.equals(bound)) {
        return true;
      }
    }
    return false;
  }

  // ---- Class::method
  // ------------------------------------------------------------------------------

  /**
   * The runtime's {@code loadEventPojoHandler}: the public methods of that name, longer signatures
   * first (a trailing {@code Context} counting one more), the first with a signature it accepts.
   */
  private static Body methodHandler(
      Class<?> type, String methodName, PackageSerializers serializers) throws ConstructorFailed {
    Method[] methods;
    try {
      methods = type.getMethods();
    } catch (NoClassDefFoundError e) {
      throw new UserFault(
          "Error loading method " + methodName + " on class " + type.getName(),
          e.getClass().getName(),
          false);
    }
    List<Method> candidates =
        Arrays.stream(methods)
            .filter(m -> m.getName().equals(methodName))
            .sorted(METHOD_PRIORITY)
            .toList();
    for (Method m : candidates) {
      Body body = fromOverload(type, m, serializers);
      if (body != null) {
        return body;
      }
    }
    throw UserFault.message(
        "No public method named "
            + methodName
            + " with appropriate method signature found on class "
            + type.getName());
  }

  private static final Comparator<Method> METHOD_PRIORITY =
      (lhs, rhs) -> {
        if (!lhs.isBridge() && rhs.isBridge()) {
          return -1;
        }
        if (!rhs.isBridge() && lhs.isBridge()) {
          return 1;
        }
        return -Integer.compare(weight(lhs), weight(rhs));
      };

  /** The parameter count, plus one for a trailing {@code Context}, as the runtime weighs it. */
  private static int weight(Method m) {
    Class<?>[] params = m.getParameterTypes();
    boolean contextLast = params.length > 0 && params[params.length - 1] == Context.class;
    return params.length + (contextLast ? 1 : 0);
  }

  /** A handler for this overload, or null if the runtime ignores its signature. */
  private static Body fromOverload(Class<?> type, Method m, PackageSerializers serializers)
      throws ConstructorFailed {
    Type r = m.getGenericReturnType();
    Type[] p = m.getGenericParameterTypes();
    switch (p.length) {
      case 0:
        return pojoMethod(type, m, null, r, false, serializers);
      case 1:
        if (InputStream.class.equals(p[0])) {
          return streamMethod(type, m, true, false, false);
        } else if (OutputStream.class.equals(p[0])) {
          return streamMethod(type, m, false, true, false);
        } else if (Context.class.equals(p[0])) {
          return pojoMethod(type, m, null, r, true, serializers);
        }
        return pojoMethod(type, m, p[0], r, false, serializers);
      case 2:
        if (OutputStream.class.equals(p[0])) {
          return Context.class.equals(p[1]) ? streamMethod(type, m, false, true, true) : null;
        } else if (Context.class.equals(p[0])) {
          return null;
        } else if (InputStream.class.equals(p[0])) {
          if (OutputStream.class.equals(p[1])) {
            return streamMethod(type, m, true, true, false);
          }
          return Context.class.equals(p[1]) ? streamMethod(type, m, true, false, true) : null;
        }
        return Context.class.equals(p[1]) ? pojoMethod(type, m, p[0], r, true, serializers) : null;
      case 3:
        return InputStream.class.equals(p[0])
                && OutputStream.class.equals(p[1])
                && Context.class.equals(p[2])
            ? streamMethod(type, m, true, true, true)
            : null;
      default:
        return null;
    }
  }

  private static Body pojoMethod(
      Class<?> type,
      Method m,
      Type inputType,
      Type outputType,
      boolean withContext,
      PackageSerializers serializers)
      throws ConstructorFailed {
    Object instance = Modifier.isStatic(m.getModifiers()) ? null : instantiate(type);
    Call call =
        (input, context) -> {
          Object[] args = new Object[(inputType != null ? 1 : 0) + (withContext ? 1 : 0)];
          int i = 0;
          if (inputType != null) {
            args[i++] = input;
          }
          if (withContext) {
            args[i] = context;
          }
          return invoke(m, instance, args);
        };
    return pojo(call, inputType, outputType, type.getClassLoader(), serializers);
  }

  private static Body streamMethod(
      Class<?> type, Method m, boolean withInput, boolean withOutput, boolean withContext)
      throws ConstructorFailed {
    Object instance = Modifier.isStatic(m.getModifiers()) ? null : instantiate(type);
    return (event, context) -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Object[] args =
          new Object[(withInput ? 1 : 0) + (withOutput ? 1 : 0) + (withContext ? 1 : 0)];
      int i = 0;
      if (withInput) {
        args[i++] = new ByteArrayInputStream(event);
      }
      if (withOutput) {
        args[i++] = out;
      }
      if (withContext) {
        args[i] = context;
      }
      invoke(m, instance, args);
      return withOutput ? out.toByteArray() : JSON_NULL.clone();
    };
  }

  private static Object invoke(Method m, Object instance, Object[] args) throws Throwable {
    try {
      return m.invoke(instance, args);
    } catch (InvocationTargetException e) {
      throw e.getCause() != null ? e.getCause() : e;
    }
  }

  // ---- shared -----------------------------------------------------------------------------------

  /** A call of the handler with its deserialized input. */
  @FunctionalInterface
  private interface Call {
    Object apply(Object input, Context context) throws Throwable;
  }

  /**
   * The runtime's {@code PojoHandlerAsStreamHandler}: the input deserialized to {@code inputType}
   * (none without one), the output serialized from {@code outputType} ({@code null} for void), with
   * the serializers the runtime picks, made in the function's class loader.
   */
  private static Body pojo(
      Call call,
      Type inputType,
      Type outputType,
      ClassLoader loader,
      PackageSerializers serializers) {
    PojoSerializer<Object> in;
    PojoSerializer<Object> out;
    try {
      in = inputType == null ? null : serializers.serializerFor(inputType, loader);
      out = isVoid(outputType) ? null : serializers.serializerFor(outputType, loader);
    } catch (Throwable t) {
      throw UserFault.of(t, false);
    }
    return (event, context) -> {
      Object input;
      try {
        input = in == null ? null : in.fromJson(new ByteArrayInputStream(event));
      } catch (Throwable t) {
        throw new RuntimeException("An error occurred during JSON parsing", t);
      }
      Object output = call.apply(input, context);
      if (out == null) {
        return JSON_NULL.clone();
      }
      try {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        out.toJson(output, bytes);
        return bytes.toByteArray();
      } catch (Throwable t) {
        throw new RuntimeException("An error occurred during JSON serialization of response", t);
      }
    };
  }

  private static boolean isVoid(Type type) {
    return Void.TYPE.equals(type) || (type instanceof Class<?> c && Void.class.isAssignableFrom(c));
  }

  /**
   * The runtime's {@code getConstructor} and {@code newInstance}: a class it cannot construct fails
   * each invocation; a constructor that throws fails Init.
   */
  private static Object instantiate(Class<?> type) throws ConstructorFailed {
    Constructor<?> constructor;
    try {
      constructor = type.getConstructor();
    } catch (NoSuchMethodException e) {
      String problem =
          type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())
              ? " cannot be instantiated because it is a non-static inner class"
              : " has no public zero-argument constructor";
      throw new UserFault("Class " + type.getName() + problem, Exception.class.getName(), false);
    }
    try {
      return constructor.newInstance();
    } catch (InvocationTargetException e) {
      throw new ConstructorFailed(e.getCause() == null ? e : e.getCause());
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      Throwable t = e instanceof InstantiationException && e.getCause() != null ? e.getCause() : e;
      throw UserFault.of(t, false);
    }
  }

  /** A handler that fails every invocation with the runtime's fault, ending it if fatal. */
  private static HandlerInvoker failing(
      String handler, ClassLoader loader, Runnable exit, UserFault fault) {
    return new Invoker(
        handler,
        loader,
        (event, context) -> {
          if (fault.fatal()) {
            exit.run();
          }
          throw fault;
        });
  }

  /** Runs a handler's body with the package's class loader as the context class loader. */
  private record Invoker(String handlerName, ClassLoader loader, Body body)
      implements HandlerInvoker {
    @Override
    public byte[] invoke(byte[] event, Context context) throws Throwable {
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(loader);
      try {
        return body.call(event, context);
      } finally {
        thread.setContextClassLoader(previous);
      }
    }
  }

  // ---- type arguments
  // -----------------------------------------------------------------------------

  /**
   * The runtime's {@code findInterfaceParameters}: a breadth-first search through interfaces and
   * superclasses for the first parameterised type assignable to {@code target}, with type variables
   * substituted on the way; {@code null} if there is none.
   */
  static Type[] interfaceParameters(Class<?> type, Class<?> target) {
    Deque<TypeContext> queue = new ArrayDeque<>();
    queue.addFirst(new TypeContext(type, (Type[]) null));
    while (!queue.isEmpty()) {
      TypeContext current = queue.removeLast();
      for (Type itf : current.type.getGenericInterfaces()) {
        if (itf instanceof ParameterizedType candidate) {
          Class<?> raw = (Class<?>) candidate.getRawType();
          TypeContext next = new TypeContext(candidate, current);
          if (target.isAssignableFrom(raw)) {
            return next.arguments;
          }
          queue.addFirst(next);
        } else if (itf instanceof Class<?> c) {
          queue.addFirst(new TypeContext(c, current));
        }
      }
      Type superclass = current.type.getGenericSuperclass();
      if (superclass instanceof ParameterizedType parameterized) {
        queue.addFirst(new TypeContext(parameterized, current));
      } else if (superclass instanceof Class<?> c) {
        queue.addFirst(new TypeContext(c, current));
      }
    }
    return null;
  }

  /** A class with the actual type arguments it is seen with, where known. */
  private static final class TypeContext {
    final Class<?> type;
    final Type[] arguments;

    TypeContext(Class<?> type, Type[] arguments) {
      this.type = type;
      this.arguments = arguments;
    }

    TypeContext(Class<?> type, TypeContext from) {
      this.type = type;
      TypeVariable<?>[] parameters = type.getTypeParameters();
      if (parameters.length == 0 || from.arguments == null) {
        this.arguments = null;
      } else {
        Type[] resolved = new Type[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
          resolved[i] = from.resolve(parameters[i]);
        }
        this.arguments = resolved;
      }
    }

    TypeContext(ParameterizedType parameterized, TypeContext from) {
      Type[] actual = parameterized.getActualTypeArguments();
      for (int i = 0; i < actual.length; i++) {
        if (actual[i] instanceof TypeVariable<?> variable) {
          actual[i] = from.resolve(variable);
        }
      }
      this.type = (Class<?>) parameterized.getRawType();
      this.arguments = actual;
    }

    Type resolve(TypeVariable<?> variable) {
      TypeVariable<?>[] parameters = type.getTypeParameters();
      for (int i = 0; i < parameters.length; i++) {
        if (variable.getName().equals(parameters[i].getName())) {
          return arguments == null ? parameters[i] : arguments[i];
        }
      }
      return variable;
    }
  }
}
