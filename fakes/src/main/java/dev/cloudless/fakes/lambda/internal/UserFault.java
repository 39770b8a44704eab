package dev.cloudless.fakes.lambda.internal;

/**
 * A fault the Lambda Java runtime reports itself rather than one the handler threw: a class not
 * found, a bad handler string, a handler class it cannot use. As the runtime's {@code UserFault},
 * it carries an {@code errorMessage} and, where the runtime names one, an {@code errorType}, and
 * never a stack trace. A fatal fault ends the runtime after it is reported, so the environment
 * initialises again on its next invocation.
 *
 * <p>The texts come from aws/aws-lambda-java-libs, {@code
 * aws-lambda-java-runtime-interface-client}: {@code AWSLambda.findRequestHandler}, {@code
 * EventHandlerLoader} and {@code UserFault}.
 */
final class UserFault extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String errorType;
  private final boolean fatal;

  UserFault(String message, String errorType, boolean fatal) {
    super(message, null, false, false);
    this.errorType = errorType;
    this.fatal = fatal;
  }

  /** A fault with a message only: the runtime names no type for these. */
  static UserFault message(String message) {
    return new UserFault(message, null, false);
  }

  /** The runtime's {@code makeUserFault(t, fatal)}: the throwable's message and class. */
  static UserFault of(Throwable t, boolean fatal) {
    String message =
        t.getLocalizedMessage() == null ? t.getClass().getName() : t.getLocalizedMessage();
    return new UserFault(message, t.getClass().getName(), fatal);
  }

  /** The runtime's {@code makeInitErrorUserFault}: loading the handler class failed. */
  static UserFault loadingClass(Throwable e, String className) {
    return new UserFault(
        "Error loading class " + className + (e.getMessage() == null ? "" : ": " + e.getMessage()),
        e.getClass().getName(),
        true);
  }

  /** The runtime's {@code errorType}, or {@code null} where it reports none. */
  String errorType() {
    return errorType;
  }

  boolean fatal() {
    return fatal;
  }
}
