package dev.cloudless.fakes.lambda;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.URI;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A function URL as {@code GetFunctionUrlConfig} reports it.
 *
 * <p>AWS's URL is {@code https://<url-id>.lambda-url.<region>.on.aws/}. Cloudless serves each
 * function URL on a port of its own on the loopback interface, so {@link #functionUrl()} is {@code
 * http://127.0.0.1:<port>/}: call it with any HTTP client. The AWS-style id is kept in {@link
 * #urlId()} and appears in the event as {@code requestContext.apiId} and {@code domainPrefix}.
 *
 * @param functionUrl where the URL is served: {@code http://127.0.0.1:<port>/}
 * @param functionArn the function's ARN, qualified when the URL is an alias's
 * @param authType how callers authenticate
 * @param cors the CORS settings, {@link Cors#NONE} when there are none
 * @param creationTime when it was created (virtual time)
 * @param lastModifiedTime when it was last changed (virtual time)
 * @param invokeMode {@code BUFFERED}, the only mode Cloudless serves
 * @param urlId the 32-character id AWS would put in the host name
 * @param domainName the host name AWS would give the URL: {@code
 *     <url-id>.lambda-url.<region>.on.aws}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record FunctionUrlConfig(
    String functionUrl,
    String functionArn,
    FunctionUrlAuthType authType,
    Cors cors,
    Instant creationTime,
    Instant lastModifiedTime,
    String invokeMode,
    String urlId,
    String domainName) {

  /** {@link #functionUrl()} as a URI, ready for an HTTP client. */
  public URI uri() {
    return URI.create(functionUrl);
  }
}
