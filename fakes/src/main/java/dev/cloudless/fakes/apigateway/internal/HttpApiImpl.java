package dev.cloudless.fakes.apigateway.internal;

import dev.cloudless.fakes.apigateway.ApiKeySource;
import dev.cloudless.fakes.apigateway.AuthorizerSpec;
import dev.cloudless.fakes.apigateway.AuthorizerType;
import dev.cloudless.fakes.apigateway.HttpApi;
import dev.cloudless.fakes.apigateway.HttpApiSpec;
import dev.cloudless.fakes.apigateway.IntegrationType;
import dev.cloudless.fakes.apigateway.MethodSpec;
import dev.cloudless.fakes.apigateway.Stage;
import dev.cloudless.fakes.apigateway.StageSpec;
import dev.cloudless.fakes.apigateway.internal.model.ApiKind;
import dev.cloudless.fakes.apigateway.internal.model.ApiModel;
import dev.cloudless.fakes.apigateway.internal.model.RouteDef;
import dev.cloudless.fakes.apigateway.internal.routing.ResourcePaths;
import dev.cloudless.fakes.aws.AwsServiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An HTTP API: routes, authorizers, and stages that may deploy every change at once. */
final class HttpApiImpl extends ApiBase implements HttpApi {

  private final HttpApiSpec spec;

  HttpApiImpl(ApiGatewayService service, String id, HttpApiSpec spec) {
    super(service, id, spec.name());
    this.spec = spec;
  }

  @Override
  ApiKind kind() {
    return ApiKind.HTTP;
  }

  @Override
  public HttpApiSpec spec() {
    return spec;
  }

  @Override
  public HttpApi route(String routeKey, MethodSpec method) {
    RouteDef route;
    synchronized (this) {
      IntegrationType type = method.integration().type();
      if (type != IntegrationType.AWS_PROXY && type != IntegrationType.HTTP_PROXY) {
        throw new AwsServiceException(
            400,
            "BadRequestException",
            "HTTP APIs support AWS_PROXY and HTTP_PROXY integrations; route ["
                + routeKey
                + "] asks for "
                + type
                + ", which needs a REST API.");
      }
      if (method.apiKeyRequired()) {
        throw new AwsServiceException(
            400,
            "BadRequestException",
            "HTTP APIs have no API keys; route [" + routeKey + "] cannot require one.");
      }
      if (method.integration().timeout().toMillis() > 30_000) {
        throw new AwsServiceException(
            400, "BadRequestException", "HTTP API integrations time out after at most 30000 ms.");
      }
      route = parse(routeKey, method);
      routes.put(route.routeKey(), route);
    }
    changed();
    return this;
  }

  private RouteDef parse(String routeKey, MethodSpec method) {
    if (routeKey.equals("$default")) {
      return new RouteDef(null, null, "$default", null, method);
    }
    int space = routeKey.indexOf(' ');
    if (space < 0 || !routeKey.substring(space + 1).startsWith("/")) {
      throw new AwsServiceException(
          400,
          "BadRequestException",
          "The provided route key ["
              + routeKey
              + "] is not formatted properly for HTTP protocol. Format should be \"<HTTP METHOD>"
              + " /<RESOURCE PATH>\" or \"$default\"");
    }
    String verb = ResourcePaths.method(routeKey.substring(0, space));
    String path = routeKey.substring(space + 1);
    ResourcePaths.parts(path);
    ResourcePaths.variables(path);
    return new RouteDef(verb, path, verb + " " + path, null, method);
  }

  @Override
  public HttpApi deleteRoute(String routeKey) {
    synchronized (this) {
      if (routes.remove(routeKey) == null) {
        throw new AwsServiceException(
            404, "NotFoundException", "Unable to find Route with id " + routeKey);
      }
    }
    changed();
    return this;
  }

  @Override
  public HttpApi authorizer(AuthorizerSpec authorizer) {
    if (authorizer.type() == AuthorizerType.TOKEN) {
      throw new AwsServiceException(
          400,
          "BadRequestException",
          "HTTP APIs have REQUEST Lambda authorizers only; [" + authorizer.name() + "] is TOKEN.");
    }
    putAuthorizer(authorizer);
    return this;
  }

  @Override
  public Stage deploy(StageSpec stage) {
    if (stage.cacheClusterEnabled()) {
      throw new AwsServiceException(
          400,
          "BadRequestException",
          "HTTP APIs have no stage cache; stage [" + stage.name() + "] cannot enable one.");
    }
    return deployTo(stage);
  }

  @Override
  synchronized void changed() {
    for (StageImpl stage : new ArrayList<>(stages.values())) {
      if (stage.spec().autoDeploy()) {
        deployTo(stage.spec());
      }
    }
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
        ApiKind.HTTP,
        id,
        name,
        new ArrayList<>(routes.values()),
        authorizers,
        List.of(),
        null,
        ApiKeySource.HEADER,
        spec.cors(),
        null);
  }

  @Override
  public String toString() {
    return "HttpApi[" + id + " " + name + "]";
  }
}
