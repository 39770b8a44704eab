package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.aws.AwsResource;
import dev.cloudless.fakes.journal.Journal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/** A function in the fake Lambda, with its versions and aliases. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface LambdaFunction extends AwsResource {

  /** The function's name. */
  String name();

  /** The unqualified ARN, {@code arn:aws:lambda:<region>:<account>:function:<name>}. */
  @Override
  String arn();

  /** {@code $LATEST}'s configuration. */
  FunctionConfiguration configuration();

  /**
   * The configuration of a version ({@code $LATEST} or a number) or of the version an alias points
   * at.
   */
  FunctionConfiguration configuration(String qualifier);

  /** Every version, {@code $LATEST} first, as {@code ListVersionsByFunction} lists them. */
  List<FunctionConfiguration> versions();

  /** Every alias, in creation order. */
  List<AliasConfiguration> aliases();

  /** The alias with this name, if any. */
  Optional<AliasConfiguration> alias(String name);

  /** The reserved concurrency, if the function has one. */
  OptionalInt reservedConcurrency();

  /** The provisioned concurrency of a version or alias, if it has one. */
  Optional<ProvisionedConcurrencyConfig> provisionedConcurrency(String qualifier);

  /** Invokes it synchronously with this JSON event. */
  InvocationResult invoke(String payload);

  /** Invokes it asynchronously with this JSON event: answers 202 and runs when the clock runs. */
  InvocationResult invokeAsync(String payload);

  /** Every invocation attempt so far, in the order they started, read from the journal. */
  List<Invocation> invocations();

  /** What its invocations so far cost. */
  LambdaCost cost();

  /**
   * The journal of the cloud this resource lives in (all of it: filter with {@link
   * Journal#forResource(String)} and {@link #arn()}). Assertions read the resource's story here.
   */
  Journal journal();
}
