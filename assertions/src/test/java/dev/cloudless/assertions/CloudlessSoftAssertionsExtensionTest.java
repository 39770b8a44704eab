package dev.cloudless.assertions;

import static dev.cloudless.fakes.faults.Faults.onFunction;
import static java.time.Duration.ofMinutes;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.lambda.FunctionSpec;
import dev.cloudless.fakes.lambda.LambdaFunction;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * AssertJ's JUnit extension creates and checks any soft assertions provider with a public no-arg
 * constructor; this proves Cloudless's is one, and that the extension's {@code assertAll} after the
 * test finds nothing to report when the fakes behaved.
 */
@ExtendWith(SoftAssertionsExtension.class)
class CloudlessSoftAssertionsExtensionTest {

  @InjectSoftAssertions private CloudlessSoftAssertions softly;

  @Test
  void injectedCloudlessSoftAssertionsCheckTheFakes() {
    try (FakeCloud cloud = FakeCloud.create()) {
      RequestHandler<Object, String> ok = (input, context) -> "ok";
      LambdaFunction function = cloud.lambda().create(FunctionSpec.named("f").handler(ok));
      cloud.faults().inject(onFunction("f").throwing(new RuntimeException("boom")).once());
      function.invokeAsync("{}");
      cloud.runUntilIdle();

      softly.assertThat(function).hasInvocations(2).hasRetryDelays(ofMinutes(1));
      softly.assertThat(function).firstInvocation().failed().hasErrorMessage("boom");
    }
  }
}
