package dev.cloudless.examples.chat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * A small chat on an API Gateway WebSocket API, one function for every route:
 *
 * <ul>
 *   <li>{@code $connect}: a client joins with {@code ?name=alice}; without a name it is refused
 *       with 400;
 *   <li>{@code send} ({@code {"action":"send","text":"hi"}}): everyone in the room gets {@code
 *       alice: hi};
 *   <li>{@code $disconnect}: the client leaves the room.
 * </ul>
 */
public final class ChatHandler
    implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChatRoom room;
  private final Connections connections;

  public ChatHandler(ChatRoom room, Connections connections) {
    this.room = room;
    this.connections = connections;
  }

  @Override
  public APIGatewayV2WebSocketResponse handleRequest(
      APIGatewayV2WebSocketEvent event, Context context) {
    String connectionId = event.getRequestContext().getConnectionId();
    switch (event.getRequestContext().getRouteKey()) {
      case "$connect" -> {
        Map<String, String> query = event.getQueryStringParameters();
        String name = query == null ? null : query.get("name");
        if (name == null || name.isBlank()) {
          return status(400);
        }
        room.join(connectionId, name);
      }
      case "$disconnect" -> room.leave(connectionId);
      case "send" -> broadcast(room.nameOf(connectionId) + ": " + text(event.getBody()));
      default -> connections.post(connectionId, "Unknown action; try {\"action\":\"send\"}");
    }
    return status(200);
  }

  private void broadcast(String message) {
    room.members()
        .keySet()
        .forEach(
            member -> {
              if (!connections.post(member, message)) {
                room.leave(member);
              }
            });
  }

  private static String text(String body) {
    try {
      JsonNode text = JSON.readTree(body).get("text");
      return text == null ? "" : text.asText();
    } catch (JsonProcessingException e) {
      return "";
    }
  }

  private static APIGatewayV2WebSocketResponse status(int status) {
    APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
    response.setStatusCode(status);
    return response;
  }
}
