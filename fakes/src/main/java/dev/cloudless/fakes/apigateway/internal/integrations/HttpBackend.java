package dev.cloudless.fakes.apigateway.internal.integrations;

import dev.cloudless.fakes.apigateway.ApiResponse;
import dev.cloudless.fakes.apigateway.Header;
import dev.cloudless.fakes.apigateway.Integration;
import dev.cloudless.fakes.apigateway.IntegrationResponse;
import dev.cloudless.fakes.apigateway.IntegrationType;
import dev.cloudless.fakes.apigateway.internal.model.Exchange;
import dev.cloudless.fakes.apigateway.internal.model.FunctionRefs;
import dev.cloudless.fakes.apigateway.internal.model.Replies;
import dev.cloudless.fakes.apigateway.internal.model.RequestParts;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * HTTP and HTTP proxy integrations: a real call to the backend URL (in tests, a WireMock server).
 * Its time is real, so it does not move the virtual clock; the integration timeout applies to it as
 * a real-time limit, answered as AWS answers a timeout.
 */
final class HttpBackend {

  /** Headers the JDK client sets itself, or that describe the client's connection. */
  private static final Set<String> NOT_FORWARDED =
      Set.of("host", "content-length", "expect", "connection", "upgrade", "http2-settings");

  /** Created on first use: a cloud without HTTP integrations starts no client thread. */
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  IntegrationResult run(Exchange ex, Integration integration, Integrations integrations) {
    boolean proxy = integration.type() == IntegrationType.HTTP_PROXY;
    Map<String, String> pathParams = new LinkedHashMap<>(ex.pathParameters());
    Map<String, List<String>> query = new LinkedHashMap<>();
    List<Header> headers = new ArrayList<>();
    if (proxy) {
      ex.query().forEach((k, v) -> query.put(k, new ArrayList<>(v)));
      for (Header h : ex.request().headers()) {
        if (!NOT_FORWARDED.contains(h.name().toLowerCase(Locale.ROOT))
            && !RequestParts.isHopByHop(h.name())) {
          headers.add(h);
        }
      }
    }
    for (Map.Entry<String, String> p : integration.requestParameters().entrySet()) {
      String value = TemplateContext.source(ex, p.getValue());
      if (value == null) {
        continue;
      }
      String target = p.getKey();
      String name = target.substring(target.lastIndexOf('.') + 1);
      if (target.startsWith("integration.request.header.")) {
        headers.removeIf(h -> h.name().equalsIgnoreCase(name));
        headers.add(new Header(name, value));
      } else if (target.startsWith("integration.request.querystring.")) {
        query.put(name, new ArrayList<>(List.of(value)));
      } else {
        pathParams.put(name, value);
      }
    }
    String uri = FunctionRefs.withStageVariables(integration.uri(), ex.stageVariables());
    for (Map.Entry<String, String> p : pathParams.entrySet()) {
      uri =
          uri.replace("{" + p.getKey() + "}", p.getValue())
              .replace("{" + p.getKey() + "+}", p.getValue());
    }
    if (!query.isEmpty()) {
      StringBuilder q = new StringBuilder(uri.contains("?") ? "&" : "?");
      query.forEach(
          (k, values) ->
              values.forEach(
                  v ->
                      q.append(q.length() > 1 ? "&" : "")
                          .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                          .append('=')
                          .append(URLEncoder.encode(v, StandardCharsets.UTF_8))));
      uri = uri + q;
    }
    String body = new String(ex.request().body(), StandardCharsets.UTF_8);
    Integrations.Mapped mapped = null;
    if (!proxy) {
      mapped = integrations.mapRequest(ex, integration, body);
      if (mapped.refused() != null) {
        return new IntegrationResult(mapped.refused(), "no request template for the content type");
      }
    }
    byte[] outgoing = proxy ? ex.request().body() : mapped.body().getBytes(StandardCharsets.UTF_8);
    String method =
        integration.httpMethod() == null || integration.httpMethod().equals("ANY")
            ? ex.request().method()
            : integration.httpMethod();
    HttpRequest.Builder request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(uri))
              .timeout(integration.timeout())
              .method(
                  method,
                  outgoing.length == 0
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(outgoing));
    } catch (IllegalArgumentException e) {
      return new IntegrationResult(
          Replies.configurationError(ex.kind()), "invalid backend URI [" + uri + "]");
    }
    for (Header h : headers) {
      try {
        request.header(h.name(), h.value());
      } catch (IllegalArgumentException e) {
        // A header the JDK client refuses to set (restricted); the backend goes without it.
      }
    }
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      return new IntegrationResult(Replies.integrationTimeout(ex.kind()), "integration timeout");
    } catch (IOException e) {
      return new IntegrationResult(
          Replies.configurationError(ex.kind()), "backend unreachable: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new IntegrationResult(Replies.configurationError(ex.kind()), "interrupted");
    }
    List<Header> backendHeaders = new ArrayList<>();
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              String lower = name.toLowerCase(Locale.ROOT);
              if (!lower.equals(":status")
                  && !lower.equals("content-length")
                  && !RequestParts.isHopByHop(lower)
                  && !lower.equals("date")) {
                values.forEach(v -> backendHeaders.add(new Header(name, v)));
              }
            });
    if (proxy) {
      return new IntegrationResult(
          new ApiResponse(response.statusCode(), backendHeaders, response.body()), "integration");
    }
    IntegrationResponse chosen =
        Integrations.select(integration.responses(), Integer.toString(response.statusCode()));
    if (chosen == null) {
      return new IntegrationResult(
          Replies.configurationError(ex.kind()),
          "backend status " + response.statusCode() + " matches no integration response");
    }
    return new IntegrationResult(
        integrations.mapResponse(
            ex, chosen, new String(response.body(), StandardCharsets.UTF_8), backendHeaders),
        "integration");
  }
}
