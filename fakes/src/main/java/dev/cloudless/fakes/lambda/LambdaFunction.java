package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.AwsResource;
import dev.cloudless.fakes.journal.Journal;
import java.util.List;
import org.apiguardian.api.API;

/** A function in the fake Lambda. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface LambdaFunction extends AwsResource {

  /** The function's name. */
  String name();

  /** The unqualified ARN, {@code arn:aws:lambda:<region>:<account>:function:<name>}. */
  @Override
  String arn();

  /** Its configuration. */
  FunctionConfiguration configuration();

  /** Invokes it synchronously with this JSON event. */
  InvocationResult invoke(String payload);

  /** Invokes it asynchronously with this JSON event: answers 202 and runs when the clock runs. */
  InvocationResult invokeAsync(String payload);

  /** Every invocation attempt so far, in the order they started, read from the journal. */
  List<Invocation> invocations();

  /**
   * The journal of the cloud this resource lives in (all of it: filter with {@link
   * Journal#forResource(String)} and {@link #arn()}). Assertions read the resource's story here.
   */
  Journal journal();
}
