package dev.cloudless.fakes.internal.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What a fake answers over HTTP: the status, the header lines in order (a name may repeat, as
 * {@code set-cookie} does) and the body.
 */
@API(status = INTERNAL, since = "0.1")
public record OutgoingResponse(int status, List<HttpField> headers, byte[] body) {

  public OutgoingResponse {
    headers = List.copyOf(headers);
  }

  /** A response with a UTF-8 text body. */
  public static OutgoingResponse text(int status, List<HttpField> headers, String body) {
    return new OutgoingResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
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
