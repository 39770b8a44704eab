package dev.cloudless.fakes.apigateway.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.cloudless.fakes.apigateway.ApiGatewayEvent;
import dev.cloudless.fakes.apigateway.ApiKey;
import dev.cloudless.fakes.apigateway.FakeApiGateway;
import dev.cloudless.fakes.apigateway.HttpApi;
import dev.cloudless.fakes.apigateway.HttpApiSpec;
import dev.cloudless.fakes.apigateway.RestApi;
import dev.cloudless.fakes.apigateway.RestApiSpec;
import dev.cloudless.fakes.apigateway.Throttle;
import dev.cloudless.fakes.apigateway.UsagePlan;
import dev.cloudless.fakes.apigateway.UsagePlanSpec;
import dev.cloudless.fakes.apigateway.WebSocketApi;
import dev.cloudless.fakes.apigateway.WebSocketApiSpec;
import dev.cloudless.fakes.apigateway.internal.integrations.Integrations;
import dev.cloudless.fakes.apigateway.internal.limits.GatewayLimits;
import dev.cloudless.fakes.apigateway.internal.limits.UsagePlanImpl;
import dev.cloudless.fakes.apigateway.internal.model.ApiKind;
import dev.cloudless.fakes.apigateway.internal.openapi.OpenApiImport;
import dev.cloudless.fakes.apigateway.internal.pipeline.Pipeline;
import dev.cloudless.fakes.apigateway.internal.websocket.WebSocketApiImpl;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.http.HttpHost;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The fake API Gateway of one cloud. Creating it costs a few objects: the template engine, the HTTP
 * server and the HTTP client of HTTP integrations are all made on first use.
 */
@API(status = INTERNAL, since = "0.1")
public final class ApiGatewayService implements FakeApiGateway {

  private final CloudContext cloud;
  private final Ids ids;
  private final GatewayLimits limits;
  private final Integrations integrations;
  private final Pipeline pipeline;
  private final Map<String, RestApiImpl> restApis = new LinkedHashMap<>();
  private final Map<String, HttpApiImpl> httpApis = new LinkedHashMap<>();
  private final Map<String, WebSocketApi> webSocketApis = new LinkedHashMap<>();
  private HttpHost host;

  public ApiGatewayService(CloudContext cloud) {
    this.cloud = cloud;
    this.ids = new Ids(cloud.randomness().stream("apigateway-ids"));
    this.limits = new GatewayLimits(cloud.now());
    this.integrations = new Integrations(cloud);
    this.pipeline = new Pipeline(cloud, integrations, limits, ids::extendedId);
  }

  CloudContext cloud() {
    return cloud;
  }

  Ids ids() {
    return ids;
  }

  Pipeline pipeline() {
    return pipeline;
  }

  /** The cloud's one HTTP server, shared with function URLs; started by the first endpoint. */
  synchronized HttpHost host() {
    if (host == null) {
      host = cloud.closeWithCloud(HttpHost.class, () -> new HttpHost(cloud.name()));
    }
    return host;
  }

  /** Whether this cloud's HTTP server runs: only once a URL was asked for. */
  public synchronized boolean serverStarted() {
    return host != null && host.started();
  }

  @Override
  public synchronized RestApi createRestApi(RestApiSpec spec) {
    RestApiImpl api = new RestApiImpl(this, ids.apiId(), spec);
    restApis.put(api.id(), api);
    created(api.id(), spec.name(), ApiKind.REST);
    return api;
  }

  @Override
  public RestApi importRestApi(String document) {
    OpenApiImport.Imported imported = OpenApiImport.parse(document, false);
    RestApi api = createRestApi(imported.restSpec());
    imported.authorizers().forEach(api::authorizer);
    imported.methods().forEach(m -> api.method(m.method(), m.path(), m.spec()));
    return api;
  }

  @Override
  public synchronized HttpApi createHttpApi(HttpApiSpec spec) {
    HttpApiImpl api = new HttpApiImpl(this, ids.apiId(), spec);
    httpApis.put(api.id(), api);
    created(api.id(), spec.name(), ApiKind.HTTP);
    return api;
  }

  @Override
  public HttpApi importHttpApi(String document) {
    OpenApiImport.Imported imported = OpenApiImport.parse(document, true);
    HttpApi api = createHttpApi(HttpApiSpec.named(imported.restSpec().name()));
    imported.authorizers().forEach(api::authorizer);
    imported.methods().forEach(m -> api.route(m.method() + " " + m.path(), m.spec()));
    return api;
  }

  @Override
  public synchronized WebSocketApi createWebSocketApi(WebSocketApiSpec spec) {
    WebSocketApiImpl api =
        new WebSocketApiImpl(cloud, ids.apiId(), spec, this::host, ids::extendedId);
    webSocketApis.put(api.id(), api);
    created(api.id(), spec.name(), ApiKind.WEBSOCKET);
    return api;
  }

  private void created(String id, String name, ApiKind kind) {
    Instant now = cloud.now();
    String arn =
        "arn:aws:apigateway:"
            + cloud.region()
            + "::/"
            + (kind == ApiKind.REST ? "restapis/" : "apis/")
            + id;
    cloud
        .journal()
        .append(seq -> new ApiGatewayEvent.ApiCreated(seq, now, arn, id, name, kind.protocol()));
  }

  @Override
  public synchronized List<RestApi> restApis() {
    return List.copyOf(restApis.values());
  }

  @Override
  public synchronized List<HttpApi> httpApis() {
    return List.copyOf(httpApis.values());
  }

  @Override
  public synchronized List<WebSocketApi> webSocketApis() {
    return List.copyOf(webSocketApis.values());
  }

  @Override
  public synchronized RestApi restApi(String id) {
    RestApi api = restApis.get(id);
    if (api == null) {
      throw new AwsServiceException(404, "NotFoundException", "Invalid API identifier specified");
    }
    return api;
  }

  @Override
  public synchronized HttpApi httpApi(String id) {
    HttpApi api = httpApis.get(id);
    if (api == null) {
      throw new AwsServiceException(
          404, "NotFoundException", "Invalid API identifier specified " + id);
    }
    return api;
  }

  @Override
  public synchronized WebSocketApi webSocketApi(String id) {
    WebSocketApi api = webSocketApis.get(id);
    if (api == null) {
      throw new AwsServiceException(
          404, "NotFoundException", "Invalid API identifier specified " + id);
    }
    return api;
  }

  @Override
  public ApiKey createApiKey(String name) {
    return addKey(new ApiKey(ids.apiId(), name, ids.apiKeyValue(), true));
  }

  @Override
  public ApiKey createApiKey(String name, String value) {
    if (value == null || value.length() < 20 || value.length() > 128) {
      throw new AwsServiceException(
          400,
          "BadRequestException",
          "API Key value should be at least 20 characters (and at most 128); got "
              + (value == null ? "none" : value.length() + " characters")
              + ".");
    }
    if (limits.hasKeyValue(value)) {
      throw new AwsServiceException(
          409, "ConflictException", "API Key already exists with this value");
    }
    return addKey(new ApiKey(ids.apiId(), name, value, true));
  }

  private ApiKey addKey(ApiKey key) {
    limits.addKey(key);
    return key;
  }

  @Override
  public synchronized UsagePlan createUsagePlan(UsagePlanSpec spec) {
    for (String stage : spec.stages()) {
      String apiId = stage.substring(0, stage.indexOf('/'));
      if (!restApis.containsKey(apiId)) {
        throw new AwsServiceException(
            404,
            "NotFoundException",
            "Invalid API identifier specified " + apiId + " in usage plan [" + spec.name() + "]");
      }
    }
    UsagePlanImpl plan = new UsagePlanImpl(ids.shortId(), spec, cloud::now);
    limits.addPlan(plan);
    return plan;
  }

  @Override
  public void accountThrottle(Throttle throttle) {
    limits.accountThrottle(throttle, cloud.now());
  }

  @Override
  public List<ApiGatewayEvent.RequestServed> requests() {
    return cloud.journal().events(ApiGatewayEvent.RequestServed.class);
  }
}
