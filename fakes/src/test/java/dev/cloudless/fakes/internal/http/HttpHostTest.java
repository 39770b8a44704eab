package dev.cloudless.fakes.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpHostTest {

  private final HttpHost host = new HttpHost("test");
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @AfterEach
  void close() {
    host.close();
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void startsNothingUntilTheFirstEndpoint() {
    assertThat(host.started()).isFalse();

    host.open(request -> OutgoingResponse.text(200, List.of(), "ok"));

    assertThat(host.started()).isTrue();
  }

  @Test
  void eachEndpointHasItsOwnPortAndHandler() throws Exception {
    HttpEndpoint a = host.open(request -> OutgoingResponse.text(200, List.of(), "a"));
    HttpEndpoint b = host.open(request -> OutgoingResponse.text(201, List.of(), "b"));

    assertThat(a.port()).isNotEqualTo(b.port());
    assertThat(send(HttpRequest.newBuilder(a.uri()).build()).body()).isEqualTo("a");
    HttpResponse<String> fromB = send(HttpRequest.newBuilder(b.uri()).build());
    assertThat(fromB.statusCode()).isEqualTo(201);
    assertThat(fromB.body()).isEqualTo("b");
  }

  @Test
  void handsTheRequestOverAsSent() throws Exception {
    AtomicReference<IncomingRequest> seen = new AtomicReference<>();
    HttpEndpoint endpoint =
        host.open(
            request -> {
              seen.set(request);
              return new OutgoingResponse(
                  200,
                  List.of(new HttpField("Set-Cookie", "a=1"), new HttpField("Set-Cookie", "b=2")),
                  new byte[0]);
            });

    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(endpoint.uri().resolve("/a%2Fb/c?x=1&x=2"))
                .header("X-Twice", "one")
                .header("X-Twice", "two")
                .POST(HttpRequest.BodyPublishers.ofString("body"))
                .build());

    IncomingRequest request = seen.get();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.rawPath()).isEqualTo("/a%2Fb/c");
    assertThat(request.rawQuery()).isEqualTo("x=1&x=2");
    assertThat(request.protocol()).isEqualTo("HTTP/1.1");
    assertThat(request.headers())
        .filteredOn(f -> f.name().equalsIgnoreCase("X-Twice"))
        .extracting(HttpField::value)
        .containsExactly("one", "two");
    assertThat(request.body()).asString().isEqualTo("body");
    assertThat(request.sourceIp()).isEqualTo("127.0.0.1");
    assertThat(request.localPort()).isEqualTo(endpoint.port());
    assertThat(response.headers().allValues("set-cookie")).containsExactly("a=1", "b=2");
  }

  @Test
  void aClosedEndpointRefusesConnectionsWhileOthersServe() throws Exception {
    HttpEndpoint closed = host.open(request -> OutgoingResponse.text(200, List.of(), "gone"));
    HttpEndpoint open = host.open(request -> OutgoingResponse.text(200, List.of(), "here"));

    closed.close();

    assertThatThrownBy(() -> send(HttpRequest.newBuilder(closed.uri()).build()))
        .isInstanceOf(ConnectException.class);
    assertThat(send(HttpRequest.newBuilder(open.uri()).build()).body()).isEqualTo("here");
  }

  @Test
  void aHandlerThatThrowsGivesA500() throws Exception {
    HttpEndpoint endpoint =
        host.open(
            request -> {
              throw new IllegalStateException("boom");
            });

    assertThat(send(HttpRequest.newBuilder(endpoint.uri()).build()).statusCode()).isEqualTo(500);
  }
}
