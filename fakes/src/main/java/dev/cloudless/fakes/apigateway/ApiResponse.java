package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What API Gateway answered: the status, the header lines in order (a name may repeat, as {@code
 * Set-Cookie} does) and the body's bytes, exactly as a client over HTTP gets them (compressed when
 * the API compressed them).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ApiResponse(int statusCode, List<Header> headers, byte[] body) {

  public ApiResponse {
    headers = List.copyOf(headers);
    body = body == null ? new byte[0] : body.clone();
  }

  /** The body, a copy. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body as UTF-8 text. */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The first value of the header {@code name} (any case), or {@code null}. */
  public String header(String name) {
    for (Header h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        return h.value();
      }
    }
    return null;
  }

  /** Every value of the header {@code name} (any case), in order. */
  public List<String> headerValues(String name) {
    List<String> values = new ArrayList<>();
    for (Header h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        values.add(h.value());
      }
    }
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiResponse r
        && statusCode == r.statusCode
        && headers.equals(r.headers)
        && Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(statusCode, headers, Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "ApiResponse[" + statusCode + " " + bodyAsString() + "]";
  }
}
