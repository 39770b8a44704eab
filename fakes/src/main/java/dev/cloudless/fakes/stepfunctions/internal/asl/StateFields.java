package dev.cloudless.fakes.stepfunctions.internal.asl;

import java.util.Map;
import java.util.Set;

/**
 * Which fields each state type accepts, and which belong to one query language only (from the ASL
 * specification and the AWS guide's "Transforming data with JSONata" page).
 */
final class StateFields {

  private StateFields() {}

  static final Set<String> TYPES =
      Set.of("Task", "Wait", "Pass", "Succeed", "Fail", "Choice", "Parallel", "Map");

  private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");

  static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "Pass",
          Set.of(
              "Next",
              "End",
              "InputPath",
              "OutputPath",
              "Parameters",
              "Result",
              "ResultPath",
              "Assign",
              "Output"),
          "Task",
          Set.of(
              "Next",
              "End",
              "Resource",
              "InputPath",
              "OutputPath",
              "Parameters",
              "ResultSelector",
              "ResultPath",
              "Retry",
              "Catch",
              "TimeoutSeconds",
              "TimeoutSecondsPath",
              "HeartbeatSeconds",
              "HeartbeatSecondsPath",
              "Credentials",
              "Assign",
              "Arguments",
              "Output"),
          "Choice",
          Set.of("Choices", "Default", "InputPath", "OutputPath", "Assign", "Output"),
          "Wait",
          Set.of(
              "Next",
              "End",
              "Seconds",
              "SecondsPath",
              "Timestamp",
              "TimestampPath",
              "InputPath",
              "OutputPath",
              "Assign",
              "Output"),
          "Succeed",
          Set.of("InputPath", "OutputPath", "Output"),
          "Fail",
          Set.of("Error", "ErrorPath", "Cause", "CausePath"),
          "Parallel",
          Set.of(
              "Next",
              "End",
              "Branches",
              "InputPath",
              "OutputPath",
              "Parameters",
              "ResultSelector",
              "ResultPath",
              "Retry",
              "Catch",
              "Assign",
              "Arguments",
              "Output"),
          "Map",
          Set.of(
              "Next",
              "End",
              "ItemProcessor",
              "Iterator",
              "ItemsPath",
              "Items",
              "ItemSelector",
              "Parameters",
              "ItemReader",
              "ItemBatcher",
              "ResultWriter",
              "MaxConcurrency",
              "MaxConcurrencyPath",
              "ToleratedFailureCount",
              "ToleratedFailureCountPath",
              "ToleratedFailurePercentage",
              "ToleratedFailurePercentagePath",
              "Label",
              "InputPath",
              "OutputPath",
              "ResultSelector",
              "ResultPath",
              "Retry",
              "Catch",
              "Assign",
              "Arguments",
              "Output"));

  /** Fields a JSONata state may not have. */
  static final Set<String> JSONPATH_ONLY =
      Set.of(
          "InputPath",
          "OutputPath",
          "Parameters",
          "ResultSelector",
          "ResultPath",
          "Result",
          "ItemsPath",
          "SecondsPath",
          "TimestampPath",
          "ErrorPath",
          "CausePath",
          "MaxConcurrencyPath",
          "ToleratedFailureCountPath",
          "ToleratedFailurePercentagePath",
          "TimeoutSecondsPath",
          "HeartbeatSecondsPath");

  /** Fields a JSONPath state may not have. */
  static final Set<String> JSONATA_ONLY = Set.of("Arguments", "Output", "Items");

  static boolean allowed(String type, String field) {
    return COMMON.contains(field) || ALLOWED.getOrDefault(type, Set.of()).contains(field);
  }
}
