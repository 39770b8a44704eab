package dev.cloudless.fakes.lambda.internal;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The parent of every deployment package's class loader: what the Lambda Java runtime's system
 * class loader shows a function, and nothing of the test's class path. It answers with the JDK
 * (through the platform class loader) and with the runtime's own Lambda interfaces, {@code
 * com.amazonaws.services.lambda.runtime.*} of {@code aws-lambda-java-core} (and its {@code logging}
 * and {@code serialization} packages), taken from Cloudless's class loader, so that the {@code
 * Context} and {@code RequestHandler} a packaged handler sees are the very types Cloudless calls it
 * with. As on AWS, these come first: a copy bundled in the package is not used. Event types ({@code
 * aws-lambda-java-events}) are not part of the runtime and come from the package.
 */
final class RuntimeApiClassLoader extends ClassLoader {

  private static final String RUNTIME_PACKAGE = "com.amazonaws.services.lambda.runtime.";

  static {
    registerAsParallelCapable();
  }

  private final ClassLoader runtime;

  RuntimeApiClassLoader(ClassLoader runtime) {
    super("lambda-java-runtime", ClassLoader.getPlatformClassLoader());
    this.runtime = runtime;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (isRuntimeApi(name)) {
      return runtime.loadClass(name);
    }
    return super.loadClass(name, resolve);
  }

  @Override
  protected URL findResource(String name) {
    return isRuntimeApi(resourceToClassName(name)) ? runtime.getResource(name) : null;
  }

  @Override
  protected Enumeration<URL> findResources(String name) throws IOException {
    return isRuntimeApi(resourceToClassName(name))
        ? runtime.getResources(name)
        : Collections.emptyEnumeration();
  }

  /**
   * The runtime's interfaces: the classes directly in {@code com.amazonaws.services.lambda.runtime}
   * ({@code Context}, {@code RequestHandler}, {@code LambdaLogger}, ...) and its {@code logging}
   * and {@code serialization} packages, which the Java runtime also provides.
   */
  static boolean isRuntimeApi(String className) {
    if (!className.startsWith(RUNTIME_PACKAGE)) {
      return false;
    }
    String rest = className.substring(RUNTIME_PACKAGE.length());
    return rest.indexOf('.') < 0
        || rest.startsWith("logging.")
        || rest.startsWith("serialization.");
  }

  private static String resourceToClassName(String resource) {
    String name =
        resource.endsWith(".class") ? resource.substring(0, resource.length() - 6) : resource;
    return name.replace('/', '.');
  }
}
