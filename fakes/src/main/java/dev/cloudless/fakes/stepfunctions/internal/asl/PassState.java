package dev.cloudless.fakes.stepfunctions.internal.asl;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import org.apiguardian.api.API;

/** A Pass state; {@code result} is its {@code Result}, or null. */
@API(status = INTERNAL, since = "0.1")
public record PassState(String name, DataFlow flow, String next, JsonNode result) implements State {
  @Override
  public String type() {
    return "Pass";
  }
}
