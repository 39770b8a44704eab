package dev.cloudless.assertions;

import dev.cloudless.fakes.stepfunctions.Execution;
import dev.cloudless.fakes.stepfunctions.HistoryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads what the assertions need from an execution's history: the states visited, each visit's
 * input, output and attempts, the tasks invoked, and the story a failure message ends with.
 */
final class ExecutionHistory {

  /** Events that schedule an attempt of a state's work. */
  private static final Set<String> SCHEDULED =
      Set.of("TaskScheduled", "LambdaFunctionScheduled", "MapStateStarted", "ParallelStateStarted");

  /** Events that end an attempt in failure. */
  private static final Set<String> FAILED =
      Set.of(
          "TaskFailed",
          "TaskTimedOut",
          "TaskStartFailed",
          "TaskSubmitFailed",
          "LambdaFunctionFailed",
          "LambdaFunctionTimedOut",
          "LambdaFunctionStartFailed",
          "LambdaFunctionScheduleFailed",
          "MapStateFailed",
          "ParallelStateFailed");

  private ExecutionHistory() {}

  /**
   * One visit of a state.
   *
   * @param output null when the state did not exit
   */
  record Visit(String input, String output, List<Instant> attempts, List<HistoryEvent> failures) {

    int retries() {
      return Math.max(0, attempts.size() - 1);
    }

    List<Duration> retryDelays() {
      List<Duration> delays = new ArrayList<>();
      // Attempt i follows the failure of attempt i-1: the i-th failure, in order.
      for (int i = 1; i < attempts.size(); i++) {
        Instant failedAt =
            i - 1 < failures.size() ? failures.get(i - 1).timestamp() : attempts.get(i - 1);
        delays.add(Duration.between(failedAt, attempts.get(i)));
      }
      return delays;
    }

    List<String> errors() {
      return failures.stream().map(f -> f.detail("error")).toList();
    }
  }

  static List<String> visitedStates(List<HistoryEvent> history) {
    return history.stream()
        .filter(e -> e.type().endsWith("StateEntered"))
        .map(e -> e.detail("name"))
        .toList();
  }

  static List<Visit> visits(List<HistoryEvent> history, String state) {
    List<Visit> visits = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      HistoryEvent e = history.get(i);
      if (!e.type().endsWith("StateEntered") || !state.equals(e.detail("name"))) {
        continue;
      }
      List<Instant> attempts = new ArrayList<>();
      List<HistoryEvent> failures = new ArrayList<>();
      String output = null;
      for (int j = i + 1; j < history.size(); j++) {
        HistoryEvent f = history.get(j);
        if (f.type().endsWith("StateExited") && state.equals(f.detail("name"))) {
          output = f.detail("output");
          break;
        }
        if (f.type().endsWith("StateEntered") && state.equals(f.detail("name"))) {
          break;
        }
        if (SCHEDULED.contains(f.type())) {
          attempts.add(f.timestamp());
        } else if (FAILED.contains(f.type())) {
          failures.add(f);
        }
      }
      visits.add(new Visit(e.detail("input"), output, attempts, failures));
    }
    return visits;
  }

  static List<String> invokedTasks(List<HistoryEvent> history) {
    List<String> tasks = new ArrayList<>();
    for (HistoryEvent e : history) {
      if (e.type().equals("LambdaFunctionScheduled")) {
        tasks.add(e.detail("resource"));
      } else if (e.type().equals("TaskScheduled")) {
        tasks.add("arn:aws:states:::" + e.detail("resourceType") + ":" + e.detail("resource"));
      }
    }
    return tasks;
  }

  /** The history, one event a line with its time after the start: the end of failure messages. */
  static String story(Execution execution) {
    if (execution == null) {
      return "";
    }
    List<HistoryEvent> history = execution.history();
    Instant start = execution.startDate();
    StringBuilder sb =
        new StringBuilder("History of execution [")
            .append(execution.name())
            .append("] (")
            .append(ExecutionAssert.describe(execution))
            .append("):");
    int shown = 0;
    for (HistoryEvent e : history) {
      if (shown++ == JournalStory.MAX_LINES) {
        sb.append("\n  ... ").append(history.size() - JournalStory.MAX_LINES).append(" more");
        break;
      }
      sb.append("\n  #")
          .append(e.id())
          .append(" t+")
          .append(Duration.between(start, e.timestamp()).toMillis() / 1000.0)
          .append("s ")
          .append(e.type());
      String name = e.detail("name");
      if (name != null) {
        sb.append(" [").append(name).append(']');
      }
      String error = e.detail("error");
      if (error != null) {
        sb.append(' ').append(error);
        String cause = e.detail("cause");
        if (cause != null) {
          sb.append(": ").append(JournalStory.preview(cause));
        }
      }
    }
    return sb.toString();
  }
}
