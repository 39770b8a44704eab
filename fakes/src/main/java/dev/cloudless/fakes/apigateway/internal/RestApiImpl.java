package dev.cloudless.fakes.apigateway.internal;

import dev.cloudless.fakes.apigateway.AuthorizerSpec;
import dev.cloudless.fakes.apigateway.MethodSpec;
import dev.cloudless.fakes.apigateway.RestApi;
import dev.cloudless.fakes.apigateway.RestApiSpec;
import dev.cloudless.fakes.apigateway.Stage;
import dev.cloudless.fakes.apigateway.StageSpec;
import dev.cloudless.fakes.apigateway.internal.model.ApiKind;
import dev.cloudless.fakes.apigateway.internal.model.ApiModel;
import dev.cloudless.fakes.apigateway.internal.model.RouteDef;
import dev.cloudless.fakes.apigateway.internal.routing.ResourcePaths;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.lambda.Cors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A REST API: resources (created with their parents), methods, authorizers and stages. */
final class RestApiImpl extends ApiBase implements RestApi {

  private final RestApiSpec spec;
  private final Map<String, String> resourceIds = new HashMap<>();

  RestApiImpl(ApiGatewayService service, String id, RestApiSpec spec) {
    super(service, id, spec.name());
    this.spec = spec;
    resourceIds.put("/", service.ids().apiId());
  }

  @Override
  ApiKind kind() {
    return ApiKind.REST;
  }

  @Override
  public RestApiSpec spec() {
    return spec;
  }

  @Override
  public synchronized RestApi method(String httpMethod, String resourcePath, MethodSpec method) {
    String verb = ResourcePaths.method(httpMethod);
    List<String> parts = ResourcePaths.parts(resourcePath);
    ResourcePaths.checkSiblings(resourcePath, resourceIds.keySet());
    ResourcePaths.variables(resourcePath);
    if (method.integration().payloadFormatVersion() != null) {
      throw new AwsServiceException(
          400,
          "BadRequestException",
          "payloadFormatVersion applies to HTTP APIs; REST API "
              + id
              + " always sends format 1.0.");
    }
    // Parents are resources too, each with its own id.
    StringBuilder path = new StringBuilder();
    for (String part : parts) {
      path.append('/').append(part);
      resourceIds.computeIfAbsent(path.toString(), p -> service.ids().shortId());
    }
    String normalized = parts.isEmpty() ? "/" : path.toString();
    String key = verb + " " + normalized;
    routes.put(key, new RouteDef(verb, normalized, key, resourceIds.get(normalized), method));
    return this;
  }

  @Override
  public synchronized RestApi deleteMethod(String httpMethod, String resourcePath) {
    String key = ResourcePaths.method(httpMethod) + " " + resourcePath;
    if (routes.remove(key) == null) {
      throw new AwsServiceException(
          404, "NotFoundException", "Invalid Method identifier specified");
    }
    return this;
  }

  @Override
  public RestApi authorizer(AuthorizerSpec authorizer) {
    if (authorizer.payloadFormatVersion() != null || authorizer.enableSimpleResponses()) {
      throw new AwsServiceException(
          400,
          "BadRequestException",
          "Authorizer ["
              + authorizer.name()
              + "]: payloadFormatVersion and enableSimpleResponses apply to HTTP APIs only.");
    }
    putAuthorizer(authorizer);
    return this;
  }

  @Override
  public Stage deploy(StageSpec stage) {
    if (stage.name().equals("$default") || stage.autoDeploy()) {
      throw new AwsServiceException(
          400,
          "BadRequestException",
          "Stage ["
              + stage.name()
              + "]: $default and autoDeploy belong to HTTP APIs; name a REST stage with letters,"
              + " digits, hyphens and underscores and deploy it explicitly.");
    }
    if (routes.isEmpty()) {
      // AWS refuses to deploy a REST API without a method.
      throw new AwsServiceException(
          400, "BadRequestException", "The REST API doesn't contain any methods");
    }
    return deployTo(stage);
  }

  @Override
  public Optional<Stage> stage(String name) {
    return stageNamed(name);
  }

  @Override
  public List<Stage> stages() {
    return stageList();
  }

  @Override
  synchronized ApiModel snapshot() {
    return new ApiModel(
        ApiKind.REST,
        id,
        name,
        new ArrayList<>(routes.values()),
        authorizers,
        spec.binaryMediaTypes(),
        spec.minimumCompressionSize(),
        spec.apiKeySource(),
        Cors.NONE,
        null);
  }

  @Override
  public String toString() {
    return "RestApi[" + id + " " + name + "]";
  }
}
