package dev.cloudless.fakes.apigateway.internal;

import dev.cloudless.fakes.apigateway.ApiGatewayEvent;
import dev.cloudless.fakes.apigateway.ApiRequest;
import dev.cloudless.fakes.apigateway.ApiResponse;
import dev.cloudless.fakes.apigateway.Stage;
import dev.cloudless.fakes.apigateway.StageSpec;
import dev.cloudless.fakes.apigateway.internal.pipeline.StageRuntime;
import dev.cloudless.fakes.journal.Journal;
import java.net.URI;
import java.util.List;

/** A stage: what it serves is swapped whole at each deployment. */
final class StageImpl implements Stage {

  private final ApiBase api;
  private final String name;
  private volatile StageRuntime runtime;

  StageImpl(ApiBase api, String name, StageRuntime runtime) {
    this.api = api;
    this.name = name;
    this.runtime = runtime;
  }

  StageRuntime runtime() {
    return runtime;
  }

  void runtime(StageRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public String apiId() {
    return api.id();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public StageSpec spec() {
    return runtime.spec();
  }

  @Override
  public String deploymentId() {
    return runtime.deploymentId();
  }

  @Override
  public String arn() {
    return api.stageArn(name);
  }

  @Override
  public ApiResponse call(ApiRequest request) {
    return api.call(name.equals("$default") ? request : request.prefixed("/" + name));
  }

  @Override
  public URI url() {
    URI base = api.url();
    return name.equals("$default") ? base : base.resolve(name + "/");
  }

  @Override
  public void flushCache() {
    runtime.cache().flush();
  }

  @Override
  public List<ApiGatewayEvent.RequestServed> requests() {
    String arn = arn();
    return api.requests().stream().filter(r -> arn.equals(r.resourceArn())).toList();
  }

  @Override
  public Journal journal() {
    return api.cloud.journal();
  }

  @Override
  public String toString() {
    return "Stage[" + api.id() + "/" + name + "]";
  }
}
