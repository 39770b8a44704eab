package dev.cloudless.fakes.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP/1.1 client for function URL tests: one blocking call, no retries. */
final class UrlClient {

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          // A guard against a hung test only; no test waits on it.
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(FunctionUrlConfig url, String pathAndQuery) {
    return send(HttpRequest.newBuilder(resolve(url, pathAndQuery)).GET().build());
  }

  static URI resolve(FunctionUrlConfig url, String pathAndQuery) {
    return URI.create(url.functionUrl() + pathAndQuery.replaceFirst("^/", ""));
  }
}
