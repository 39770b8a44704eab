package dev.cloudless.fakes.stepfunctions.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudless.fakes.stepfunctions.internal.asl.Definition;
import dev.cloudless.fakes.stepfunctions.internal.asl.DefinitionParser;
import dev.cloudless.fakes.stepfunctions.internal.eval.Entropy;
import dev.cloudless.fakes.stepfunctions.internal.eval.IntrinsicFunctions;
import dev.cloudless.fakes.stepfunctions.internal.eval.Intrinsics;
import dev.cloudless.fakes.stepfunctions.internal.eval.Json;
import dev.cloudless.fakes.stepfunctions.internal.eval.JsonPaths;
import dev.cloudless.fakes.stepfunctions.internal.eval.JsonataEngine;
import org.apiguardian.api.API;

/**
 * The interpreter's shared parts for one cloud: JSON, paths, intrinsics, JSONata, the parser, the
 * clock and randomness. Definitions are parsed here once per state machine; executions reuse them.
 */
@API(status = INTERNAL, since = "0.1")
public final class Engine {

  final Json json;
  final JsonPaths paths;
  final Intrinsics intrinsics;
  final IntrinsicFunctions functions;
  final JsonataEngine jsonata;
  final DefinitionParser parser;
  final Timers timers;
  final Entropy entropy;
  final String partition;
  final String region;

  public Engine(
      ObjectMapper mapper, Timers timers, Entropy entropy, String partition, String region) {
    this.json = new Json(mapper);
    this.paths = new JsonPaths(json);
    this.intrinsics = new Intrinsics(paths);
    this.functions = new IntrinsicFunctions(paths, entropy);
    this.jsonata = new JsonataEngine(json);
    this.parser = new DefinitionParser(paths, intrinsics, jsonata);
    this.timers = timers;
    this.entropy = entropy;
    this.partition = partition;
    this.region = region;
  }

  /**
   * Parses and validates a definition.
   *
   * @throws dev.cloudless.fakes.stepfunctions.internal.asl.DefinitionException when AWS would
   *     refuse it
   */
  public Definition parse(String definition) {
    return parser.parse(definition);
  }

  public Json json() {
    return json;
  }

  public Timers timers() {
    return timers;
  }
}
