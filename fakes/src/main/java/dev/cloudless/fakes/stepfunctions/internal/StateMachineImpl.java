package dev.cloudless.fakes.stepfunctions.internal;

import dev.cloudless.fakes.stepfunctions.Execution;
import dev.cloudless.fakes.stepfunctions.StateMachine;
import dev.cloudless.fakes.stepfunctions.StateMachineType;
import dev.cloudless.fakes.stepfunctions.internal.asl.Definition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A state machine: its parsed definition, shared by its executions. */
final class StateMachineImpl implements StateMachine {

  private final StepFunctionsService service;
  private final String name;
  private final String arn;
  private final StateMachineType type;
  private final Definition definition;
  private final String roleArn;
  private final Instant creationDate;
  final List<ExecutionImpl> executions = new ArrayList<>();

  StateMachineImpl(
      StepFunctionsService service,
      String name,
      String arn,
      StateMachineType type,
      Definition definition,
      String roleArn,
      Instant creationDate) {
    this.service = service;
    this.name = name;
    this.arn = arn;
    this.type = type;
    this.definition = definition;
    this.roleArn = roleArn;
    this.creationDate = creationDate;
  }

  Definition parsed() {
    return definition;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String arn() {
    return arn;
  }

  @Override
  public StateMachineType type() {
    return type;
  }

  @Override
  public String definition() {
    return definition.text();
  }

  @Override
  public String roleArn() {
    return roleArn;
  }

  @Override
  public Instant creationDate() {
    return creationDate;
  }

  @Override
  public Execution startExecution(String input) {
    return service.startExecution(arn, input);
  }

  @Override
  public List<Execution> executions() {
    synchronized (service) {
      return new ArrayList<>(executions);
    }
  }

  @Override
  public String toString() {
    return "StateMachine[" + arn + " " + type + "]";
  }
}
