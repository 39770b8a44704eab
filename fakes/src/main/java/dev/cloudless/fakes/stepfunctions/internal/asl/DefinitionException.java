package dev.cloudless.fakes.stepfunctions.internal.asl;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/** A definition was refused; the message is AWS's {@code InvalidDefinition} message. */
@API(status = INTERNAL, since = "0.1")
public final class DefinitionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  public DefinitionException(List<Diagnostic> diagnostics) {
    super(
        "Invalid State Machine Definition: '"
            + diagnostics.stream().map(Diagnostic::text).collect(Collectors.joining(", "))
            + "'");
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
