package dev.cloudless.fakes.lambda.internal;

import dev.cloudless.fakes.lambda.LambdaEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A version's code when it is a deployment package: the function's package, its layers in order,
 * and the {@code Handler} string. Each execution environment gets a class loader of its own over
 * the extracted package, as each AWS environment runs its own JVM: static initialisers run once per
 * environment, and a class the package lacks is missing there as it would be on AWS.
 *
 * <p>The class path is the Java runtime's ({@code CustomerClassLoader}): {@code /var/task}, then
 * {@code /var/task/lib/*.jar}, then {@code /opt/java/lib/*.jar}, jars in name order.
 */
final class PackagedCode {

  private final CodePackages store;
  private final String functionName;
  private final String handler;
  private final CodePackage function;
  private final List<LayerRegistry.Entry> layers;
  private final PackageSerializers serializers = new PackageSerializers();
  private URL[] classPath;

  PackagedCode(
      CodePackages store,
      String functionName,
      String handler,
      CodePackage function,
      List<LayerRegistry.Entry> layers) {
    this.store = store;
    this.functionName = functionName;
    this.handler = handler;
    this.function = function;
    this.layers = List.copyOf(layers);
  }

  CodePackage function() {
    return function;
  }

  List<LayerRegistry.Entry> layers() {
    return layers;
  }

  String codeSha256() {
    return function.codeSha256();
  }

  /**
   * Init for a new environment: a fresh class loader, then the handler class loaded and initialised
   * in it, as the runtime loads it.
   */
  HandlerInvoker newInvoker(LambdaEnvironment environment) throws Throwable {
    URLClassLoader loader = store.newClassLoader(functionName, classPath(), environment);
    Runnable exit = environment instanceof ExecutionEnvironment env ? env::reset : () -> {};
    return JavaHandlerLoader.load(handler, loader, serializers, exit);
  }

  /** Extracts the package and layers on first use, and lists the class path. */
  private synchronized URL[] classPath() {
    if (classPath == null) {
      List<URL> urls = new ArrayList<>();
      Path task = function.extracted();
      urls.add(url(task));
      addJars(task.resolve("lib"), urls);
      if (!layers.isEmpty()) {
        addJars(store.opt(layers).resolve("java").resolve("lib"), urls);
      }
      classPath = urls.toArray(URL[]::new);
    }
    return classPath.clone();
  }

  private static void addJars(Path dir, List<URL> urls) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      files
          .filter(p -> p.getFileName().toString().endsWith(".jar"))
          .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .forEach(p -> urls.add(url(p)));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list " + dir, e);
    }
  }

  private static URL url(Path path) {
    try {
      return path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException("A file path always makes a URL: " + path, e);
    }
  }

  @Override
  public String toString() {
    return "PackagedCode[" + functionName + " " + handler + "]";
  }
}
