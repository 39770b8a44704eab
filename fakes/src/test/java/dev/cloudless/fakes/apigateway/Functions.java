package dev.cloudless.fakes.apigateway;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.lambda.FunctionSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Functions the API Gateway tests integrate with. */
final class Functions {

  private Functions() {}

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /**
   * A function that answers 200 with the event it got as the body (a proxy response), and remembers
   * every event.
   */
  static List<String> echo(FakeCloud cloud, String name) {
    List<String> events = new ArrayList<>();
    cloud
        .lambda()
        .create(
            FunctionSpec.named(name)
                .handler(
                    (RequestStreamHandler)
                        (in, out, ctx) -> {
                          byte[] event = in.readAllBytes();
                          synchronized (events) {
                            events.add(new String(event, StandardCharsets.UTF_8));
                          }
                          var response = JSON.createObjectNode();
                          response.put("statusCode", 200);
                          response.put("body", new String(event, StandardCharsets.UTF_8));
                          out.write(JSON.writeValueAsBytes(response));
                        }));
    return events;
  }

  /** A function that returns the event it got unchanged, and remembers every event. */
  static List<String> echoRaw(FakeCloud cloud, String name) {
    List<String> events = new ArrayList<>();
    cloud
        .lambda()
        .create(
            FunctionSpec.named(name)
                .handler(
                    (RequestStreamHandler)
                        (in, out, ctx) -> {
                          byte[] event = in.readAllBytes();
                          synchronized (events) {
                            events.add(new String(event, StandardCharsets.UTF_8));
                          }
                          out.write(event);
                        }));
    return events;
  }

  /** A function that returns {@code result} (JSON) whatever the event. */
  static void returning(FakeCloud cloud, String name, String result) {
    returning(cloud, name, result, Duration.ofMillis(100));
  }

  /** A function that returns {@code result} after {@code runsFor} on the virtual clock. */
  static void returning(FakeCloud cloud, String name, String result, Duration runsFor) {
    cloud
        .lambda()
        .create(
            FunctionSpec.named(name)
                .timeout(Duration.ofSeconds(60))
                .runsFor(runsFor)
                .handler(
                    (RequestStreamHandler)
                        (in, out, ctx) -> out.write(result.getBytes(StandardCharsets.UTF_8))));
  }

  /** A function that throws {@code exception}. */
  static void failing(FakeCloud cloud, String name, RuntimeException exception) {
    cloud
        .lambda()
        .create(
            FunctionSpec.named(name)
                .handler(
                    (RequestStreamHandler)
                        (in, out, ctx) -> {
                          throw exception;
                        }));
  }
}
