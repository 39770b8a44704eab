package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.journal.JournalEvent;
import java.time.Instant;
import org.apiguardian.api.API;

/** What function URLs record in the journal: their configuration and every request served. */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface FunctionUrlEvent extends JournalEvent {

  /** The function's name. */
  String functionName();

  /** The URL's 32-character id. */
  String urlId();

  /**
   * A function URL was created, updated or deleted.
   *
   * @param resourceArn the function's ARN, qualified for an alias's URL
   * @param qualifier the alias, or {@code $LATEST}
   * @param change {@code created}, {@code updated} or {@code deleted}
   * @param authType the auth type after the change
   * @param functionUrl where it is served
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record ConfigChanged(
      long sequence,
      Instant time,
      String resourceArn,
      String functionName,
      String urlId,
      String qualifier,
      String change,
      FunctionUrlAuthType authType,
      String functionUrl)
      implements FunctionUrlEvent {
    @Override
    public String traceId() {
      return null;
    }

    @Override
    public String summary() {
      return functionName
          + (qualifier.equals("$LATEST") ? "" : ":" + qualifier)
          + " function URL "
          + change
          + " ("
          + authType
          + ", "
          + functionUrl
          + ")";
    }
  }

  /**
   * A request to a function URL was answered, whether the function ran or Lambda answered alone (a
   * CORS preflight, a refused signature, a throttle).
   *
   * @param resourceArn the function's ARN, qualified for an alias's URL
   * @param method the HTTP method
   * @param path the raw path
   * @param statusCode the status the client got
   * @param requestId the {@code x-amzn-RequestId} the client got, also the invocation's request id
   * @param detail what happened: {@code invoked}, {@code function error}, {@code CORS preflight},
   *     or why the request was refused
   * @param invoked whether the function ran
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record RequestServed(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String functionName,
      String urlId,
      String method,
      String path,
      int statusCode,
      String requestId,
      String detail,
      boolean invoked)
      implements FunctionUrlEvent {
    @Override
    public String summary() {
      return functionName
          + " function URL "
          + method
          + " "
          + path
          + " -> "
          + statusCode
          + " ("
          + detail
          + ", request "
          + requestId
          + ")";
    }
  }
}
