package dev.cloudless.fakes.lambda.internal;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.events.modules.DateModule;
import com.amazonaws.services.lambda.runtime.serialization.events.modules.DateTimeModule;
import com.amazonaws.services.lambda.runtime.serialization.events.serializers.OrgJsonSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.amazonaws.services.lambda.runtime.serialization.util.ReflectUtil;
import com.amazonaws.services.lambda.runtime.serialization.util.SerializeUtil;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The Java runtime's serializers, for code loaded from a package, made so that many class loaders
 * can share one JVM.
 *
 * <p>On AWS, each execution environment is a JVM with one customer class loader, and {@code
 * aws-lambda-java-serialization} keeps JVM-wide state that assumes so: its {@code JacksonFactory}
 * singleton's mapper, which {@code LambdaEventSerializers} registers modules on, and a cache of
 * classes by name ({@code SerializeUtil.cachedClasses}) that it fills from whichever class loader
 * asks first. In Cloudless, where every environment has its own class loader, the first
 * environment's event classes would then serve every later one, and Cloudless's own class-path
 * handlers too; and classes cached by the shared mapper would keep every environment's class loader
 * alive. So this class builds what {@code LambdaEventSerializers.serializerFor} builds, with the
 * same mixins, nested classes, modules and naming strategies (read from it), but on a private copy
 * of the runtime's mapper, loads nested classes from the function's class loader, and runs the
 * library's few uses of its class cache with the cache emptied before and after.
 *
 * <p>One instance serves one code version: its POJO mapper, and the classes it caches, go with it.
 */
final class PackageSerializers {

  /** The JVM-wide lock around the library's JVM-wide class cache. */
  private static final Object CLASS_CACHE_LOCK = new Object();

  /** A type no handler uses: its mixin only makes {@code JacksonFactory} copy its mapper. */
  private static final class PrivateCopy {}

  private JacksonFactory pojoFactory;

  /**
   * A {@code JacksonFactory} with a mapper of its own, configured as the runtime configures its
   * singleton's, and without the modules others registered on that singleton (a copy would inherit
   * them, and then ignore a {@code DateTimeModule} for another class loader as a duplicate).
   */
  private static JacksonFactory freshFactory() {
    Library library = Library.INSTANCE;
    if (library != null) {
      try {
        return library.factory.newInstance(library.createObjectMapper.invoke(null));
      } catch (ReflectiveOperationException e) {
        // Fall through to a copy, the closest the public API allows.
      }
    }
    return JacksonFactory.getInstance().withMixin(PrivateCopy.class, PrivateCopy.class);
  }

  /** The serializer the Java runtime would use for {@code type}, loaded by {@code loader}. */
  PojoSerializer<Object> serializerFor(Type type, ClassLoader loader) {
    if (type instanceof Class<?> clazz
        && LambdaEventSerializers.isLambdaSupportedEvent(clazz.getName())) {
      return eventSerializer(clazz, loader);
    }
    return pojoFactory().getSerializer(type);
  }

  /** Made on first use: a function that is never invoked needs no mapper. */
  private synchronized JacksonFactory pojoFactory() {
    if (pojoFactory == null) {
      pojoFactory = freshFactory();
    }
    return pojoFactory;
  }

  @SuppressWarnings("unchecked")
  private static PojoSerializer<Object> eventSerializer(Class<?> eventClass, ClassLoader loader) {
    Library tables = Library.INSTANCE;
    if (tables == null) {
      // The library changed shape: use it as it is, isolated as far as its class cache goes.
      return isolated(
          withClassCacheEmptied(
              () ->
                  (PojoSerializer<Object>)
                      LambdaEventSerializers.serializerFor(eventClass, loader)));
    }
    String name = eventClass.getName();
    Class<?> orgJson = tables.serializers.get(name);
    if (orgJson != null) {
      // A fresh instance: the library's shared one keeps the last class and loader it was given.
      return isolated(
          withClassCacheEmptied(
              () -> {
                OrgJsonSerializer<Object> serializer =
                    (OrgJsonSerializer<Object>) orgJson.getDeclaredConstructor().newInstance();
                return serializer.withClass((Class<Object>) eventClass).withClassLoader(loader);
              }));
    }
    return isolated(
        withClassCacheEmptied(
            () -> {
              JacksonFactory factory = freshFactory();
              if (tables.mixins.containsKey(name)) {
                factory = factory.withMixin(eventClass, tables.mixins.get(name));
              }
              for (String[] alternatives : tables.nested.getOrDefault(name, List.of())) {
                factory = withNestedMixin(factory, alternatives, loader, tables);
              }
              factory.getMapper().registerModules(new DateModule(), new DateTimeModule(loader));
              Object strategy = tables.namingStrategies.get(name);
              if (strategy != null) {
                factory = (JacksonFactory) tables.withNamingStrategy.invoke(factory, strategy);
              }
              return (PojoSerializer<Object>) factory.getSerializer(eventClass);
            }));
  }

  /**
   * The library's {@code tryLoadingNestedClass}: the first of the names the package has, failing as
   * the library fails ({@code ReflectException}) if it has none.
   */
  private static JacksonFactory withNestedMixin(
      JacksonFactory factory, String[] alternatives, ClassLoader loader, Library tables) {
    if (!tables.mixins.containsKey(alternatives[0])) {
      return factory;
    }
    ClassNotFoundException missing = null;
    for (String name : alternatives) {
      try {
        return factory.withMixin(Class.forName(name, true, loader), tables.mixins.get(name));
      } catch (ClassNotFoundException e) {
        missing = missing == null ? e : missing;
      }
    }
    throw new ReflectUtil.ReflectException(missing);
  }

  /** Runs {@code work} with the library's class cache empty, and leaves it empty. */
  private static <T> T withClassCacheEmptied(Callable<T> work) {
    synchronized (CLASS_CACHE_LOCK) {
      Library.clearClassCache();
      try {
        return work.call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      } finally {
        Library.clearClassCache();
      }
    }
  }

  /** An event serializer whose (de)serialization also runs with the class cache emptied. */
  private static PojoSerializer<Object> isolated(PojoSerializer<Object> serializer) {
    return new PojoSerializer<>() {
      @Override
      public Object fromJson(InputStream input) {
        return withClassCacheEmptied(() -> serializer.fromJson(input));
      }

      @Override
      public Object fromJson(String input) {
        return withClassCacheEmptied(() -> serializer.fromJson(input));
      }

      @Override
      public void toJson(Object value, OutputStream output) {
        withClassCacheEmptied(
            () -> {
              serializer.toJson(value, output);
              return null;
            });
      }
    };
  }

  /**
   * What this class needs of the library beyond its public API, read once by reflection: {@code
   * LambdaEventSerializers}' tables (constants), {@code JacksonFactory}'s way to make a mapper, and
   * {@code SerializeUtil}'s class cache. {@code INSTANCE} is null if the library no longer has them
   * in this shape; the class cache is then still emptied if it can be found.
   */
  private static final class Library {

    private static final Field CLASS_CACHE = classCache();
    static final Library INSTANCE = read();

    final Map<String, Class<?>> mixins;
    final Map<String, List<String[]>> nested;
    final Map<String, Object> namingStrategies;
    final Map<String, Class<?>> serializers;
    final Method withNamingStrategy;
    final java.lang.reflect.Constructor<JacksonFactory> factory;
    final Method createObjectMapper;

    private Library(
        Map<String, Class<?>> mixins,
        Map<String, List<String[]>> nested,
        Map<String, Object> namingStrategies,
        Map<String, Class<?>> serializers,
        Method withNamingStrategy,
        java.lang.reflect.Constructor<JacksonFactory> factory,
        Method createObjectMapper) {
      this.mixins = mixins;
      this.nested = nested;
      this.namingStrategies = namingStrategies;
      this.serializers = serializers;
      this.withNamingStrategy = withNamingStrategy;
      this.factory = factory;
      this.createObjectMapper = createObjectMapper;
    }

    private static Library read() {
      try {
        Map<String, Class<?>> mixins = new HashMap<>();
        staticMap("MIXIN_MAP").forEach((k, v) -> mixins.put((String) k, (Class<?>) v));
        Map<String, List<String[]>> nested = new HashMap<>();
        for (Map.Entry<?, ?> e : staticMap("NESTED_CLASS_MAP").entrySet()) {
          List<String[]> classes = new ArrayList<>();
          for (Object n : (List<?>) e.getValue()) {
            classes.add(nestedNames(n));
          }
          nested.put((String) e.getKey(), List.copyOf(classes));
        }
        Map<String, Object> naming = new HashMap<>();
        staticMap("NAMING_STRATEGY_MAP").forEach((k, v) -> naming.put((String) k, v));
        Map<String, Class<?>> serializers = new HashMap<>();
        staticMap("SERIALIZER_MAP").forEach((k, v) -> serializers.put((String) k, v.getClass()));
        Method withNamingStrategy = null;
        for (Method m : JacksonFactory.class.getMethods()) {
          if (m.getName().equals("withNamingStrategy") && m.getParameterCount() == 1) {
            withNamingStrategy = m;
          }
        }
        if (withNamingStrategy == null || CLASS_CACHE == null) {
          return null;
        }
        Method createObjectMapper = JacksonFactory.class.getDeclaredMethod("createObjectMapper");
        createObjectMapper.setAccessible(true);
        java.lang.reflect.Constructor<JacksonFactory> factory =
            JacksonFactory.class.getDeclaredConstructor(createObjectMapper.getReturnType());
        factory.setAccessible(true);
        return new Library(
            Map.copyOf(mixins),
            Map.copyOf(nested),
            Map.copyOf(naming),
            Map.copyOf(serializers),
            withNamingStrategy,
            factory,
            createObjectMapper);
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }

    private static Map<?, ?> staticMap(String field) throws ReflectiveOperationException {
      Field f = LambdaEventSerializers.class.getDeclaredField(field);
      f.setAccessible(true);
      return (Map<?, ?>) f.get(null);
    }

    /** A {@code NestedClass}'s name, then an {@code AlternateNestedClass}'s alternate. */
    private static String[] nestedNames(Object nested) throws ReflectiveOperationException {
      List<String> names = new ArrayList<>();
      for (Class<?> c = nested.getClass(); c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (f.getType() == String.class) {
            f.setAccessible(true);
            names.add((String) f.get(nested));
          }
        }
      }
      // The subclass's alternate name was read first; the library tries the base name first.
      java.util.Collections.reverse(names);
      return names.toArray(String[]::new);
    }

    private static Field classCache() {
      try {
        Field f = SerializeUtil.class.getDeclaredField("cachedClasses");
        f.setAccessible(true);
        return f;
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }

    static void clearClassCache() {
      if (CLASS_CACHE == null) {
        return;
      }
      try {
        ((Map<?, ?>) CLASS_CACHE.get(null)).clear();
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("SerializeUtil.cachedClasses was readable a moment ago", e);
      }
    }
  }
}
