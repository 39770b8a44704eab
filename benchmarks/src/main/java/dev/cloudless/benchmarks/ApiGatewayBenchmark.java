package dev.cloudless.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.cloudless.fakes.FakeCloud;
import dev.cloudless.fakes.apigateway.ApiRequest;
import dev.cloudless.fakes.apigateway.ApiResponse;
import dev.cloudless.fakes.apigateway.Integration;
import dev.cloudless.fakes.apigateway.MethodSpec;
import dev.cloudless.fakes.apigateway.RestApi;
import dev.cloudless.fakes.apigateway.RestApiSpec;
import dev.cloudless.fakes.apigateway.Stage;
import dev.cloudless.fakes.apigateway.StageSpec;
import dev.cloudless.fakes.lambda.FunctionSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A {@code GET /price} on a REST API whose route is a Lambda proxy integration, three ways in the
 * same run: in process ({@code stage.call}, no socket), over loopback HTTP to the fake's listener
 * with the JDK's {@code HttpClient}, and, for scale, the same client against a WireMock stub that
 * serves the same response (status, headers, body) with no Lambda and no gateway behind it.
 *
 * <p>The in-process figure is what a test pays per request: routing, the v1 proxy event, the invoke
 * (worker hand-off, serializers, journal, trace), the proxy response checks. The loopback figure
 * adds the HTTP client, the socket and Jetty; the WireMock figure is the floor for an HTTP round
 * trip with this client on this machine. One cloud serves a whole iteration.
 */
@State(Scope.Thread)
@Threads(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ApiGatewayBenchmark {

  /** What the function answers, and what the WireMock stub serves. */
  static final String BODY = "{\"sku\":\"book\",\"totalCents\":2500}";

  static final String PROXY_RESPONSE =
      "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":"
          + "\"{\\\"sku\\\":\\\"book\\\",\\\"totalCents\\\":2500}\"}";

  private FakeCloud cloud;
  private Stage stage;
  private WireMockServer wireMock;
  private HttpClient http;
  private HttpRequest overLoopback;
  private HttpRequest toWireMock;

  @Setup(Level.Iteration)
  public void start() {
    cloud = FakeCloud.create();
    cloud
        .lambda()
        .create(
            FunctionSpec.named("price")
                .handler(
                    (RequestStreamHandler)
                        (in, out, context) -> {
                          in.readAllBytes();
                          out.write(PROXY_RESPONSE.getBytes(StandardCharsets.UTF_8));
                        }));
    RestApi api = cloud.apiGateway().createRestApi(RestApiSpec.named("shop"));
    api.method("GET", "/price", MethodSpec.of(Integration.lambdaProxy("price")));
    stage = api.deploy(StageSpec.named("prod"));
    if (wireMock == null) {
      wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort());
      wireMock.start();
      wireMock.stubFor(
          WireMock.get("/prod/price")
              .willReturn(
                  WireMock.aResponse()
                      .withStatus(200)
                      .withHeader("Content-Type", "application/json")
                      .withBody(BODY)));
      http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      toWireMock =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wireMock.port() + "/prod/price"))
              .GET()
              .build();
    }
    overLoopback = HttpRequest.newBuilder(stage.url().resolve("price")).GET().build();
    // Refuse to measure an error path: a broken route would look fast.
    check(inProcess().statusCode(), inProcess().bodyAsString());
    HttpResponse<String> overHttp = loopbackHttp();
    check(overHttp.statusCode(), overHttp.body());
    HttpResponse<String> stub = wireMockHttp();
    check(stub.statusCode(), stub.body());
  }

  private static void check(int status, String body) {
    if (status != 200 || !BODY.equals(body)) {
      throw new IllegalStateException(
          "The warm-up request did not succeed: " + status + " " + body);
    }
  }

  @TearDown(Level.Iteration)
  public void closeCloud() {
    cloud.close();
  }

  @TearDown(Level.Trial)
  public void stopWireMock() {
    if (wireMock != null) {
      wireMock.stop();
    }
  }

  /** The request in process: {@code stage.call(ApiRequest.get("/price"))}. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public ApiResponse inProcess() {
    return stage.call(ApiRequest.get("/price"));
  }

  /** The same request over loopback HTTP to the fake's listener. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public HttpResponse<String> loopbackHttp() {
    return send(overLoopback);
  }

  /** The same response from a WireMock stub, over loopback HTTP with the same client. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public HttpResponse<String> wireMockHttp() {
    return send(toWireMock);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
