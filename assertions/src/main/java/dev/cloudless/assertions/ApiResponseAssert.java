package dev.cloudless.assertions;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.apigateway.ApiResponse;
import dev.cloudless.fakes.apigateway.Header;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import net.javacrumbs.jsonunit.assertj.JsonAssert;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what API Gateway answered, in process or over HTTP:
 *
 * <pre>{@code
 * assertThat(stage.call(ApiRequest.get("/orders/42")))
 *     .hasStatus(200)
 *     .hasHeader("Content-Type", "application/json")
 *     .hasJsonBody("{\"orderId\":\"42\"}");
 * }</pre>
 *
 * <p>Body assertions read the body as a client does after decoding it: a response compressed with
 * {@code gzip} or {@code deflate} is decompressed first, so compression does not change what a test
 * says about the content ({@link #isCompressedWith(String)} says whether it was compressed). A
 * failure shows the status, the headers and the decoded body.
 *
 * <p>Not final only so that {@link CloudlessSoftAssertions} can proxy it; the package-private
 * constructor keeps it closed to other subclasses.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class ApiResponseAssert extends AbstractAssert<ApiResponseAssert, ApiResponse> {

  ApiResponseAssert(ApiResponse actual) {
    super(actual, ApiResponseAssert.class);
  }

  /** Verifies the status code. */
  public ApiResponseAssert hasStatus(int expected) {
    int status = response().statusCode();
    if (status != expected) {
      throw fail("to have status " + expected + " but it was " + status + ".");
    }
    return myself;
  }

  /** Verifies that the header {@code name} (any case) is present, with any value. */
  public ApiResponseAssert hasHeader(String name) {
    Objects.requireNonNull(name, "name");
    if (response().headerValues(name).isEmpty()) {
      throw fail("to have header [" + name + "] but it had none.");
    }
    return myself;
  }

  /** Verifies that one of the values of header {@code name} (any case) is {@code expected}. */
  public ApiResponseAssert hasHeader(String name, String expected) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expected, "expected");
    List<String> values = response().headerValues(name);
    if (!values.contains(expected)) {
      throw fail(
          "to have header ["
              + name
              + ": "
              + expected
              + "] but "
              + (values.isEmpty() ? "it had no such header." : "its values were " + values + "."));
    }
    return myself;
  }

  /** Verifies that the response has no header {@code name} (any case). */
  public ApiResponseAssert doesNotHaveHeader(String name) {
    Objects.requireNonNull(name, "name");
    List<String> values = response().headerValues(name);
    if (!values.isEmpty()) {
      throw fail("not to have header [" + name + "] but it had " + values + ".");
    }
    return myself;
  }

  /**
   * Verifies {@code Content-Encoding}: {@code gzip} or {@code deflate}; {@code identity} verifies
   * that the body was not compressed.
   */
  public ApiResponseAssert isCompressedWith(String coding) {
    Objects.requireNonNull(coding, "coding");
    String encoding = response().header("Content-Encoding");
    boolean matches =
        coding.equalsIgnoreCase("identity")
            ? encoding == null || encoding.equalsIgnoreCase("identity")
            : coding.equalsIgnoreCase(encoding);
    if (!matches) {
      throw fail(
          "to be compressed with "
              + coding
              + " but its Content-Encoding was "
              + (encoding == null ? "absent" : encoding)
              + ".");
    }
    return myself;
  }

  /** Verifies the decoded body exactly, as UTF-8 text. */
  public ApiResponseAssert hasBody(String expected) {
    Objects.requireNonNull(expected, "expected");
    String body = decodedBody();
    if (!expected.equals(body)) {
      throw failureWithActualExpected(
          body,
          expected,
          FailureText.of(
              subject(), "to have body\n  " + expected + "\nbut it was\n  " + body, story()));
    }
    return myself;
  }

  /** Verifies that the decoded body contains {@code expected}. */
  public ApiResponseAssert hasBodyContaining(String expected) {
    Objects.requireNonNull(expected, "expected");
    if (!decodedBody().contains(expected)) {
      throw fail("to have a body containing [" + expected + "].");
    }
    return myself;
  }

  /**
   * Verifies that the decoded body is the same JSON as {@code expected}: key order and whitespace
   * do not matter; json-unit's placeholders such as {@code "${json-unit.any-string}"} work.
   */
  public ApiResponseAssert hasJsonBody(String expected) {
    Objects.requireNonNull(expected, "expected");
    Optional<String> difference = JsonComparison.difference(decodedBody(), expected);
    if (difference.isPresent()) {
      throw fail("to have a JSON body equal to\n  " + expected + "\nbut " + difference.get());
    }
    return myself;
  }

  /**
   * json-unit's assertions on the decoded body, to navigate into it: {@code
   * assertThat(response).jsonBody().inPath("items[0].id").isEqualTo("o-1")}.
   */
  public JsonAssert.ConfigurableJsonAssert jsonBody() {
    return assertThatJson(decodedBody()).as("body of " + subject());
  }

  /** The body as the client reads it: decompressed per {@code Content-Encoding}, as UTF-8. */
  private String decodedBody() {
    ApiResponse response = response();
    byte[] body = response.body();
    String encoding = response.header("Content-Encoding");
    if (encoding == null || body.length == 0) {
      return new String(body, StandardCharsets.UTF_8);
    }
    try (InputStream in =
        switch (encoding.trim().toLowerCase(java.util.Locale.ROOT)) {
          case "gzip" -> new GZIPInputStream(new ByteArrayInputStream(body));
          case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(body));
          default -> new ByteArrayInputStream(body);
        }) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "The body says Content-Encoding " + encoding + " but does not decode as such", e);
    }
  }

  private ApiResponse response() {
    if (actual == null) {
      throw failure(FailureText.of("an API response", "but it was null.", ""));
    }
    return actual;
  }

  private String subject() {
    return "response [" + actual.statusCode() + "]";
  }

  private String story() {
    StringBuilder sb = new StringBuilder("Response:\n  status: ").append(actual.statusCode());
    for (Header h : actual.headers()) {
      sb.append("\n  ").append(h.name()).append(": ").append(h.value());
    }
    String body;
    try {
      body = decodedBody();
    } catch (UncheckedIOException e) {
      body = "(" + e.getMessage() + ")";
    }
    return sb.append("\n  body: ").append(JournalStory.preview(body, 400)).append('\n').toString();
  }

  private AssertionError fail(String sentence) {
    return failure(FailureText.of(subject(), sentence, story()));
  }
}
