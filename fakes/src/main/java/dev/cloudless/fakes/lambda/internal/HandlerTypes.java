package dev.cloudless.fakes.lambda.internal;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the input and output types a {@link RequestHandler} class declares, through superclasses
 * and interfaces, substituting type variables on the way, as the Java runtime does to choose its
 * serializers. A handler without concrete type arguments (a Java lambda) gets {@code Object}.
 */
final class HandlerTypes {

  private HandlerTypes() {}

  /** The input and output types, {@code Object} where they cannot be resolved. */
  static Type[] of(Class<?> handlerClass) {
    Type[] found = search(handlerClass, Map.of());
    if (found == null) {
      return new Type[] {Object.class, Object.class};
    }
    for (int i = 0; i < found.length; i++) {
      if (found[i] instanceof TypeVariable<?>) {
        found[i] = Object.class;
      }
    }
    return found;
  }

  private static Type[] search(Class<?> type, Map<TypeVariable<?>, Type> bindings) {
    for (Type itf : type.getGenericInterfaces()) {
      Type[] found = visit(itf, bindings);
      if (found != null) {
        return found;
      }
    }
    Type superclass = type.getGenericSuperclass();
    return superclass == null ? null : visit(superclass, bindings);
  }

  private static Type[] visit(Type type, Map<TypeVariable<?>, Type> bindings) {
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      Type[] args = parameterized.getActualTypeArguments().clone();
      for (int i = 0; i < args.length; i++) {
        if (args[i] instanceof TypeVariable<?> variable && bindings.containsKey(variable)) {
          args[i] = bindings.get(variable);
        }
      }
      if (raw == RequestHandler.class) {
        return args;
      }
      Map<TypeVariable<?>, Type> next = new HashMap<>();
      TypeVariable<?>[] params = raw.getTypeParameters();
      for (int i = 0; i < params.length; i++) {
        next.put(params[i], args[i]);
      }
      return search(raw, next);
    }
    if (type instanceof Class<?> raw && raw != RequestHandler.class) {
      return search(raw, Map.of());
    }
    return null;
  }
}
