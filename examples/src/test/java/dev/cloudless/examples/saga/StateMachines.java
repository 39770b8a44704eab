package dev.cloudless.examples.saga;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads the ASL definitions the project deploys, filling in their {@code ${...}} placeholders as
 * the deployment's definition substitutions do.
 */
final class StateMachines {

  private StateMachines() {}

  static String definition(String file, Map<String, String> substitutions) {
    try (InputStream in = StateMachines.class.getResourceAsStream("/statemachines/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("No state machine definition " + file);
      }
      String asl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (Map.Entry<String, String> s : substitutions.entrySet()) {
        asl = asl.replace("${" + s.getKey() + "}", s.getValue());
      }
      return asl;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
