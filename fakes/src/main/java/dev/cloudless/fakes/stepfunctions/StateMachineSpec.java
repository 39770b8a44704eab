package dev.cloudless.fakes.stepfunctions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * What {@code CreateStateMachine} takes: a name, an Amazon States Language definition, a type and a
 * role.
 *
 * <pre>{@code
 * cloud.stepFunctions().createStateMachine(
 *     StateMachineSpec.named("checkout").definition(asl).type(StateMachineType.EXPRESS));
 * }</pre>
 *
 * @param name 1 to 80 characters, no whitespace, brackets, wildcards or control characters
 * @param definition the ASL definition, as JSON text
 * @param roleArn the execution role; a placeholder role of the cloud's account when not given
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record StateMachineSpec(
    String name, String definition, StateMachineType type, String roleArn) {

  /** AWS's rule for state machine and execution names (CreateStateMachine, StartExecution). */
  private static final Pattern NAME =
      Pattern.compile("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\u0000-\\u001f\\u007f-\\u009f]{1,80}");

  public StateMachineSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (!validName(name)) {
      throw new IllegalArgumentException(
          "State machine name ["
              + name
              + "] is invalid; AWS allows 1 to 80 characters without whitespace, brackets,"
              + " wildcards, control characters or any of \" # % \\ ^ | ~ ` $ & , ; : /.");
    }
  }

  /** A Standard state machine named {@code name}; give it a definition. */
  public static StateMachineSpec named(String name) {
    return new StateMachineSpec(name, null, StateMachineType.STANDARD, null);
  }

  /** The ASL definition as JSON text. */
  public StateMachineSpec definition(String definition) {
    return new StateMachineSpec(
        name, Objects.requireNonNull(definition, "definition"), type, roleArn);
  }

  public StateMachineSpec type(StateMachineType type) {
    return new StateMachineSpec(name, definition, type, roleArn);
  }

  public StateMachineSpec roleArn(String roleArn) {
    return new StateMachineSpec(name, definition, type, Objects.requireNonNull(roleArn, "roleArn"));
  }

  /** Whether {@code name} is a valid state machine or execution name. */
  public static boolean validName(String name) {
    return name != null && NAME.matcher(name).matches();
  }
}
