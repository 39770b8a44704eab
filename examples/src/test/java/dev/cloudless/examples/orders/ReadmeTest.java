package dev.cloudless.examples.orders;

import static dev.cloudless.assertions.CloudlessAssertions.assertThat;
import static dev.cloudless.fakes.faults.Faults.onFunction;
import static java.time.Duration.ofMinutes;

import dev.cloudless.examples.orders.PaymentGateway.PaymentTimeout;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.sqs.Queue;
import dev.cloudless.junit.CloudlessTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The test shown in README.md, kept here so that it compiles and passes. */
@CloudlessTest
class ReadmeTest {

  static final String ORDER = ChargePaymentTest.ORDER;

  // README:begin
  @Test
  void timeoutsEndInTheDeadLetterQueue(FakeCloud cloud) {
    Queue dlq = cloud.sqs().createQueue("charge-dlq");
    var charge = FunctionSpec.named("charge").handler(new ChargePaymentHandler());
    cloud.lambda().create(charge.deadLetterQueue(dlq));
    cloud.faults().inject(onFunction("charge").throwing(new PaymentTimeout("psp slow")).always());

    cloud.lambda().invokeAsync("charge", ORDER);
    cloud.runUntilIdle(); // three attempts over three virtual minutes, in milliseconds

    assertThat(cloud.lambda().function("charge")).hasRetryDelays(ofMinutes(1), ofMinutes(2));
    assertThat(dlq).singleMessage().hasJsonBody(ORDER).hasMessageAttribute("ErrorCode", "200");
  }

  // README:end

  @Test
  void theReadmeShowsThisTestAsItIs() throws IOException {
    String source =
        Files.readString(Path.of("src/test/java/dev/cloudless/examples/orders/ReadmeTest.java"));
    String shown =
        source.substring(
            source.indexOf("  // README:begin\n") + "  // README:begin\n".length(),
            source.indexOf("  // README:end"));

    assertThat(Files.readString(Path.of("../README.md"))).contains(shown.strip());
  }
}
