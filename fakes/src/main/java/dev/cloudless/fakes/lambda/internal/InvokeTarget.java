package dev.cloudless.fakes.lambda.internal;

/**
 * What an invocation runs: the function, the version chosen (through an alias's routing, if any),
 * the qualifier the caller named, and the ARN as the caller named it.
 *
 * @param function the function
 * @param version the version that runs
 * @param qualifier the alias or version the caller named, {@code $LATEST} for an unqualified call:
 *     asynchronous settings are looked up by it
 * @param provisionedKey the qualifier whose provisioned environments may serve the call, or null
 * @param invokedArn the ARN as the caller named it, qualified or not
 */
record InvokeTarget(
    FunctionImpl function,
    VersionImpl version,
    String qualifier,
    String provisionedKey,
    String invokedArn) {

  /** The ARN with the qualifier always present, as invocation records show it. */
  String qualifiedArn() {
    return function.qualifiedArn(qualifier);
  }
}
