package dev.cloudless.fakes.internal.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A request as it came over the wire, before any AWS service interprets it: the fakes build their
 * events (function URL and API Gateway payloads) from it, so nothing here is decoded or merged.
 *
 * @param method the HTTP method, such as {@code POST}
 * @param rawPath the path as sent, still percent-encoded
 * @param rawQuery the query string as sent, without {@code ?}; empty when there is none
 * @param protocol such as {@code HTTP/1.1}
 * @param headers every header line, in the order received, duplicates kept
 * @param body the body's bytes, empty when there is none
 * @param sourceIp the address of the TCP peer
 * @param localPort the port the request arrived on
 */
@API(status = INTERNAL, since = "0.1")
public record IncomingRequest(
    String method,
    String rawPath,
    String rawQuery,
    String protocol,
    List<HttpField> headers,
    byte[] body,
    String sourceIp,
    int localPort) {

  public IncomingRequest {
    headers = List.copyOf(headers);
  }

  /** The first value of the header {@code name} (any case), or {@code null}. */
  public String header(String name) {
    for (HttpField field : headers) {
      if (field.name().equalsIgnoreCase(name)) {
        return field.value();
      }
    }
    return null;
  }
}
