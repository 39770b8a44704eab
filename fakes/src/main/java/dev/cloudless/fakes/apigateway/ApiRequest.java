package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A request to an API, made in process without a socket: {@code
 * api.call(ApiRequest.get("/prod/orders/42"))}. It goes through the same pipeline as a request over
 * HTTP. Immutable: each method returns a copy.
 *
 * <pre>{@code
 * ApiResponse response = stage.call(ApiRequest.post("/orders")
 *     .header("Content-Type", "application/json")
 *     .body("{\"item\":\"book\"}"));
 * }</pre>
 *
 * @param method the HTTP method, upper case
 * @param pathAndQuery the raw path (percent-encoded, as it would be sent) with an optional {@code
 *     ?query}
 * @param headers the header lines, in order; a name may repeat
 * @param body the body's bytes; empty when there is none
 * @param sourceIp the caller's address, as API Gateway reports it in {@code identity.sourceIp}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ApiRequest(
    String method, String pathAndQuery, List<Header> headers, byte[] body, String sourceIp) {

  /** The address in-process requests come from unless told otherwise. */
  public static final String DEFAULT_SOURCE_IP = "127.0.0.1";

  public ApiRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathAndQuery, "pathAndQuery");
    Objects.requireNonNull(sourceIp, "sourceIp");
    method = method.toUpperCase(Locale.ROOT);
    if (!pathAndQuery.startsWith("/")) {
      throw new IllegalArgumentException(
          "A request path must start with '/'; got [" + pathAndQuery + "].");
    }
    headers = List.copyOf(headers);
    body = body == null ? new byte[0] : body.clone();
  }

  /** A request with {@code method} to {@code pathAndQuery}, no header and no body. */
  public static ApiRequest of(String method, String pathAndQuery) {
    return new ApiRequest(method, pathAndQuery, List.of(), new byte[0], DEFAULT_SOURCE_IP);
  }

  public static ApiRequest get(String pathAndQuery) {
    return of("GET", pathAndQuery);
  }

  public static ApiRequest post(String pathAndQuery) {
    return of("POST", pathAndQuery);
  }

  public static ApiRequest put(String pathAndQuery) {
    return of("PUT", pathAndQuery);
  }

  public static ApiRequest delete(String pathAndQuery) {
    return of("DELETE", pathAndQuery);
  }

  /** This request with one more header line. */
  public ApiRequest header(String name, String value) {
    List<Header> more = new ArrayList<>(headers);
    more.add(new Header(name, value));
    return new ApiRequest(method, pathAndQuery, more, body, sourceIp);
  }

  /** This request with a UTF-8 text body. */
  public ApiRequest body(String text) {
    return body(text.getBytes(StandardCharsets.UTF_8));
  }

  /** This request with a binary body. */
  public ApiRequest body(byte[] bytes) {
    return new ApiRequest(method, pathAndQuery, headers, bytes, sourceIp);
  }

  /** This request coming from {@code ip}. */
  public ApiRequest sourceIp(String ip) {
    return new ApiRequest(method, pathAndQuery, headers, body, ip);
  }

  /** This request with its path prefixed by {@code prefix} (such as {@code /prod}). */
  public ApiRequest prefixed(String prefix) {
    return new ApiRequest(method, prefix + pathAndQuery, headers, body, sourceIp);
  }

  /** The body, a copy. */
  @Override
  public byte[] body() {
    return body.clone();
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

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiRequest r
        && method.equals(r.method)
        && pathAndQuery.equals(r.pathAndQuery)
        && headers.equals(r.headers)
        && java.util.Arrays.equals(body, r.body)
        && sourceIp.equals(r.sourceIp);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, pathAndQuery, headers, java.util.Arrays.hashCode(body), sourceIp);
  }

  @Override
  public String toString() {
    return method + " " + pathAndQuery;
  }
}
