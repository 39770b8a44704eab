package dev.cloudless.fakes.stepfunctions.internal.eval;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import org.apiguardian.api.API;

/**
 * A JSONPath field value that is either a path or an intrinsic call, as {@code ErrorPath} and
 * {@code CausePath} may be.
 */
@API(status = INTERNAL, since = "0.1")
public final class Selector {

  private final String text;
  private final JsonPaths.Path path;
  private final Intrinsics.Expression call;

  private Selector(String text, JsonPaths.Path path, Intrinsics.Expression call) {
    this.text = text;
    this.path = path;
    this.call = call;
  }

  /**
   * Compiles.
   *
   * @throws IllegalArgumentException when it is neither a path nor a call
   */
  public static Selector compile(String text, JsonPaths paths, Intrinsics intrinsics) {
    if (Intrinsics.isCall(text)) {
      return new Selector(text, null, intrinsics.parse(text));
    }
    return new Selector(text, paths.compile(text), null);
  }

  public String text() {
    return text;
  }

  /** The path, or null for a call. */
  public JsonPaths.Path path() {
    return path;
  }

  /**
   * Evaluates.
   *
   * @throws PathException when the path (or a path argument of the call) finds nothing
   */
  public JsonNode evaluate(IntrinsicFunctions functions, Scope scope) throws PathException {
    if (path != null) {
      return path.read(scope);
    }
    try {
      return functions.evaluate(call, scope);
    } catch (MissingPathException e) {
      throw new PathException(e.getMessage());
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
