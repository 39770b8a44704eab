package dev.cloudless.fakes.apigateway.internal.compression;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.apigateway.ApiRequest;
import dev.cloudless.fakes.apigateway.ApiResponse;
import dev.cloudless.fakes.apigateway.Header;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;
import org.apiguardian.api.API;

/**
 * Payload compression of a REST API with {@code minimumCompressionSize} set: request bodies are
 * decompressed by their {@code Content-Encoding} before anything reads them, and responses at least
 * that large are compressed with the coding {@code Accept-Encoding} prefers ({@code gzip}, {@code
 * deflate} or {@code identity}, q-values and {@code *} as RFC 7231 reads them). Source: API Gateway
 * developer guide, {@code api-gateway-gzip-compression-decompression.md}; AWS-SEMANTICS 5.6.
 */
@API(status = INTERNAL, since = "0.1")
public final class Compression {

  private static final List<String> CODINGS = List.of("gzip", "deflate", "identity");

  private Compression() {}

  /** A request body whose encoding API Gateway does not know: 415. */
  @API(status = INTERNAL, since = "0.1")
  public static final class UnsupportedEncoding extends Exception {
    private static final long serialVersionUID = 1L;

    UnsupportedEncoding(String message) {
      super(message);
    }
  }

  /** The request with its body decompressed and {@code Content-Encoding} removed. */
  public static ApiRequest decompress(ApiRequest request) throws UnsupportedEncoding {
    String encoding = request.header("Content-Encoding");
    if (encoding == null || request.body().length == 0) {
      return request;
    }
    String coding = encoding.trim().toLowerCase(Locale.ROOT);
    byte[] body;
    try {
      body =
          switch (coding) {
            case "gzip" -> readAll(new GZIPInputStream(new ByteArrayInputStream(request.body())));
            case "deflate" ->
                readAll(new InflaterInputStream(new ByteArrayInputStream(request.body())));
            case "identity" -> request.body();
            default -> throw new UnsupportedEncoding("Content-Encoding " + encoding);
          };
    } catch (IOException e) {
      throw new UnsupportedEncoding("the body is not valid " + coding + ": " + e.getMessage());
    }
    List<Header> headers = new ArrayList<>();
    for (Header h : request.headers()) {
      if (!h.name().equalsIgnoreCase("Content-Encoding")
          && !h.name().equalsIgnoreCase("Content-Length")) {
        headers.add(h);
      }
    }
    return new ApiRequest(
        request.method(), request.pathAndQuery(), headers, body, request.sourceIp());
  }

  /**
   * The response compressed for {@code acceptEncoding} when its body has at least {@code
   * minimumSize} bytes; unchanged otherwise, or when it is already encoded.
   */
  public static ApiResponse compress(ApiResponse response, String acceptEncoding, int minimumSize) {
    byte[] body = response.body();
    if (acceptEncoding == null
        || body.length < minimumSize
        || response.header("Content-Encoding") != null) {
      return response;
    }
    String coding = negotiate(acceptEncoding);
    if (coding == null || coding.equals("identity")) {
      return response;
    }
    byte[] encoded = encode(body, coding);
    List<Header> headers = new ArrayList<>();
    for (Header h : response.headers()) {
      if (!h.name().equalsIgnoreCase("Content-Length")) {
        headers.add(h);
      }
    }
    headers.add(new Header("Content-Encoding", coding));
    return new ApiResponse(response.statusCode(), headers, encoded);
  }

  /**
   * The coding with the highest q-value among gzip, deflate and identity; ties go in that order.
   */
  public static String negotiate(String acceptEncoding) {
    double best = 0;
    String chosen = null;
    double wildcard = -1;
    java.util.Map<String, Double> q = new java.util.HashMap<>();
    for (String part : acceptEncoding.split(",")) {
      String[] pieces = part.trim().split(";");
      String name = pieces[0].trim().toLowerCase(Locale.ROOT);
      double value = 1;
      for (int i = 1; i < pieces.length; i++) {
        String p = pieces[i].trim();
        if (p.startsWith("q=")) {
          try {
            value = Double.parseDouble(p.substring(2));
          } catch (NumberFormatException e) {
            value = 0;
          }
        }
      }
      if (name.equals("*")) {
        wildcard = value;
      } else {
        q.put(name, value);
      }
    }
    for (String coding : CODINGS) {
      double value = q.containsKey(coding) ? q.get(coding) : wildcard >= 0 ? wildcard : -1;
      if (coding.equals("identity") && value < 0) {
        value = 0.001; // identity is acceptable unless refused
      }
      if (value > best) {
        best = value;
        chosen = coding;
      }
    }
    return chosen;
  }

  /** {@code body} encoded with {@code coding} (gzip, or deflate as zlib, RFC 1950). */
  public static byte[] encode(byte[] body, String coding) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var stream =
        coding.equals("gzip") ? new GZIPOutputStream(out) : new DeflaterOutputStream(out)) {
      stream.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException("In-memory compression cannot fail", e);
    }
    return out.toByteArray();
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }
}
