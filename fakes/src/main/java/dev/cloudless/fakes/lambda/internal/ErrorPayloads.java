package dev.cloudless.fakes.lambda.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Locale;

/** The error payloads Lambda returns, with the Java runtime's keys and AWS's key order. */
final class ErrorPayloads {

  /** The response size AWS's message states as the maximum. */
  static final int MAX_RESPONSE_BYTES = 6_291_556;

  private static final String OUR_FRAMES = ErrorPayloads.class.getPackageName() + ".";

  private final ObjectMapper json;

  ErrorPayloads(ObjectMapper json) {
    this.json = json;
  }

  /** The error of an uncaught exception: message, type and the handler's stack frames. */
  ObjectNode fromThrowable(Throwable t) {
    if (t instanceof UserFault fault) {
      return userFault(fault);
    }
    ObjectNode node = json.createObjectNode();
    node.put("errorMessage", messageOf(t));
    node.put("errorType", t.getClass().getName());
    ArrayNode frames = node.putArray("stackTrace");
    for (StackTraceElement frame : t.getStackTrace()) {
      // As the runtime cuts its own frames, cut Cloudless's: the trace ends at the handler.
      if (frame.getClassName().startsWith(OUR_FRAMES)) {
        break;
      }
      frames.add(frame.toString());
    }
    return node;
  }

  /** The error of a failed initialisation (the handler's constructor): no stack trace. */
  ObjectNode initError(Throwable t) {
    if (t instanceof UserFault fault) {
      return userFault(fault);
    }
    return plain(t.getClass().getName(), messageOf(t));
  }

  /**
   * A fault the Java runtime reports itself (a class not found, a bad handler): no stack trace, and
   * no {@code errorType} where the runtime names none.
   */
  ObjectNode userFault(UserFault fault) {
    ObjectNode node = json.createObjectNode();
    node.put("errorMessage", fault.getMessage());
    if (fault.errorType() != null) {
      node.put("errorType", fault.errorType());
    }
    return node;
  }

  /** An error with a type and a message only, as runtime errors have. */
  ObjectNode plain(String errorType, String errorMessage) {
    ObjectNode node = json.createObjectNode();
    node.put("errorMessage", errorMessage);
    node.put("errorType", errorType);
    return node;
  }

  /** The timeout error; AWS puts {@code errorType} first here. */
  ObjectNode timeout(String requestId, Duration timeout) {
    ObjectNode node = json.createObjectNode();
    node.put("errorType", "Sandbox.Timedout");
    node.put("errorMessage", "RequestId: " + requestId + " Error: " + timeoutText(timeout));
    return node;
  }

  /** {@code Task timed out after 3.00 seconds}. */
  static String timeoutText(Duration timeout) {
    return String.format(
        Locale.ROOT, "Task timed out after %.2f seconds", timeout.toMillis() / 1000.0);
  }

  /**
   * What a Java handler sees when {@code /tmp} is full: an {@code IOException} with the operating
   * system's message. Cloudless finds the overflow when the invocation ends, so the trace is empty.
   */
  ObjectNode noSpaceLeft() {
    ObjectNode node = plain("java.io.IOException", "No space left on device");
    node.putArray("stackTrace");
    return node;
  }

  ObjectNode responseTooLarge() {
    return plain(
        "Function.ResponseSizeTooLarge",
        "Response payload size exceeded maximum allowed payload size ("
            + MAX_RESPONSE_BYTES
            + " bytes).");
  }

  private static String messageOf(Throwable t) {
    String message = t.getLocalizedMessage();
    return message == null ? t.getClass().getName() : message;
  }
}
