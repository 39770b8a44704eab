package dev.cloudless.fakes.stepfunctions.internal.asl;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudless.fakes.stepfunctions.internal.eval.Intrinsics;
import dev.cloudless.fakes.stepfunctions.internal.eval.JsonPaths;
import dev.cloudless.fakes.stepfunctions.internal.eval.JsonataEngine;
import dev.cloudless.fakes.stepfunctions.internal.eval.JsonataTemplate;
import dev.cloudless.fakes.stepfunctions.internal.eval.PayloadTemplate;
import dev.cloudless.fakes.stepfunctions.internal.eval.ReferencePath;
import dev.cloudless.fakes.stepfunctions.internal.eval.Selector;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Parses and validates an Amazon States Language definition, as {@code CreateStateMachine} does:
 * every problem found is reported with AWS's code, message and location, and a definition with any
 * problem is refused as a whole.
 */
@API(status = INTERNAL, since = "0.1")
public final class DefinitionParser {

  private static final Set<String> TOP_FIELDS =
      Set.of("StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage");

  private final JsonPaths paths;
  private final Intrinsics intrinsics;
  private final JsonataEngine jsonata;

  public DefinitionParser(JsonPaths paths, Intrinsics intrinsics, JsonataEngine jsonata) {
    this.paths = paths;
    this.intrinsics = intrinsics;
    this.jsonata = jsonata;
  }

  /**
   * Parses a definition.
   *
   * @throws DefinitionException with every problem found
   */
  public Definition parse(String text) {
    JsonNode root;
    try {
      root = paths.json().parse(text);
    } catch (JsonProcessingException e) {
      throw new DefinitionException(
          List.of(
              new Diagnostic(
                  "INVALID_JSON_DESCRIPTION", e.getOriginalMessage().replace('\'', '"'), null)));
    }
    Run run = new Run();
    Definition d = run.definition(root, text);
    if (!run.problems.isEmpty()) {
      throw new DefinitionException(run.problems);
    }
    return d;
  }

  /** One parse: the problems found and the state names seen. */
  private final class Run {
    final List<Diagnostic> problems = new ArrayList<>();
    final Set<String> allNames = new HashSet<>();

    void schema(String message, String location) {
      problems.add(new Diagnostic("SCHEMA_VALIDATION_FAILED", message, location));
    }

    Definition definition(JsonNode root, String text) {
      if (!root.isObject()) {
        schema("The definition must be a JSON object", "/");
        return null;
      }
      for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!TOP_FIELDS.contains(f)) {
          schema("The field \"" + f + "\" is not supported by Step Functions", "/");
        }
      }
      QueryLanguage language = QueryLanguage.JSONPATH;
      JsonNode ql = root.get("QueryLanguage");
      if (ql != null) {
        language = queryLanguage(ql, "/QueryLanguage");
        if (language == null) {
          language = QueryLanguage.JSONPATH;
        }
      }
      Integer timeout = null;
      JsonNode t = root.get("TimeoutSeconds");
      if (t != null) {
        if (!t.isIntegralNumber() || t.asLong() < 1 || t.asLong() > 99_999_999) {
          schema(
              "The value for the field 'TimeoutSeconds' must be a positive integer",
              "/TimeoutSeconds");
        } else {
          timeout = t.intValue();
        }
      }
      JsonNode comment = root.get("Comment");
      Graph graph = graph(root, "", language);
      return new Definition(
          graph, language, timeout, comment == null ? null : comment.asText(), text);
    }

    QueryLanguage queryLanguage(JsonNode ql, String location) {
      QueryLanguage q = ql.isTextual() ? QueryLanguage.of(ql.textValue()) : null;
      if (q == null) {
        schema(
            "The field 'QueryLanguage' should have one of these values: [JSONata, JSONPath]",
            location);
      }
      return q;
    }

    /** A graph (the machine, a branch, an item processor) at JSON pointer {@code at}. */
    Graph graph(JsonNode node, String at, QueryLanguage language) {
      JsonNode startAt = node.get("StartAt");
      JsonNode states = node.get("States");
      List<String> missing = new ArrayList<>();
      if (startAt == null) {
        missing.add("StartAt");
      }
      if (states == null) {
        missing.add("States");
      }
      if (!missing.isEmpty()) {
        schema("These fields are required: " + missing, at.isEmpty() ? "/" : at);
        return new Graph("", Map.of());
      }
      if (!startAt.isTextual()) {
        schema("The value for the field 'StartAt' must be a STRING", at + "/StartAt");
      }
      if (!states.isObject() || states.isEmpty()) {
        schema("The field 'States' must be a non-empty object", at + "/States");
        return new Graph(startAt.asText(), Map.of());
      }
      Map<String, State> parsed = new LinkedHashMap<>();
      Map<String, List<String[]>> transitions = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String name = e.getKey();
        String loc = at + "/States/" + name;
        if (name.isEmpty() || name.length() > 80) {
          schema("State names must be 1 to 80 characters long", loc);
        }
        if (!allNames.add(name)) {
          problems.add(
              new Diagnostic("DUPLICATE_STATE_NAME", "Duplicate State name: " + name, loc));
        }
        List<String[]> targets = new ArrayList<>();
        State s = state(name, e.getValue(), loc, language, targets);
        if (s != null) {
          parsed.put(name, s);
        }
        transitions.put(name, targets);
      }
      String start = startAt.asText();
      if (!states.has(start)) {
        problems.add(
            new Diagnostic(
                "MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + start, at + "/StartAt"));
      }
      boolean terminal = false;
      for (Map.Entry<String, List<String[]>> e : transitions.entrySet()) {
        for (String[] target : e.getValue()) {
          if (!states.has(target[0])) {
            problems.add(
                new Diagnostic(
                    "MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + target[0], target[1]));
          }
        }
      }
      for (State s : parsed.values()) {
        if (s.next() == null && !(s instanceof ChoiceState)) {
          terminal = true;
        }
      }
      boolean targetsMissing =
          problems.stream().anyMatch(p -> p.code().equals("MISSING_TRANSITION_TARGET"));
      if (!parsed.isEmpty()
          && !terminal
          && !targetsMissing
          && parsed.size() == transitions.size()) {
        problems.add(
            new Diagnostic("MISSING_END_STATE", "Workflow has no terminal state", at + "/States"));
      }
      // Reachability from StartAt, as AWS checks it.
      if (states.has(start) && parsed.size() == transitions.size()) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(start);
        while (!todo.isEmpty()) {
          String n = todo.poll();
          if (seen.add(n)) {
            for (String[] target : transitions.getOrDefault(n, List.of())) {
              todo.add(target[0]);
            }
          }
        }
        for (String name : parsed.keySet()) {
          if (!seen.contains(name)) {
            problems.add(
                new Diagnostic(
                    "UNREACHABLE_STATE",
                    "State \"" + name + "\" is not reachable.",
                    at + "/States/" + name));
          }
        }
      }
      return new Graph(start, ordered(parsed));
    }

    Map<String, State> ordered(Map<String, State> m) {
      return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    State state(
        String name, JsonNode node, String loc, QueryLanguage inherited, List<String[]> targets) {
      if (!node.isObject()) {
        schema("The state must be a JSON object", loc);
        return null;
      }
      JsonNode typeNode = node.get("Type");
      if (typeNode == null) {
        schema("These fields are required: [Type]", loc);
        return null;
      }
      String type = typeNode.asText();
      if (!typeNode.isTextual() || !StateFields.TYPES.contains(type)) {
        schema(
            "The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail,"
                + " Choice, Parallel, Map]",
            loc + "/Type");
        return null;
      }
      QueryLanguage language = inherited;
      JsonNode ql = node.get("QueryLanguage");
      if (ql != null) {
        QueryLanguage q = queryLanguage(ql, loc + "/QueryLanguage");
        if (q != null) {
          if (inherited == QueryLanguage.JSONATA && q == QueryLanguage.JSONPATH) {
            schema(
                "The QueryLanguage of a state cannot be JSONPath when the state machine uses"
                    + " JSONata",
                loc + "/QueryLanguage");
          }
          language = q;
        }
      }
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!StateFields.allowed(type, f)) {
          schema("The field \"" + f + "\" is not supported by Step Functions", loc);
        } else if (language == QueryLanguage.JSONATA && StateFields.JSONPATH_ONLY.contains(f)) {
          schema(
              "The field \"" + f + "\" is not supported by Step Functions for JSONata states", loc);
        } else if (language == QueryLanguage.JSONPATH && StateFields.JSONATA_ONLY.contains(f)) {
          schema(
              "The field \"" + f + "\" is not supported by Step Functions for JSONPath states",
              loc);
        }
      }
      String next = transition(type, node, loc, targets);
      DataFlow flow = dataFlow(type, node, loc, language);
      State s =
          switch (type) {
            case "Pass" -> new PassState(name, flow, next, node.get("Result"));
            case "Task" -> task(name, node, loc, flow, next, targets);
            case "Choice" -> choice(name, node, loc, flow, targets);
            case "Wait" -> waitState(name, node, loc, flow, next);
            case "Succeed" -> new SucceedState(name, flow);
            case "Fail" -> fail(name, node, loc, flow);
            case "Parallel" -> parallel(name, node, loc, flow, next, targets);
            default -> map(name, node, loc, flow, next, targets);
          };
      return s;
    }

    String transition(String type, JsonNode node, String loc, List<String[]> targets) {
      boolean terminalType = type.equals("Succeed") || type.equals("Fail");
      boolean choice = type.equals("Choice");
      JsonNode next = node.get("Next");
      JsonNode end = node.get("End");
      if (terminalType || choice) {
        return null;
      }
      if (next != null && end != null) {
        schema("The fields 'Next' and 'End' cannot both be present", loc);
        return null;
      }
      if (next == null && (end == null || !end.asBoolean(false))) {
        if (end != null && !end.isBoolean()) {
          schema("The value for the field 'End' must be a BOOLEAN", loc + "/End");
        } else {
          schema("Exactly one of the fields 'Next' or 'End' is required", loc);
        }
        return null;
      }
      if (next != null) {
        if (!next.isTextual()) {
          schema("The value for the field 'Next' must be a STRING", loc + "/Next");
          return null;
        }
        targets.add(new String[] {next.textValue(), loc + "/Next"});
        return next.textValue();
      }
      return null;
    }

    DataFlow dataFlow(String type, JsonNode node, String loc, QueryLanguage language) {
      JsonPaths.Path inputPath = null;
      boolean inputNull = false;
      JsonNode ip = node.get("InputPath");
      if (ip != null) {
        if (ip.isNull()) {
          inputNull = true;
        } else {
          inputPath = path(ip, "InputPath", loc);
        }
      }
      JsonPaths.Path outputPath = null;
      boolean outputNull = false;
      JsonNode op = node.get("OutputPath");
      if (op != null) {
        if (op.isNull()) {
          outputNull = true;
        } else {
          outputPath = path(op, "OutputPath", loc);
        }
      }
      ReferencePath resultPath = null;
      boolean resultNull = false;
      JsonNode rp = node.get("ResultPath");
      if (rp != null) {
        if (rp.isNull()) {
          resultNull = true;
        } else {
          resultPath = referencePath(rp, "ResultPath", loc);
        }
      }
      PayloadTemplate parameters = null;
      if (node.has("Parameters") && !type.equals("Map")) {
        parameters = template(node.get("Parameters"), loc + "/Parameters");
      }
      PayloadTemplate resultSelector = null;
      if (node.has("ResultSelector")) {
        resultSelector = template(node.get("ResultSelector"), loc + "/ResultSelector");
      }
      Assignment assignment = Assignment.NONE;
      JsonNode assign = node.get("Assign");
      if (assign != null) {
        if (!assign.isObject()) {
          schema("The value for the field 'Assign' must be an OBJECT", loc + "/Assign");
        } else {
          assignment = assignment(assign, loc, language);
        }
      }
      PayloadTemplate assignPath = assignment.path();
      JsonataTemplate assignJsonata = assignment.jsonata();
      JsonataTemplate arguments = null;
      if (node.has("Arguments") && language == QueryLanguage.JSONATA) {
        arguments = jsonataTemplate("Arguments", node.get("Arguments"), loc + "/Arguments");
      }
      JsonataTemplate output = output(node, loc, language);
      return new DataFlow(
          language,
          inputPath,
          inputNull,
          parameters,
          resultSelector,
          resultPath,
          resultNull,
          outputPath,
          outputNull,
          assignPath,
          assignJsonata,
          arguments,
          output);
    }

    /**
     * Reads an {@code Assign} object (of a state, a Choice rule or a Catcher): its variable names
     * are checked, and its values are templates of the query language in force.
     */
    private Assignment assignment(JsonNode assign, String loc, QueryLanguage language) {
      checkVariableNames(assign, loc + "/Assign", language);
      return language == QueryLanguage.JSONATA
          ? new Assignment(null, jsonataTemplate("Assign", assign, loc + "/Assign"))
          : new Assignment(template(assign, loc + "/Assign"), null);
    }

    /** The JSONata {@code Output} of a state, a Choice rule or a Catcher; null under JSONPath. */
    private JsonataTemplate output(JsonNode owner, String loc, QueryLanguage language) {
      if (!owner.has("Output") || language != QueryLanguage.JSONATA) {
        return null;
      }
      return jsonataTemplate("Output", owner.get("Output"), loc + "/Output");
    }

    void checkVariableNames(JsonNode assign, String loc, QueryLanguage language) {
      for (Iterator<String> it = assign.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        String name =
            language == QueryLanguage.JSONPATH && key.endsWith(".$")
                ? key.substring(0, key.length() - 2)
                : key;
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*") || name.length() > 80) {
          schema("The variable name '" + name + "' is invalid", loc + "/" + key);
        } else if (name.equals("states")) {
          schema("The variable name 'states' is reserved", loc + "/" + key);
        }
      }
    }

    JsonPaths.Path path(JsonNode value, String field, String loc) {
      if (!value.isTextual()) {
        schema("The value for the field '" + field + "' must be a STRING", loc + "/" + field);
        return null;
      }
      try {
        return paths.compile(value.textValue());
      } catch (IllegalArgumentException e) {
        schema(
            "The value for the field '" + field + "' must be a valid JSONPath", loc + "/" + field);
        return null;
      }
    }

    ReferencePath referencePath(JsonNode value, String field, String loc) {
      if (!value.isTextual()) {
        schema("The value for the field '" + field + "' must be a STRING", loc + "/" + field);
        return null;
      }
      try {
        return ReferencePath.parse(value.textValue());
      } catch (IllegalArgumentException e) {
        schema(
            "The value for the field '" + field + "' must be a valid Reference Path",
            loc + "/" + field);
        return null;
      }
    }

    PayloadTemplate template(JsonNode value, String loc) {
      List<String> messages = new ArrayList<>();
      PayloadTemplate t = PayloadTemplate.compile(value, paths, intrinsics, messages);
      for (String m : messages) {
        schema(m, loc);
      }
      return t;
    }

    JsonataTemplate jsonataTemplate(String field, JsonNode value, String loc) {
      List<String> messages = new ArrayList<>();
      JsonataTemplate t = JsonataTemplate.compile(field, value, jsonata, messages);
      for (String m : messages) {
        schema(m, loc);
      }
      return t;
    }

    /** A number field in its literal, path or JSONata form; null when absent. */
    NumberSpec number(
        JsonNode node,
        String field,
        String pathField,
        String loc,
        QueryLanguage language,
        boolean integer,
        BigDecimal min,
        BigDecimal max) {
      JsonNode v = node.get(field);
      JsonNode p = pathField == null ? null : node.get(pathField);
      if (v != null && p != null) {
        schema("The fields '" + field + "' and '" + pathField + "' cannot both be present", loc);
        return null;
      }
      if (p != null) {
        JsonPaths.Path path = path(p, pathField, loc);
        return new NumberSpec(field, pathField, null, path, null);
      }
      if (v == null) {
        return null;
      }
      if (v.isTextual()
          && language == QueryLanguage.JSONATA
          && JsonataEngine.isExpression(v.textValue())) {
        return new NumberSpec(
            field, pathField, null, null, jsonataTemplate(field, v, loc + "/" + field));
      }
      boolean ok = integer ? v.isIntegralNumber() : v.isNumber();
      if (ok) {
        BigDecimal d = v.decimalValue();
        ok = (min == null || d.compareTo(min) >= 0) && (max == null || d.compareTo(max) <= 0);
      }
      if (!ok) {
        schema(
            "The value for the field '"
                + field
                + "' must be "
                + (integer ? "an integer" : "a number")
                + (min == null ? "" : " >= " + min.toPlainString())
                + (max == null ? "" : " and <= " + max.toPlainString()),
            loc + "/" + field);
        return null;
      }
      return new NumberSpec(field, pathField, v, null, null);
    }

    // ---- state types ----------------------------------------------------------------------------

    TaskState task(
        String name,
        JsonNode node,
        String loc,
        DataFlow flow,
        String next,
        List<String[]> targets) {
      JsonNode resource = node.get("Resource");
      String res = null;
      if (resource == null) {
        schema("These fields are required: [Resource]", loc);
      } else if (!resource.isTextual()) {
        schema("The value for the field 'Resource' must be a STRING", loc + "/Resource");
      } else {
        res = resource.textValue();
        if (!res.startsWith("arn:")) {
          schema(
              "The resource provided "
                  + res
                  + " is not recognized. The value is not a valid resource ARN, or the resource"
                  + " is not available in this region.",
              loc + "/Resource");
        }
      }
      NumberSpec timeout =
          number(
              node,
              "TimeoutSeconds",
              "TimeoutSecondsPath",
              loc,
              flow.language(),
              true,
              BigDecimal.ONE,
              BigDecimal.valueOf(99_999_999));
      NumberSpec heartbeat =
          number(
              node,
              "HeartbeatSeconds",
              "HeartbeatSecondsPath",
              loc,
              flow.language(),
              true,
              BigDecimal.ONE,
              BigDecimal.valueOf(99_999_999));
      if (timeout != null
          && heartbeat != null
          && timeout.literal() != null
          && heartbeat.literal() != null
          && heartbeat.literal().asLong() >= timeout.literal().asLong()) {
        schema(
            "The value of 'HeartbeatSeconds' must be less than the value of 'TimeoutSeconds'",
            loc + "/HeartbeatSeconds");
      }
      ErrorHandling errors = errorHandling(node, loc, flow.language(), targets);
      return new TaskState(name, flow, next, errors, res, timeout, heartbeat);
    }

    ChoiceState choice(
        String name, JsonNode node, String loc, DataFlow flow, List<String[]> targets) {
      JsonNode choices = node.get("Choices");
      List<ChoiceBranch> branches = new ArrayList<>();
      if (choices == null) {
        schema("These fields are required: [Choices]", loc);
      } else if (!choices.isArray() || choices.isEmpty()) {
        schema("The field 'Choices' must be a non-empty array", loc + "/Choices");
      } else {
        int i = 0;
        for (JsonNode c : choices) {
          String cloc = loc + "/Choices/" + i++;
          ChoiceBranch b = branch(c, cloc, flow.language(), targets);
          if (b != null) {
            branches.add(b);
          }
        }
      }
      String defaultNext = null;
      JsonNode d = node.get("Default");
      if (d != null) {
        if (!d.isTextual()) {
          schema("The value for the field 'Default' must be a STRING", loc + "/Default");
        } else {
          defaultNext = d.textValue();
          targets.add(new String[] {defaultNext, loc + "/Default"});
        }
      }
      return new ChoiceState(name, flow, List.copyOf(branches), defaultNext);
    }

    ChoiceBranch branch(JsonNode c, String loc, QueryLanguage language, List<String[]> targets) {
      if (!c.isObject()) {
        schema("A choice rule must be a JSON object", loc);
        return null;
      }
      JsonNode next = c.get("Next");
      if (next == null || !next.isTextual()) {
        schema("These fields are required: [Next]", loc);
        return null;
      }
      targets.add(new String[] {next.textValue(), loc + "/Next"});
      ChoiceRule rule;
      if (language == QueryLanguage.JSONATA) {
        for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
          String f = it.next();
          if (!Set.of("Condition", "Next", "Comment", "Assign", "Output").contains(f)) {
            schema("The field \"" + f + "\" is not supported by Step Functions", loc);
          }
        }
        JsonNode condition = c.get("Condition");
        if (condition == null) {
          schema("These fields are required: [Condition]", loc);
          return null;
        }
        rule =
            new ChoiceRule.Condition(jsonataTemplate("Condition", condition, loc + "/Condition"));
      } else {
        rule = ChoiceRules.parse(c, loc, true, paths, this::schema);
      }
      JsonNode assign = c.get("Assign");
      Assignment assignment = assign == null ? Assignment.NONE : assignment(assign, loc, language);
      PayloadTemplate assignPath = assignment.path();
      JsonataTemplate assignJsonata = assignment.jsonata();
      JsonataTemplate output = output(c, loc, language);
      return new ChoiceBranch(rule, next.textValue(), assignPath, assignJsonata, output);
    }

    WaitState waitState(String name, JsonNode node, String loc, DataFlow flow, String next) {
      int count = 0;
      for (String f : List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")) {
        if (node.has(f)) {
          count++;
        }
      }
      if (count != 1) {
        schema(
            "A Wait state must contain exactly one of 'Seconds', 'SecondsPath', 'Timestamp',"
                + " 'TimestampPath'",
            loc);
      }
      Long seconds = null;
      JsonataTemplate secondsExpr = null;
      JsonNode s = node.get("Seconds");
      if (s != null) {
        if (s.isTextual() && flow.jsonata() && JsonataEngine.isExpression(s.textValue())) {
          secondsExpr = jsonataTemplate("Seconds", s, loc + "/Seconds");
        } else if (!s.isIntegralNumber() || s.asLong() < 0 || s.asLong() > 99_999_999) {
          schema(
              "The value for the field 'Seconds' must be an integer between 0 and 99999999",
              loc + "/Seconds");
        } else {
          seconds = s.asLong();
        }
      }
      Instant timestamp = null;
      JsonataTemplate timestampExpr = null;
      JsonNode ts = node.get("Timestamp");
      if (ts != null) {
        if (ts.isTextual() && flow.jsonata() && JsonataEngine.isExpression(ts.textValue())) {
          timestampExpr = jsonataTemplate("Timestamp", ts, loc + "/Timestamp");
        } else {
          timestamp = ts.isTextual() ? Timestamps.parse(ts.textValue()) : null;
          if (timestamp == null) {
            schema(
                "The value for the field 'Timestamp' must be a valid ISO-8601 extended offset"
                    + " date-time format string",
                loc + "/Timestamp");
          }
        }
      }
      JsonPaths.Path secondsPath =
          node.has("SecondsPath") ? path(node.get("SecondsPath"), "SecondsPath", loc) : null;
      JsonPaths.Path timestampPath =
          node.has("TimestampPath") ? path(node.get("TimestampPath"), "TimestampPath", loc) : null;
      return new WaitState(
          name,
          flow,
          next,
          seconds,
          secondsPath,
          timestamp,
          timestampPath,
          secondsExpr,
          timestampExpr);
    }

    FailState fail(String name, JsonNode node, String loc, DataFlow flow) {
      String error = null;
      String cause = null;
      JsonataTemplate errorExpr = null;
      JsonataTemplate causeExpr = null;
      JsonNode e = node.get("Error");
      JsonNode c = node.get("Cause");
      if (e != null && node.has("ErrorPath")) {
        schema("The fields 'Error' and 'ErrorPath' cannot both be present", loc);
      }
      if (c != null && node.has("CausePath")) {
        schema("The fields 'Cause' and 'CausePath' cannot both be present", loc);
      }
      if (e != null) {
        if (!e.isTextual()) {
          schema("The value for the field 'Error' must be a STRING", loc + "/Error");
        } else if (flow.jsonata() && JsonataEngine.isExpression(e.textValue())) {
          errorExpr = jsonataTemplate("Error", e, loc + "/Error");
        } else {
          error = e.textValue();
        }
      }
      if (c != null) {
        if (!c.isTextual()) {
          schema("The value for the field 'Cause' must be a STRING", loc + "/Cause");
        } else if (flow.jsonata() && JsonataEngine.isExpression(c.textValue())) {
          causeExpr = jsonataTemplate("Cause", c, loc + "/Cause");
        } else {
          cause = c.textValue();
        }
      }
      Selector errorPath = selector(node.get("ErrorPath"), "ErrorPath", loc);
      Selector causePath = selector(node.get("CausePath"), "CausePath", loc);
      return new FailState(name, flow, error, errorPath, errorExpr, cause, causePath, causeExpr);
    }

    Selector selector(JsonNode value, String field, String loc) {
      if (value == null) {
        return null;
      }
      if (!value.isTextual()) {
        schema("The value for the field '" + field + "' must be a STRING", loc + "/" + field);
        return null;
      }
      try {
        return Selector.compile(value.textValue(), paths, intrinsics);
      } catch (IllegalArgumentException ex) {
        schema(
            "The value for the field '"
                + field
                + "' must be a valid JSONPath or a valid intrinsic function call",
            loc + "/" + field);
        return null;
      }
    }

    ParallelState parallel(
        String name,
        JsonNode node,
        String loc,
        DataFlow flow,
        String next,
        List<String[]> targets) {
      JsonNode branches = node.get("Branches");
      List<Graph> graphs = new ArrayList<>();
      if (branches == null) {
        schema("These fields are required: [Branches]", loc);
      } else if (!branches.isArray() || branches.isEmpty()) {
        schema("The field 'Branches' must be a non-empty array", loc + "/Branches");
      } else {
        int i = 0;
        for (JsonNode b : branches) {
          String bloc = loc + "/Branches/" + i++;
          QueryLanguage inner = flow.language();
          JsonNode ql = b.get("QueryLanguage");
          if (ql != null) {
            QueryLanguage q = queryLanguage(ql, bloc + "/QueryLanguage");
            inner = q == null ? inner : q;
          }
          graphs.add(graph(b, bloc, inner));
        }
      }
      ErrorHandling errors = errorHandling(node, loc, flow.language(), targets);
      return new ParallelState(name, flow, next, errors, List.copyOf(graphs));
    }

    MapState map(
        String name,
        JsonNode node,
        String loc,
        DataFlow flow,
        String next,
        List<String[]> targets) {
      JsonNode processor = node.get("ItemProcessor");
      String processorField = "ItemProcessor";
      if (processor == null) {
        processor = node.get("Iterator");
        processorField = "Iterator";
      }
      if (node.has("ItemProcessor") && node.has("Iterator")) {
        schema("The fields 'ItemProcessor' and 'Iterator' cannot both be present", loc);
      }
      if (node.has("ItemReader") || node.has("ItemBatcher") || node.has("ResultWriter")) {
        problems.add(
            new Diagnostic(
                "UNSUPPORTED_FEATURE",
                "Cloudless does not run ItemReader, ItemBatcher or ResultWriter yet; give the"
                    + " items in the state input (ItemsPath or Items)",
                loc));
      }
      Graph graph = new Graph("", Map.of());
      boolean distributed = false;
      String executionType = null;
      if (processor == null) {
        schema("These fields are required: [ItemProcessor]", loc);
      } else if (!processor.isObject()) {
        schema("The field '" + processorField + "' must be an object", loc + "/" + processorField);
      } else {
        JsonNode config = processor.get("ProcessorConfig");
        if (config != null) {
          JsonNode mode = config.get("Mode");
          if (mode != null) {
            if (!mode.isTextual()
                || !(mode.textValue().equals("INLINE") || mode.textValue().equals("DISTRIBUTED"))) {
              schema(
                  "The field 'Mode' should have one of these values: [INLINE, DISTRIBUTED]",
                  loc + "/" + processorField + "/ProcessorConfig/Mode");
            } else {
              distributed = mode.textValue().equals("DISTRIBUTED");
            }
          }
          JsonNode type = config.get("ExecutionType");
          if (type != null) {
            if (!type.isTextual()
                || !(type.textValue().equals("STANDARD") || type.textValue().equals("EXPRESS"))) {
              schema(
                  "The field 'ExecutionType' should have one of these values: [STANDARD, EXPRESS]",
                  loc + "/" + processorField + "/ProcessorConfig/ExecutionType");
            } else {
              executionType = type.textValue();
            }
          }
          if (distributed && executionType == null) {
            schema(
                "These fields are required: [ExecutionType]",
                loc + "/" + processorField + "/ProcessorConfig");
          }
        }
        QueryLanguage inner = flow.language();
        JsonNode ql = processor.get("QueryLanguage");
        if (ql != null) {
          QueryLanguage q = queryLanguage(ql, loc + "/" + processorField + "/QueryLanguage");
          inner = q == null ? inner : q;
        }
        graph = graph(processor, loc + "/" + processorField, inner);
      }
      JsonPaths.Path itemsPath =
          node.has("ItemsPath") ? path(node.get("ItemsPath"), "ItemsPath", loc) : null;
      JsonataTemplate items = null;
      if (node.has("Items") && flow.jsonata()) {
        items = jsonataTemplate("Items", node.get("Items"), loc + "/Items");
      }
      PayloadTemplate itemSelector = null;
      JsonataTemplate itemSelectorJsonata = null;
      JsonNode selector = node.get("ItemSelector");
      if (selector != null && node.has("Parameters")) {
        schema("The fields 'ItemSelector' and 'Parameters' cannot both be present", loc);
      }
      if (selector == null) {
        selector = node.get("Parameters");
      }
      if (selector != null) {
        if (flow.jsonata()) {
          itemSelectorJsonata = jsonataTemplate("ItemSelector", selector, loc + "/ItemSelector");
        } else {
          itemSelector = template(selector, loc + "/ItemSelector");
        }
      }
      NumberSpec maxConcurrency =
          number(
              node,
              "MaxConcurrency",
              "MaxConcurrencyPath",
              loc,
              flow.language(),
              true,
              BigDecimal.ZERO,
              null);
      NumberSpec toleratedCount =
          number(
              node,
              "ToleratedFailureCount",
              "ToleratedFailureCountPath",
              loc,
              flow.language(),
              true,
              BigDecimal.ZERO,
              null);
      NumberSpec toleratedPercentage =
          number(
              node,
              "ToleratedFailurePercentage",
              "ToleratedFailurePercentagePath",
              loc,
              flow.language(),
              false,
              BigDecimal.ZERO,
              BigDecimal.valueOf(100));
      String label = null;
      JsonNode l = node.get("Label");
      if (l != null) {
        if (!l.isTextual() || l.textValue().length() > 40) {
          schema(
              "The value for the field 'Label' must be a string of at most 40 characters",
              loc + "/Label");
        } else {
          label = l.textValue();
        }
      }
      ErrorHandling errors = errorHandling(node, loc, flow.language(), targets);
      return new MapState(
          name,
          flow,
          next,
          errors,
          graph,
          distributed,
          executionType,
          itemsPath,
          items,
          itemSelector,
          itemSelectorJsonata,
          maxConcurrency,
          toleratedCount,
          toleratedPercentage,
          label);
    }

    // ---- Retry and Catch ------------------------------------------------------------------------

    ErrorHandling errorHandling(
        JsonNode node, String loc, QueryLanguage language, List<String[]> targets) {
      List<Retrier> retriers = new ArrayList<>();
      JsonNode retry = node.get("Retry");
      if (retry != null) {
        if (!retry.isArray()) {
          schema("The value for the field 'Retry' must be an ARRAY", loc + "/Retry");
        } else {
          int i = 0;
          for (JsonNode r : retry) {
            Retrier parsed = retrier(r, loc + "/Retry/" + i, i == retry.size() - 1);
            if (parsed != null) {
              retriers.add(parsed);
            }
            i++;
          }
        }
      }
      List<Catcher> catchers = new ArrayList<>();
      JsonNode catchNode = node.get("Catch");
      if (catchNode != null) {
        if (!catchNode.isArray()) {
          schema("The value for the field 'Catch' must be an ARRAY", loc + "/Catch");
        } else {
          int i = 0;
          for (JsonNode c : catchNode) {
            Catcher parsed =
                catcher(c, loc + "/Catch/" + i, i == catchNode.size() - 1, language, targets);
            if (parsed != null) {
              catchers.add(parsed);
            }
            i++;
          }
        }
      }
      if (retriers.isEmpty() && catchers.isEmpty()) {
        return ErrorHandling.NONE;
      }
      return new ErrorHandling(List.copyOf(retriers), List.copyOf(catchers));
    }

    List<String> errorEquals(JsonNode node, String loc, boolean last) {
      JsonNode ee = node.get("ErrorEquals");
      if (ee == null) {
        schema("These fields are required: [ErrorEquals]", loc);
        return null;
      }
      if (!ee.isArray() || ee.isEmpty()) {
        schema("The field 'ErrorEquals' must be a non-empty array", loc + "/ErrorEquals");
        return null;
      }
      List<String> errors = new ArrayList<>();
      for (JsonNode e : ee) {
        if (!e.isTextual()) {
          schema("The values of 'ErrorEquals' must be STRINGS", loc + "/ErrorEquals");
          return null;
        }
        errors.add(e.textValue());
      }
      if (errors.contains("States.ALL")) {
        if (errors.size() > 1) {
          schema(
              "The value 'States.ALL' must appear alone in the field 'ErrorEquals'",
              loc + "/ErrorEquals");
        } else if (!last) {
          schema(
              "A Retrier or Catcher with 'States.ALL' in the field 'ErrorEquals' must be last",
              loc + "/ErrorEquals");
        }
      }
      return List.copyOf(errors);
    }

    Retrier retrier(JsonNode r, String loc, boolean last) {
      if (!r.isObject()) {
        schema("A Retrier must be a JSON object", loc);
        return null;
      }
      for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!Set.of(
                "ErrorEquals",
                "IntervalSeconds",
                "MaxAttempts",
                "BackoffRate",
                "MaxDelaySeconds",
                "JitterStrategy",
                "Comment")
            .contains(f)) {
          schema("The field \"" + f + "\" is not supported by Step Functions", loc);
        }
      }
      List<String> errors = errorEquals(r, loc, last);
      BigDecimal interval = BigDecimal.ONE;
      JsonNode iv = r.get("IntervalSeconds");
      if (iv != null) {
        if (!iv.isIntegralNumber() || iv.asLong() < 1 || iv.asLong() > 99_999_999) {
          schema(
              "The value for the field 'IntervalSeconds' must be an integer between 1 and 99999999",
              loc + "/IntervalSeconds");
        } else {
          interval = iv.decimalValue();
        }
      }
      int maxAttempts = 3;
      JsonNode ma = r.get("MaxAttempts");
      if (ma != null) {
        if (!ma.isIntegralNumber() || ma.asLong() < 0 || ma.asLong() > 99_999_999) {
          schema(
              "The value for the field 'MaxAttempts' must be an integer between 0 and 99999999",
              loc + "/MaxAttempts");
        } else {
          maxAttempts = ma.intValue();
        }
      }
      BigDecimal backoff = BigDecimal.valueOf(2.0);
      JsonNode br = r.get("BackoffRate");
      if (br != null) {
        if (!br.isNumber() || br.decimalValue().compareTo(BigDecimal.ONE) < 0) {
          schema(
              "The value for the field 'BackoffRate' must be a number greater than or equal to 1.0",
              loc + "/BackoffRate");
        } else {
          backoff = br.decimalValue();
        }
      }
      Integer maxDelay = null;
      JsonNode md = r.get("MaxDelaySeconds");
      if (md != null) {
        if (!md.isIntegralNumber() || md.asLong() < 1 || md.asLong() > 31_622_401) {
          schema(
              "The value for the field 'MaxDelaySeconds' must be an integer between 1 and 31622401",
              loc + "/MaxDelaySeconds");
        } else {
          maxDelay = md.intValue();
        }
      }
      boolean full = false;
      JsonNode js = r.get("JitterStrategy");
      if (js != null) {
        if (!js.isTextual() || !(js.textValue().equals("FULL") || js.textValue().equals("NONE"))) {
          schema(
              "The field 'JitterStrategy' should have one of these values: [FULL, NONE]",
              loc + "/JitterStrategy");
        } else {
          full = js.textValue().equals("FULL");
        }
      }
      return errors == null
          ? null
          : new Retrier(errors, interval, maxAttempts, backoff, maxDelay, full);
    }

    Catcher catcher(
        JsonNode c, String loc, boolean last, QueryLanguage language, List<String[]> targets) {
      if (!c.isObject()) {
        schema("A Catcher must be a JSON object", loc);
        return null;
      }
      Set<String> allowed =
          language == QueryLanguage.JSONATA
              ? Set.of("ErrorEquals", "Next", "Output", "Assign", "Comment")
              : Set.of("ErrorEquals", "Next", "ResultPath", "Assign", "Comment");
      for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!allowed.contains(f)) {
          schema("The field \"" + f + "\" is not supported by Step Functions", loc);
        }
      }
      List<String> errors = errorEquals(c, loc, last);
      JsonNode next = c.get("Next");
      if (next == null || !next.isTextual()) {
        schema("These fields are required: [Next]", loc);
        return null;
      }
      targets.add(new String[] {next.textValue(), loc + "/Next"});
      ReferencePath resultPath = null;
      boolean resultNull = false;
      JsonNode rp = c.get("ResultPath");
      if (rp != null) {
        if (rp.isNull()) {
          resultNull = true;
        } else {
          resultPath = referencePath(rp, "ResultPath", loc);
        }
      }
      JsonNode assign = c.get("Assign");
      Assignment assignment = assign == null ? Assignment.NONE : assignment(assign, loc, language);
      PayloadTemplate assignPath = assignment.path();
      JsonataTemplate assignJsonata = assignment.jsonata();
      JsonataTemplate output = output(c, loc, language);
      return errors == null
          ? null
          : new Catcher(
              errors, next.textValue(), resultPath, resultNull, assignPath, assignJsonata, output);
    }
  }

  /** An {@code Assign} field: a JSONPath payload template, or a JSONata template. */
  private record Assignment(PayloadTemplate path, JsonataTemplate jsonata) {
    static final Assignment NONE = new Assignment(null, null);
  }
}
