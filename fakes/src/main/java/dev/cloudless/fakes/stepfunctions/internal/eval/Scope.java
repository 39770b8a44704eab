package dev.cloudless.fakes.stepfunctions.internal.eval;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import org.apiguardian.api.API;

/**
 * What a path or expression can see: the state's input ({@code $}), the context object ({@code $$})
 * and the workflow variables in scope ({@code $name}).
 */
@API(status = INTERNAL, since = "0.1")
public interface Scope {

  /** The document {@code $} refers to. */
  JsonNode input();

  /** The context object {@code $$}. */
  JsonNode context();

  /** The value of variable {@code name}, or null when it is not defined in this scope. */
  JsonNode variable(String name);

  /** Every variable visible here, inner scopes shadowing outer ones (JSONata binds them all). */
  java.util.Map<String, JsonNode> variables();
}
