package dev.cloudless.examples.chat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is in the chat, by connection id: in production a DynamoDB table the handler writes on {@code
 * $connect} and deletes from on {@code $disconnect}; here an in-memory map.
 */
public final class ChatRoom {

  private final Map<String, String> members = new ConcurrentHashMap<>();

  public void join(String connectionId, String name) {
    members.put(connectionId, name);
  }

  public void leave(String connectionId) {
    members.remove(connectionId);
  }

  public String nameOf(String connectionId) {
    return members.get(connectionId);
  }

  /**
   * Connection id to name, a snapshot in a fixed order, so a broadcast goes out the same way each
   * run.
   */
  public Map<String, String> members() {
    return new java.util.TreeMap<>(members);
  }
}
