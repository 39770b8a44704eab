package dev.cloudless.fakes.stepfunctions.internal;

import dev.cloudless.fakes.internal.Scheduler;
import dev.cloudless.fakes.stepfunctions.Execution;
import dev.cloudless.fakes.stepfunctions.ExecutionStatus;
import dev.cloudless.fakes.stepfunctions.HistoryEvent;
import dev.cloudless.fakes.stepfunctions.internal.run.ExecutionRun;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The public view of an {@link ExecutionRun}. */
final class ExecutionImpl implements Execution {

  private final ExecutionRun run;
  private final String inputText;
  private final Scheduler scheduler;
  private boolean started;

  ExecutionImpl(ExecutionRun run, String inputText, Scheduler scheduler) {
    this.run = run;
    this.inputText = inputText;
    this.scheduler = scheduler;
  }

  ExecutionRun run() {
    return run;
  }

  synchronized void markStarted() {
    started = true;
  }

  synchronized boolean started() {
    return started;
  }

  @Override
  public String executionArn() {
    return run.identity().executionArn();
  }

  @Override
  public String name() {
    return run.identity().name();
  }

  @Override
  public String stateMachineArn() {
    return run.identity().stateMachineArn();
  }

  @Override
  public ExecutionStatus status() {
    return ExecutionStatus.valueOf(run.status().name());
  }

  @Override
  public String input() {
    return inputText;
  }

  @Override
  public Optional<String> output() {
    return Optional.ofNullable(run.output()).map(o -> run.engine().json().write(o));
  }

  @Override
  public Optional<String> error() {
    return Optional.ofNullable(run.error());
  }

  @Override
  public Optional<String> cause() {
    return Optional.ofNullable(run.cause());
  }

  @Override
  public Instant startDate() {
    return run.startTime();
  }

  @Override
  public Optional<Instant> stopDate() {
    return Optional.ofNullable(run.stopDate());
  }

  @Override
  public List<HistoryEvent> history() {
    return run.history();
  }

  @Override
  public Execution awaitCompletion() {
    if (!run.running()) {
      return this;
    }
    scheduler.runUntil(() -> !run.running());
    return this;
  }

  @Override
  public String toString() {
    return "Execution[" + executionArn() + " " + status() + "]";
  }
}
