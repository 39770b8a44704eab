package dev.cloudless.fakes.lambda.internal;

import dev.cloudless.fakes.lambda.FunctionConfiguration;
import dev.cloudless.fakes.lambda.Invocation.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The invocation's log as Lambda writes it: START, the handler's lines, END and a TAB-separated
 * REPORT line (durations with two decimals, billed duration rounded up to the millisecond, {@code
 * Init Duration} only on cold starts, {@code Status: timeout} on a timeout).
 */
final class InvocationLogFormat {

  private InvocationLogFormat() {}

  static List<String> lines(
      String requestId,
      String version,
      List<String> handlerLines,
      Duration duration,
      Duration billed,
      Duration init,
      boolean coldStart,
      FunctionConfiguration config,
      Outcome outcome,
      Instant end) {
    List<String> lines = new ArrayList<>(handlerLines.size() + 4);
    lines.add("START RequestId: " + requestId + " Version: " + version);
    lines.addAll(handlerLines);
    if (outcome == Outcome.TIMED_OUT) {
      lines.add(end + " " + requestId + " " + ErrorPayloads.timeoutText(config.timeout()));
    }
    lines.add("END RequestId: " + requestId);
    StringBuilder report =
        new StringBuilder(160)
            .append("REPORT RequestId: ")
            .append(requestId)
            .append("\tDuration: ");
    appendTwoDecimals(report, duration.toNanos())
        .append(" ms\tBilled Duration: ")
        .append(billed.toMillis())
        .append(" ms\tMemory Size: ")
        .append(config.memorySize())
        .append(" MB\tMax Memory Used: ")
        .append(Math.min(config.memoryUsed(), config.memorySize()))
        .append(" MB\t");
    if (coldStart) {
      report.append("Init Duration: ");
      appendTwoDecimals(report, init.toNanos()).append(" ms\t");
    }
    if (outcome == Outcome.TIMED_OUT) {
      report.append("Status: timeout");
    }
    lines.add(report.toString());
    return lines;
  }

  /** Milliseconds with two decimals, rounded half up, as the REPORT line writes durations. */
  private static StringBuilder appendTwoDecimals(StringBuilder sb, long nanos) {
    long hundredths = (nanos + 5_000) / 10_000;
    long fraction = hundredths % 100;
    return sb.append(hundredths / 100)
        .append('.')
        .append(fraction < 10 ? "0" : "")
        .append(fraction);
  }
}
