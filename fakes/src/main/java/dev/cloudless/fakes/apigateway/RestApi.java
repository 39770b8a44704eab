package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A REST API: resources and their methods, authorizers and stages. Changes reach clients when the
 * API is deployed to a stage, as on AWS.
 *
 * <pre>{@code
 * RestApi api = cloud.apiGateway().createRestApi(RestApiSpec.named("orders"));
 * api.method("GET", "/orders/{id}", MethodSpec.of(Integration.lambdaProxy("get-order")));
 * api.method("ANY", "/{proxy+}", MethodSpec.of(Integration.lambdaProxy("fallback")));
 * Stage prod = api.deploy(StageSpec.named("prod"));
 * ApiResponse response = prod.call(ApiRequest.get("/orders/42"));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface RestApi {

  String id();

  String name();

  RestApiSpec spec();

  /**
   * Puts a method on the resource at {@code resourcePath}, creating the resource and its parents:
   * {@code /orders/{id}}, a greedy {@code /{proxy+}} as the last part, {@code ANY} for every verb.
   * Replaces a method already there.
   *
   * @throws dev.cloudless.fakes.aws.AwsServiceException {@code BadRequestException} for a path AWS
   *     refuses (two different variables side by side, a greedy part that is not last)
   */
  RestApi method(String httpMethod, String resourcePath, MethodSpec spec);

  /** Deletes a method; {@code NotFoundException} when there is none. */
  RestApi deleteMethod(String httpMethod, String resourcePath);

  /** Adds (or replaces) a Lambda authorizer that methods name. */
  RestApi authorizer(AuthorizerSpec spec);

  /** Creates the stage, or updates it, and deploys the API to it as it is now. */
  Stage deploy(StageSpec stage);

  /** The stage named {@code name}, if deployed. */
  Optional<Stage> stage(String name);

  List<Stage> stages();

  /**
   * Calls the API in process with the path as it is sent over HTTP, stage first: {@code
   * /prod/orders/42}.
   */
  ApiResponse call(ApiRequest request);

  /** {@code http://127.0.0.1:PORT/}: the API's host, stages below it. Starts the HTTP server. */
  URI url();

  /** Every request this API answered, in order. */
  List<ApiGatewayEvent.RequestServed> requests();
}
