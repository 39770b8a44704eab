package dev.cloudless.fakes.apigateway;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cloudless.fakes.journal.JournalEvent;
import java.time.Duration;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * What the fake API Gateway records in the journal: APIs and stages, every request served, and each
 * decision taken on the way (authorizer, API key, throttle, cache), so that assertions can read
 * them.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface ApiGatewayEvent extends JournalEvent {

  /** The API's id. */
  String apiId();

  /** An API was created (or imported). */
  @API(status = EXPERIMENTAL, since = "0.1")
  record ApiCreated(
      long sequence, Instant time, String resourceArn, String apiId, String name, String protocol)
      implements ApiGatewayEvent {
    @Override
    public String traceId() {
      return null;
    }

    @Override
    public String summary() {
      return protocol + " API " + name + " (" + apiId + ") created";
    }
  }

  /** A deployment reached a stage: from now on the stage serves the API as it was then. */
  @API(status = EXPERIMENTAL, since = "0.1")
  record StageDeployed(
      long sequence,
      Instant time,
      String resourceArn,
      String apiId,
      String stage,
      String deploymentId)
      implements ApiGatewayEvent {
    @Override
    public String traceId() {
      return null;
    }

    @Override
    public String summary() {
      return "API " + apiId + " deployed to stage " + stage + " (deployment " + deploymentId + ")";
    }
  }

  /**
   * A request was answered, by the integration or by API Gateway itself (a missing route, a refused
   * authorizer, a throttle, a cache hit).
   *
   * @param resourceArn the stage's ARN
   * @param stage the stage, or null when none matched
   * @param routeKey {@code GET /orders/{id}} (REST: method and resource path), {@code $default}, or
   *     null when no route matched
   * @param method the HTTP method
   * @param path the path as the client sent it
   * @param statusCode the status the client got
   * @param requestId the {@code x-amzn-RequestId} (REST) or {@code apigw-requestid} (HTTP API)
   * @param integrationType the integration that ran, or null when none did
   * @param detail what happened, for people: {@code integration}, {@code cache hit}, {@code
   *     throttled}, {@code authorizer denied}, ...
   * @param startedAt when the request arrived; {@code time} is when it was answered
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record RequestServed(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String apiId,
      String stage,
      String routeKey,
      String method,
      String path,
      int statusCode,
      String requestId,
      IntegrationType integrationType,
      String detail,
      Instant startedAt)
      implements ApiGatewayEvent {

    /** How long the client waited, on the virtual clock. */
    public Duration latency() {
      return Duration.between(startedAt, time);
    }

    @Override
    public String summary() {
      return method
          + " "
          + path
          + " -> "
          + statusCode
          + " (api "
          + apiId
          + (stage == null ? "" : ", stage " + stage)
          + (routeKey == null ? ", no route" : ", route " + routeKey)
          + ", "
          + detail
          + ")";
    }
  }

  /** What a Lambda authorizer decided. */
  @API(status = EXPERIMENTAL, since = "0.1")
  enum AuthorizerOutcome {
    /** The policy allows the method: the request goes on. */
    ALLOW,
    /** The policy denies the method, or allows nothing that matches it: 403. */
    DENY,
    /** The function answered "Unauthorized", or the identity was missing or invalid: 401. */
    UNAUTHORIZED,
    /** The function failed or answered something unusable: 500. */
    FAILED
  }

  /**
   * A Lambda authorizer's decision for one request, fresh or from its cache.
   *
   * @param authorizer the authorizer's name
   * @param routeKey the route it guarded
   * @param methodArn the method ARN the policy was evaluated against
   * @param principalId the principal the function named, or null
   * @param outcome the decision
   * @param cached whether it came from the decision cache, without calling the function
   * @param detail why, for people
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record AuthorizerDecided(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String apiId,
      String authorizer,
      String routeKey,
      String methodArn,
      String principalId,
      AuthorizerOutcome outcome,
      boolean cached,
      String detail)
      implements ApiGatewayEvent {
    @Override
    public String summary() {
      return "authorizer "
          + authorizer
          + " "
          + outcome
          + (cached ? " (cached)" : "")
          + " for "
          + routeKey
          + (principalId == null ? "" : " principal " + principalId)
          + ": "
          + detail;
    }
  }

  /** What a stage's cache did for a request. */
  @API(status = EXPERIMENTAL, since = "0.1")
  enum CacheOutcome {
    /** Answered from the cache; the integration did not run. */
    HIT,
    /** Not in the cache: the integration ran and its response was stored. */
    MISS,
    /** {@code Cache-Control: max-age=0} from an allowed client: the entry was replaced. */
    INVALIDATED,
    /** {@code Cache-Control: max-age=0} from a client not allowed to invalidate. */
    INVALIDATION_REFUSED
  }

  /**
   * A stage cache lookup.
   *
   * @param cacheKey the key: method, resource path and the cache key parameters' values
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record CacheLookup(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String apiId,
      String stage,
      String routeKey,
      String cacheKey,
      CacheOutcome outcome)
      implements ApiGatewayEvent {
    @Override
    public String summary() {
      return "cache " + outcome + " " + routeKey + " key " + cacheKey;
    }
  }

  /**
   * A request was refused with 429.
   *
   * @param limit which limit: {@code usage plan}, {@code usage plan quota}, {@code method}, {@code
   *     stage} or {@code account}
   * @param apiKeyId the API key's id, for usage plan limits; else null
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record RequestThrottled(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String apiId,
      String stage,
      String routeKey,
      String limit,
      String apiKeyId)
      implements ApiGatewayEvent {
    @Override
    public String summary() {
      return "throttled " + routeKey + " by the " + limit + " limit";
    }
  }

  /**
   * A WebSocket connection opened, closed, or carried a message.
   *
   * @param connectionId the connection's id
   * @param kind {@code CONNECTED}, {@code DISCONNECTED}, {@code RECEIVED} (client to API), {@code
   *     SENT} (API to client, through {@code @connections})
   * @param routeKey the route that handled it, for CONNECTED, DISCONNECTED and RECEIVED
   * @param data the message, or the reason a connection closed
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  record WebSocketActivity(
      long sequence,
      Instant time,
      String resourceArn,
      String traceId,
      String apiId,
      String connectionId,
      String kind,
      String routeKey,
      String data)
      implements ApiGatewayEvent {
    @Override
    public String summary() {
      return "websocket "
          + connectionId
          + " "
          + kind
          + (routeKey == null ? "" : " " + routeKey)
          + (data == null ? "" : ": " + data);
    }
  }
}
