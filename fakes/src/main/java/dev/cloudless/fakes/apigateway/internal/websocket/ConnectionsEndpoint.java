package dev.cloudless.fakes.apigateway.internal.websocket;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudless.fakes.apigateway.WebSocketApi;
import dev.cloudless.fakes.apigateway.WebSocketConnection;
import dev.cloudless.fakes.apigateway.internal.model.RequestParts;
import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.internal.http.HttpField;
import dev.cloudless.fakes.internal.http.IncomingRequest;
import dev.cloudless.fakes.internal.http.OutgoingResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code @connections} management API over HTTP ({@code PostToConnection}, {@code
 * GetConnection}, {@code DeleteConnection}), served on the WebSocket API's port for handlers that
 * call it as they would on AWS. Source: {@code
 * apigateway-how-to-call-websocket-api-connections.md}.
 */
final class ConnectionsEndpoint {

  private final WebSocketApi api;
  private final ObjectMapper json;

  ConnectionsEndpoint(WebSocketApi api, ObjectMapper json) {
    this.api = api;
    this.json = json;
  }

  /**
   * {@code POST|GET|DELETE /<stage>/@connections/<id>}, as handlers call it. It does not take the
   * cloud's turn: the handler calling it holds it while it waits for the answer.
   */
  OutgoingResponse serve(IncomingRequest request) {
    String[] parts = request.rawPath().replaceAll("^/+", "").split("/");
    if (parts.length != 3 || !parts[1].equals("@connections")) {
      return json(403, null, "{\"message\":\"Forbidden\"}");
    }
    String connectionId = RequestParts.decode(parts[2]);
    try {
      switch (request.method()) {
        case "POST" -> {
          api.postToConnection(connectionId, new String(request.body(), StandardCharsets.UTF_8));
          return new OutgoingResponse(200, List.of(), new byte[0]);
        }
        case "GET" -> {
          WebSocketConnection c =
              api.connection(connectionId).orElseThrow(() -> WebSocketApiImpl.gone(connectionId));
          ObjectNode body = json.createObjectNode();
          body.put("ConnectedAt", c.connectedAt().toString());
          ObjectNode identity = body.putObject("Identity");
          identity.put("SourceIp", c.sourceIp());
          identity.put("UserAgent", c.userAgent());
          body.put("LastActiveAt", c.lastActiveAt().toString());
          return json(200, null, body.toString());
        }
        case "DELETE" -> {
          api.deleteConnection(connectionId);
          return new OutgoingResponse(204, List.of(), new byte[0]);
        }
        default -> {
          return json(403, null, "{\"message\":\"Forbidden\"}");
        }
      }
    } catch (AwsServiceException e) {
      return json(e.statusCode(), e.errorCode(), "{\"message\":null}");
    }
  }

  private static OutgoingResponse json(int status, String errorType, String body) {
    List<HttpField> headers = new ArrayList<>();
    headers.add(new HttpField("Content-Type", "application/json"));
    if (errorType != null) {
      headers.add(new HttpField("x-amzn-ErrorType", errorType));
    }
    return OutgoingResponse.text(status, headers, body);
  }
}
