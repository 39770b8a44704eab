package dev.cloudless.fakes.apigateway.internal;

import dev.cloudless.fakes.apigateway.ApiGatewayEvent;
import dev.cloudless.fakes.apigateway.ApiRequest;
import dev.cloudless.fakes.apigateway.ApiResponse;
import dev.cloudless.fakes.apigateway.AuthorizerSpec;
import dev.cloudless.fakes.apigateway.Header;
import dev.cloudless.fakes.apigateway.Stage;
import dev.cloudless.fakes.apigateway.StageSpec;
import dev.cloudless.fakes.apigateway.internal.model.ApiKind;
import dev.cloudless.fakes.apigateway.internal.model.ApiModel;
import dev.cloudless.fakes.apigateway.internal.model.Exchange;
import dev.cloudless.fakes.apigateway.internal.model.RouteDef;
import dev.cloudless.fakes.apigateway.internal.pipeline.Pipeline;
import dev.cloudless.fakes.apigateway.internal.pipeline.StageRuntime;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.http.HttpEndpoint;
import dev.cloudless.fakes.internal.http.HttpField;
import dev.cloudless.fakes.internal.http.IncomingRequest;
import dev.cloudless.fakes.internal.http.OutgoingResponse;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What REST and HTTP APIs share: their definition (routes, authorizers), their stages and
 * deployments, the in-process entry point and the loopback listener, both going to the one
 * pipeline.
 */
abstract class ApiBase {

  /** AWS allows 10 stages per API (AWS-SEMANTICS 5.4). */
  static final int MAX_STAGES = 10;

  final ApiGatewayService service;
  final CloudContext cloud;
  final String id;
  final String name;
  final Map<String, RouteDef> routes = new LinkedHashMap<>();
  final Map<String, AuthorizerSpec> authorizers = new LinkedHashMap<>();
  final Map<String, StageImpl> stages = new LinkedHashMap<>();
  private HttpEndpoint endpoint;

  ApiBase(ApiGatewayService service, String id, String name) {
    this.service = service;
    this.cloud = service.cloud();
    this.id = id;
    this.name = name;
  }

  abstract ApiKind kind();

  /** The definition as a deployment freezes it. */
  abstract ApiModel snapshot();

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  String stageArn(String stage) {
    return Exchange.stageArn(cloud.region(), snapshot(), stage);
  }

  /** Adds or replaces an authorizer; methods that name a missing one fail at deployment. */
  synchronized void putAuthorizer(AuthorizerSpec spec) {
    authorizers.put(spec.name(), spec);
    changed();
  }

  /** Called after each change of the definition: HTTP API stages with auto-deploy redeploy. */
  void changed() {}

  synchronized Stage deployTo(StageSpec spec) {
    for (RouteDef route : routes.values()) {
      String authorizer = route.spec().authorizer();
      if (authorizer != null && !authorizers.containsKey(authorizer)) {
        throw new AwsServiceException(
            400,
            "BadRequestException",
            "Route ["
                + route.routeKey()
                + "] names authorizer ["
                + authorizer
                + "], which API "
                + id
                + " does not have.");
      }
    }
    StageImpl existing = stages.get(spec.name());
    if (existing == null && stages.size() >= MAX_STAGES) {
      throw new AwsServiceException(
          429,
          "LimitExceededException",
          "API " + id + " already has " + MAX_STAGES + " stages, the most AWS allows.");
    }
    String deploymentId = service.ids().shortId();
    StageRuntime previous = existing == null ? null : existing.runtime();
    StageRuntime runtime =
        new StageRuntime(
            cloud,
            snapshot(),
            spec,
            deploymentId,
            previous == null ? null : previous.cache(),
            previous == null ? null : previous.authorizers());
    StageImpl stage;
    if (existing == null) {
      stage = new StageImpl(this, spec.name(), runtime);
      stages.put(spec.name(), stage);
    } else {
      existing.runtime(runtime);
      stage = existing;
    }
    Instant now = cloud.now();
    String arn = stageArn(spec.name());
    cloud
        .journal()
        .append(
            seq -> new ApiGatewayEvent.StageDeployed(seq, now, arn, id, spec.name(), deploymentId));
    return stage;
  }

  synchronized Optional<Stage> stageNamed(String stage) {
    return Optional.ofNullable(stages.get(stage));
  }

  synchronized List<Stage> stageList() {
    return new ArrayList<>(stages.values());
  }

  public ApiResponse call(ApiRequest request) {
    return dispatch(request, Pipeline.Arrival.IN_PROCESS);
  }

  /** Finds the stage the path names and serves the request through the pipeline. */
  ApiResponse dispatch(ApiRequest request, Pipeline.Arrival arrival) {
    PathSplit split = PathSplit.of(request.pathAndQuery());
    StageImpl stage;
    String stageName;
    String stagePath;
    synchronized (this) {
      StageImpl named = split.firstPart().isEmpty() ? null : stages.get(split.firstPart());
      if (named != null && !named.name().equals("$default")) {
        stage = named;
        stageName = named.name();
        stagePath = split.afterFirst();
      } else if (kind() != ApiKind.REST && stages.containsKey("$default")) {
        stage = stages.get("$default");
        stageName = "$default";
        stagePath = split.rawPath();
      } else {
        stage = null;
        stageName = split.firstPart().isEmpty() ? null : split.firstPart();
        stagePath = split.afterFirst();
      }
    }
    return service
        .pipeline()
        .serve(
            snapshot(),
            stage == null ? null : stage.runtime(),
            stageName,
            request,
            stagePath,
            split.rawQuery(),
            arrival);
  }

  public synchronized URI url() {
    if (endpoint == null) {
      endpoint = service.host().open(this::serveHttp);
    }
    return endpoint.uri();
  }

  /**
   * A request over the loopback listener: served holding the cloud's turn, as function URLs are.
   */
  private OutgoingResponse serveHttp(IncomingRequest incoming) {
    List<Header> headers = new ArrayList<>();
    for (HttpField f : incoming.headers()) {
      headers.add(new Header(f.name(), f.value()));
    }
    ApiRequest request =
        new ApiRequest(
            incoming.method(),
            incoming.rawPath() + (incoming.rawQuery().isEmpty() ? "" : "?" + incoming.rawQuery()),
            headers,
            incoming.body(),
            incoming.sourceIp());
    ApiResponse response;
    try {
      response =
          cloud.inTurn(() -> dispatch(request, new Pipeline.Arrival("http", incoming.localPort())));
    } catch (Exception e) {
      // Cloudless's own failure, not AWS behaviour: say so rather than answer as AWS would.
      return OutgoingResponse.text(
          500,
          List.of(new HttpField("Content-Type", "text/plain")),
          "Cloudless failed to serve this API Gateway request: " + e);
    }
    List<HttpField> fields = new ArrayList<>();
    for (Header h : response.headers()) {
      fields.add(new HttpField(h.name(), h.value()));
    }
    return new OutgoingResponse(response.statusCode(), fields, response.body());
  }

  public List<ApiGatewayEvent.RequestServed> requests() {
    return service.requests().stream().filter(r -> id.equals(r.apiId())).toList();
  }
}
