package dev.cloudless.fakes.lambda.internal;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The log of one invocation: what the handler logged through its context's logger. */
final class InvocationLog implements LambdaLogger {

  private final List<String> lines = new ArrayList<>();

  @Override
  public synchronized void log(String message) {
    lines.add(message);
  }

  @Override
  public void log(byte[] message) {
    log(new String(message, StandardCharsets.UTF_8));
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }
}
