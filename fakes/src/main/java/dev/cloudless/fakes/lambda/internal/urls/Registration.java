package dev.cloudless.fakes.lambda.internal.urls;

import dev.cloudless.fakes.internal.http.HttpEndpoint;
import dev.cloudless.fakes.lambda.FunctionUrlConfig;
import dev.cloudless.fakes.lambda.LambdaFunction;

/**
 * One function URL: the function it was made for (the object, so that a function deleted and made
 * again does not inherit it), its alias, its configuration and its port.
 */
final class Registration {

  static final String LATEST = "$LATEST";

  final LambdaFunction function;

  /** The alias, or null for {@code $LATEST}. */
  final String qualifier;

  final HttpEndpoint endpoint;
  private volatile FunctionUrlConfig config;
  private volatile boolean deleted;

  Registration(
      LambdaFunction function, String qualifier, HttpEndpoint endpoint, FunctionUrlConfig config) {
    this.function = function;
    this.qualifier = qualifier;
    this.endpoint = endpoint;
    this.config = config;
  }

  FunctionUrlConfig config() {
    return config;
  }

  void config(FunctionUrlConfig config) {
    this.config = config;
  }

  boolean deleted() {
    return deleted;
  }

  void delete() {
    deleted = true;
  }

  /** {@code $LATEST} or the alias: how the journal and the registry name it. */
  String qualifierKey() {
    return qualifier == null ? LATEST : qualifier;
  }

  /** The function's ARN, qualified for an alias's URL. */
  String resourceArn() {
    return config.functionArn();
  }
}
