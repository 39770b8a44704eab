package dev.cloudless.fakes.aws;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An error a fake service returns, as AWS returns it: the HTTP status, AWS's error code (such as
 * {@code ResourceNotFoundException} or {@code AWS.SimpleQueueService.NonExistentQueue}), the error
 * type ({@code User} for client errors, {@code Service} for server errors) and AWS's message.
 *
 * <p>Services with errors that carry extra fields subclass it, as {@code
 * dev.cloudless.fakes.lambda.TooManyRequestsException} does for {@code Reason}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class AwsServiceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String errorCode;
  private final String errorType;
  private final Map<String, String> fields;

  public AwsServiceException(int statusCode, String errorCode, String message) {
    this(statusCode, errorCode, message, Map.of());
  }

  public AwsServiceException(
      int statusCode, String errorCode, String message, Map<String, String> fields) {
    super(message);
    this.statusCode = statusCode;
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    this.errorType = statusCode >= 500 ? "Service" : "User";
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** The HTTP status AWS answers with, such as 404 or 429. */
  public int statusCode() {
    return statusCode;
  }

  /** AWS's error code, such as {@code TooManyRequestsException}. */
  public String errorCode() {
    return errorCode;
  }

  /** {@code User} for 4xx errors, {@code Service} for 5xx. */
  public String errorType() {
    return errorType;
  }

  /** Extra fields of the error body, such as {@code Reason}. */
  public Map<String, String> fields() {
    return fields;
  }

  @Override
  public String toString() {
    return errorCode + " (" + statusCode + "): " + getMessage();
  }
}
