package dev.cloudless.examples.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * API Gateway's {@code @connections} management API, as the handler calls it: {@code POST
 * <endpoint>/@connections/<id>} sends a message to a client. (In production the AWS SDK's {@code
 * ApiGatewayManagementApiClient} makes the same call, signed.)
 */
public final class Connections {

  private final URI endpoint;
  private final HttpClient http = HttpClient.newHttpClient();

  /** {@code endpoint}: {@code https://<api-id>.execute-api.<region>.amazonaws.com/<stage>}. */
  public Connections(URI endpoint) {
    this.endpoint = endpoint;
  }

  /**
   * Sends {@code message} to a connection; false when the connection is gone (410), which a chat
   * expects: clients vanish without saying goodbye.
   */
  public boolean post(String connectionId, String message) {
    URI uri =
        URI.create(
            endpoint + "/@connections/" + URLEncoder.encode(connectionId, StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(message)).build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status == 410) {
        return false;
      }
      if (status != 200) {
        throw new IllegalStateException("@connections answered " + status + " for " + uri);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while posting to " + uri, e);
    }
  }
}
