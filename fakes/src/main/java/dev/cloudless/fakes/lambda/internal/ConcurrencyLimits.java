package dev.cloudless.fakes.lambda.internal;

import dev.cloudless.fakes.aws.AwsServiceException;
import dev.cloudless.fakes.lambda.LambdaSettings;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The account's concurrency, decided on virtual time intervals: an invocation holds its slot from
 * its start to the end of its virtual duration.
 *
 * <ul>
 *   <li>A function with reserved concurrency R may have R invocations in flight (provisioned ones
 *       included); R = 0 throttles everything. Beyond: {@code
 *       ReservedFunctionConcurrentInvocationLimitExceeded}.
 *   <li>Functions without a reservation share the unreserved pool: the account quota less every
 *       reservation and the provisioned concurrency of unreserved functions. Beyond: {@code
 *       ConcurrentInvocationLimitExceeded}.
 *   <li>Invocations served by provisioned environments use capacity set aside already and are not
 *       checked again.
 * </ul>
 */
final class ConcurrencyLimits {

  static final String ACCOUNT_LIMIT = "ConcurrentInvocationLimitExceeded";
  static final String RESERVED_LIMIT = "ReservedFunctionConcurrentInvocationLimitExceeded";

  private final Supplier<List<FunctionImpl>> functions;
  private volatile LambdaSettings settings = LambdaSettings.defaults();

  ConcurrencyLimits(Supplier<List<FunctionImpl>> functions) {
    this.functions = functions;
  }

  LambdaSettings settings() {
    return settings;
  }

  /** Applies new settings, if the existing reservations still leave the unreserved minimum. */
  void settings(LambdaSettings next) {
    int unreserved =
        next.concurrentExecutions() - reservedElsewhere(null) - provisionedOfUnreserved(null);
    if (unreserved < next.minimumUnreserved()) {
      throw new AwsServiceException(
          400,
          "InvalidParameterValueException",
          "Reservations in place ("
              + (next.concurrentExecutions() - unreserved)
              + ") leave "
              + unreserved
              + " unreserved of a quota of "
              + next.concurrentExecutions()
              + ", below the minimum of ["
              + next.minimumUnreserved()
              + "]; remove reservations first.");
    }
    this.settings = next;
  }

  /**
   * Why an on-demand invocation of {@code fn} starting at {@code at} is throttled, or null when it
   * may run.
   */
  String throttleReason(FunctionImpl fn, Instant at) {
    Integer reserved = fn.reserved();
    if (reserved != null) {
      return fn.inFlight(at) >= reserved ? RESERVED_LIMIT : null;
    }
    int inUse = 0;
    for (FunctionImpl other : functions.get()) {
      if (other.reserved() == null) {
        inUse += other.onDemandInFlight(at);
      }
    }
    return inUse >= unreservedPool() ? ACCOUNT_LIMIT : null;
  }

  /** The unreserved pool: the quota less reservations and unreserved functions' provisioning. */
  int unreservedPool() {
    return settings.concurrentExecutions()
        - reservedElsewhere(null)
        - provisionedOfUnreserved(null);
  }

  /** Checks that reserving {@code executions} for {@code fn} leaves the unreserved minimum. */
  void checkReservation(FunctionImpl fn, int executions) {
    int unreserved =
        settings.concurrentExecutions()
            - reservedElsewhere(fn)
            - executions
            - provisionedOfUnreserved(fn);
    if (unreserved < settings.minimumUnreserved()) {
      throw new AwsServiceException(
          400,
          "InvalidParameterValueException",
          "Specified ReservedConcurrentExecutions for function decreases account's"
              + " UnreservedConcurrentExecution below its minimum value of ["
              + settings.minimumUnreserved()
              + "].");
    }
    int provisioned = fn.provisionedTotal(null);
    if (executions < provisioned) {
      throw new AwsServiceException(
          400,
          "InvalidParameterValueException",
          "Specified ReservedConcurrentExecutions ("
              + executions
              + ") for function is less than its provisioned concurrency ("
              + provisioned
              + ").");
    }
  }

  /**
   * Checks that provisioning {@code executions} for {@code qualifier} fits the function's
   * reservation, or else the unreserved pool.
   */
  void checkProvisioning(FunctionImpl fn, String qualifier, int executions) {
    Integer reserved = fn.reserved();
    int others = fn.provisionedTotal(qualifier);
    if (reserved != null) {
      if (others + executions > reserved) {
        throw new AwsServiceException(
            400,
            "InvalidParameterValueException",
            "Requested Provisioned Concurrency should not be greater than the"
                + " reservedConcurrentExecution for function");
      }
      return;
    }
    // This qualifier's current provisioning comes back to the pool when it is replaced.
    int available = unreservedPool() + (fn.provisionedTotal(null) - others);
    if (available - executions < settings.minimumUnreserved()) {
      throw new AwsServiceException(
          400,
          "InvalidParameterValueException",
          "Specified ConcurrentExecutions for function is greater than account's unreserved"
              + " concurrency ["
              + available
              + "].");
    }
  }

  private int reservedElsewhere(FunctionImpl except) {
    int total = 0;
    for (FunctionImpl f : functions.get()) {
      Integer r = f.reserved();
      if (f != except && r != null) {
        total += r;
      }
    }
    return total;
  }

  private int provisionedOfUnreserved(FunctionImpl except) {
    int total = 0;
    for (FunctionImpl f : functions.get()) {
      if (f != except && f.reserved() == null) {
        total += f.provisionedTotal(null);
      }
    }
    return total;
  }
}
