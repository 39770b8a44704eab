package dev.cloudless.fakes.apigateway.internal.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudless.fakes.apigateway.internal.model.Exchange;
import dev.cloudless.fakes.apigateway.internal.model.RequestParts;
import dev.cloudless.fakes.internal.CloudContext;
import dev.cloudless.fakes.internal.http.HttpField;
import dev.cloudless.fakes.internal.http.IncomingRequest;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The Lambda event of a WebSocket route, in AWS's shape: {@code requestContext} with {@code
 * routeKey}, {@code eventType} ({@code CONNECT}, {@code MESSAGE}, {@code DISCONNECT}), {@code
 * connectionId} and the rest; the upgrade request's headers on {@code CONNECT} and {@code
 * DISCONNECT}, its query string on {@code CONNECT}; the message as {@code body}. Source: API
 * Gateway developer guide, {@code apigateway-websocket-api-route-keys-connect-disconnect.md} and
 * the events AWS documents for Lambda proxy integrations of WebSocket APIs.
 */
final class WebSocketEvents {

  private final CloudContext cloud;
  private final String apiId;
  private final Supplier<String> ids;

  WebSocketEvents(CloudContext cloud, String apiId, Supplier<String> ids) {
    this.cloud = cloud;
    this.apiId = apiId;
    this.ids = ids;
  }

  String event(
      Connection connection,
      String routeKey,
      String eventType,
      String body,
      String requestId,
      ObjectNode extraContext) {
    ObjectMapper json = cloud.json();
    ObjectNode event = json.createObjectNode();
    IncomingRequest upgrade = connection.upgrade;
    if (!eventType.equals("MESSAGE")) {
      ObjectNode headers = event.putObject("headers");
      ObjectNode multi = event.putObject("multiValueHeaders");
      for (HttpField h : upgrade.headers()) {
        if (RequestParts.isHopByHop(h.name())
            && !h.name().equalsIgnoreCase("Upgrade")
            && !h.name().equalsIgnoreCase("Connection")) {
          continue;
        }
        headers.put(h.name(), h.value());
        if (!multi.has(h.name())) {
          multi.putArray(h.name());
        }
        multi.withArray(h.name()).add(h.value());
      }
      if (eventType.equals("CONNECT") && !upgrade.rawQuery().isEmpty()) {
        ObjectNode single = event.putObject("queryStringParameters");
        ObjectNode multiQuery = event.putObject("multiValueQueryStringParameters");
        RequestParts.parseQuery(upgrade.rawQuery())
            .forEach(
                (k, v) -> {
                  single.put(k, v.get(v.size() - 1));
                  v.forEach(multiQuery.putArray(k)::add);
                });
      }
    }
    Instant now = cloud.now();
    ObjectNode context = event.putObject("requestContext");
    context.put("routeKey", routeKey);
    if (eventType.equals("MESSAGE")) {
      context.put("messageId", ids.get());
    }
    if (extraContext != null) {
      context.setAll(extraContext);
    }
    context.put("eventType", eventType);
    context.put("extendedRequestId", ids.get());
    context.put("requestTime", Exchange.REQUEST_TIME.format(now));
    context.put("messageDirection", "IN");
    context.put("stage", connection.stage);
    context.put("connectedAt", connection.connectedAt.toEpochMilli());
    context.put("requestTimeEpoch", now.toEpochMilli());
    ObjectNode identity = context.putObject("identity");
    identity.put("userAgent", upgrade.header("User-Agent"));
    identity.put("sourceIp", upgrade.sourceIp());
    context.put("requestId", requestId != null ? requestId : cloud.newRequestId());
    context.put("domainName", apiId + ".execute-api." + cloud.region() + ".amazonaws.com");
    context.put("connectionId", connection.id);
    context.put("apiId", apiId);
    if (body != null) {
      event.put("body", body);
    }
    event.put("isBase64Encoded", false);
    try {
      return json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An event tree always serializes", e);
    }
  }
}
