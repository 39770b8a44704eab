package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.journal.Journal;
import java.net.URI;
import java.util.List;
import org.apiguardian.api.API;

/** A deployed stage of a REST or HTTP API. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Stage {

  String apiId();

  String name();

  /** The settings the stage runs with. */
  StageSpec spec();

  /** The deployment the stage serves. */
  String deploymentId();

  /** The stage's ARN, {@code arn:aws:apigateway:<region>::/restapis/<id>/stages/<name>}. */
  String arn();

  /**
   * Calls the stage in process: {@code path} is relative to the stage ({@code /orders/42}). A call
   * made by the test waits for the response on the virtual clock, as a client would.
   */
  ApiResponse call(ApiRequest request);

  /**
   * Where the stage is served over HTTP, such as {@code http://127.0.0.1:PORT/prod/}. The first
   * call starts the cloud's HTTP server.
   */
  URI url();

  /** Empties the stage's cache ({@code FlushStageCache}). */
  void flushCache();

  /** Every request this stage answered, in order. */
  List<ApiGatewayEvent.RequestServed> requests();

  /**
   * The journal of the cloud this resource lives in (all of it: filter with {@link
   * Journal#forResource(String)} and {@link #arn()}). Assertions read the resource's story here.
   */
  Journal journal();
}
