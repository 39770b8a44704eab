package dev.cloudless.fakes.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.file.Path;
import java.util.Map;

/**
 * The handlers and dependencies the package tests deploy, compiled at test time. {@code
 * com.example.dep.Greeter} is a dependency in two versions, so that tests can tell which copy a
 * function loaded.
 *
 * @param handlers the handler classes, compiled against Greeter, the Lambda runtime interfaces,
 *     aws-lambda-java-events and Jackson, none of which they contain
 * @param greeterJar Greeter 1 ({@code Hello, <name>}) as a jar
 * @param greeter2Jar Greeter 2 ({@code Howdy, <name>}) as a jar, under the same class name
 * @param eventsJar the aws-lambda-java-events jar of the test's class path, to bundle
 * @param jodaTimeJar the joda-time jar aws-lambda-java-events depends on, to bundle beside it
 */
record PackageFixtures(
    Path handlers, Path greeterJar, Path greeter2Jar, Path eventsJar, Path jodaTimeJar) {

  static PackageFixtures compile(Path work) {
    Path greeter = JavaPackages.compile(work, Map.of("com.example.dep.Greeter", greeter("Hello")));
    Path greeter2 = JavaPackages.compile(work, Map.of("com.example.dep.Greeter", greeter("Howdy")));
    Path handlers =
        JavaPackages.compile(
            work,
            HANDLERS,
            greeter,
            JavaPackages.locationOf(RequestHandler.class),
            JavaPackages.locationOf(SQSEvent.class),
            JavaPackages.locationOf(com.fasterxml.jackson.databind.ObjectMapper.class),
            JavaPackages.locationOf(com.fasterxml.jackson.core.ObjectCodec.class),
            JavaPackages.locationOf(com.fasterxml.jackson.annotation.JsonProperty.class));
    return new PackageFixtures(
        handlers,
        JavaPackages.zip().tree("", greeter).writeTo(work.resolve("greeter-1.jar")),
        JavaPackages.zip().tree("", greeter2).writeTo(work.resolve("greeter-2.jar")),
        JavaPackages.locationOf(SQSEvent.class),
        JavaPackages.locationOf(org.joda.time.DateTime.class));
  }

  /** The handler classes at the zip's root, nothing in {@code lib/}. */
  JavaPackages.Zip handlersOnly() {
    return JavaPackages.zip().tree("", handlers);
  }

  /** The handler classes, and Greeter 1 in {@code lib/}. */
  JavaPackages.Zip handlersWithGreeter() {
    return handlersOnly().file("lib/greeter.jar", greeterJar);
  }

  /** A layer with {@code greeter} in {@code java/lib/greeter.jar}. */
  static byte[] layerWith(Path greeter) {
    return JavaPackages.zip().file("java/lib/greeter.jar", greeter).bytes();
  }

  private static String greeter(String greeting) {
    return """
        package com.example.dep;

        public class Greeter {
          public String greet(String name) {
            return "%s, " + name;
          }
        }
        """
        .formatted(greeting);
  }

  private static final Map<String, String> HANDLERS =
      Map.ofEntries(
          Map.entry(
              "com.example.Hello",
              """
        package com.example;

        import com.amazonaws.services.lambda.runtime.Context;
        import com.amazonaws.services.lambda.runtime.RequestHandler;
        import java.util.Map;

        public class Hello implements RequestHandler<Map<String, String>, String> {
          @Override
          public String handleRequest(Map<String, String> input, Context context) {
            return "Hello, " + input.get("name") + " from " + context.getFunctionName();
          }
        }
        """),
          Map.entry(
              "com.example.Counter",
              """
        package com.example;

        import com.amazonaws.services.lambda.runtime.Context;
        import com.amazonaws.services.lambda.runtime.RequestHandler;

        public class Counter implements RequestHandler<Object, String> {
          private static int calls;

          @Override
          public String handleRequest(Object input, Context context) {
            boolean contextLoader =
                Thread.currentThread().getContextClassLoader() == Counter.class.getClassLoader();
            return "calls=" + (++calls) + " contextLoader=" + contextLoader;
          }
        }
        """),
          Map.entry(
              "com.example.UsesGreeter",
              """
        package com.example;

        import com.amazonaws.services.lambda.runtime.Context;
        import com.amazonaws.services.lambda.runtime.RequestHandler;
        import com.example.dep.Greeter;
        import java.util.Map;

        public class UsesGreeter implements RequestHandler<Map<String, String>, String> {
          @Override
          public String handleRequest(Map<String, String> input, Context context) {
            return new Greeter().greet(input.get("name"));
          }
        }
        """),
          Map.entry(
              "com.example.StaticGreeting",
              """
        package com.example;

        import com.amazonaws.services.lambda.runtime.Context;
        import com.amazonaws.services.lambda.runtime.RequestHandler;
        import com.example.dep.Greeter;

        public class StaticGreeting implements RequestHandler<Object, String> {
          private static final String GREETING = new Greeter().greet("static");

          @Override
          public String handleRequest(Object input, Context context) {
            return GREETING;
          }
        }
        """),
          Map.entry(
              "com.example.ConstructorGreeting",
              """
        package com.example;

        import com.amazonaws.services.lambda.runtime.Context;
        import com.amazonaws.services.lambda.runtime.RequestHandler;
        import com.example.dep.Greeter;

        public class ConstructorGreeting implements RequestHandler<Object, String> {
          private final String greeting;

          public ConstructorGreeting() {
            greeting = new Greeter().greet("constructor");
          }

          @Override
          public String handleRequest(Object input, Context context) {
            return greeting;
          }
        }
        """),
          Map.entry(
              "com.example.FailingStatic",
              """
        package com.example;

        import com.amazonaws.services.lambda.runtime.Context;
        import com.amazonaws.services.lambda.runtime.RequestHandler;

        public class FailingStatic implements RequestHandler<Object, String> {
          static {
            if (Boolean.parseBoolean("true")) {
              throw new IllegalStateException("no configuration");
            }
          }

          @Override
          public String handleRequest(Object input, Context context) {
            return "never";
          }
        }
        """),
          Map.entry(
              "com.example.Methods",
              """
        package com.example;

        import com.amazonaws.services.lambda.runtime.Context;
        import java.io.IOException;
        import java.io.InputStream;
        import java.io.OutputStream;
        import java.util.Map;

        public class Methods {
          public String shout(Map<String, String> input) {
            return input.get("name").toUpperCase() + "!";
          }

          public String shout(Map<String, String> input, Context context) {
            return input.get("name").toUpperCase() + "! from " + context.getFunctionName();
          }

          public static void echo(InputStream in, OutputStream out, Context context)
              throws IOException {
            in.transferTo(out);
          }
        }
        """),
          Map.entry(
              "com.example.SqsConsumer",
              """
        package com.example;

        import com.amazonaws.services.lambda.runtime.Context;
        import com.amazonaws.services.lambda.runtime.RequestHandler;
        import com.amazonaws.services.lambda.runtime.events.SQSEvent;

        public class SqsConsumer implements RequestHandler<SQSEvent, String> {
          @Override
          public String handleRequest(SQSEvent event, Context context) {
            SQSEvent.SQSMessage message = event.getRecords().get(0);
            return message.getMessageId() + " " + message.getEventSourceArn() + " " + message.getBody();
          }
        }
        """),
          Map.entry(
              "com.example.UsesJackson",
              """
        package com.example;

        import com.amazonaws.services.lambda.runtime.Context;
        import com.amazonaws.services.lambda.runtime.RequestHandler;
        import com.fasterxml.jackson.databind.ObjectMapper;

        public class UsesJackson implements RequestHandler<Object, String> {
          @Override
          public String handleRequest(Object input, Context context) {
            try {
              return new ObjectMapper().writeValueAsString(input);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }
        }
        """));
}
