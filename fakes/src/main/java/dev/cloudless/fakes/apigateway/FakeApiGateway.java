package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The fake API Gateway: REST, HTTP and WebSocket APIs, served in process ({@code call}) and over
 * real HTTP on loopback ({@code url()}), through one pipeline.
 *
 * <pre>{@code
 * RestApi api = cloud.apiGateway().createRestApi(RestApiSpec.named("orders"));
 * api.method("GET", "/orders/{id}", MethodSpec.of(Integration.lambdaProxy("get-order")));
 * Stage prod = api.deploy(StageSpec.named("prod"));
 * ApiResponse response = prod.call(ApiRequest.get("/orders/42"));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface FakeApiGateway {

  /** Creates a REST API with no resource but the root. */
  RestApi createRestApi(RestApiSpec spec);

  /**
   * Imports a REST API from an OpenAPI 3.0 or Swagger 2.0 document (JSON or YAML), with API
   * Gateway's {@code x-amazon-apigateway-*} extensions ({@code ImportRestApi}). Operations without
   * an integration answer from the document's examples, as mocks.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code BadRequestException} for a document
   *     AWS refuses, OpenAPI 3.1 included
   */
  RestApi importRestApi(String document);

  /** Creates an HTTP API with no route. */
  HttpApi createHttpApi(HttpApiSpec spec);

  /** Imports an HTTP API from an OpenAPI 3.0 document with API Gateway's extensions. */
  HttpApi importHttpApi(String document);

  /** Creates a WebSocket API. */
  WebSocketApi createWebSocketApi(WebSocketApiSpec spec);

  /** The REST API with this id; {@code NotFoundException} when there is none. */
  RestApi restApi(String id);

  /** The HTTP API with this id; {@code NotFoundException} when there is none. */
  HttpApi httpApi(String id);

  /** The WebSocket API with this id; {@code NotFoundException} when there is none. */
  WebSocketApi webSocketApi(String id);

  /** Every REST API, oldest first ({@code GetRestApis}). */
  List<RestApi> restApis();

  /** Every HTTP API, oldest first ({@code GetApis}). */
  List<HttpApi> httpApis();

  /** Every WebSocket API, oldest first ({@code GetApis}). */
  List<WebSocketApi> webSocketApis();

  /** Creates an enabled API key whose value is drawn from the cloud's seed. */
  ApiKey createApiKey(String name);

  /** Creates an enabled API key with {@code value} (at least 20 characters, as AWS requires). */
  ApiKey createApiKey(String name, String value);

  UsagePlan createUsagePlan(UsagePlanSpec spec);

  /**
   * The account's throttle, shared by every API of the cloud: 10,000 requests per second with
   * bursts of 5,000 unless changed, as AWS's default per Region.
   */
  void accountThrottle(Throttle throttle);

  /** Every request any API answered, in order. */
  List<ApiGatewayEvent.RequestServed> requests();
}
