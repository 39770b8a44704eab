package dev.cloudless.benchmarks;

/**
 * How many operations one cloud serves before a benchmark replaces it, read from a JMH parameter.
 *
 * <p>Every operation leaves a journal event and a trace segment behind, and they live as long as
 * the cloud. The longer a cloud lives, the more each young collection has to copy, so the cost of
 * an operation depends on how many came before it in the same cloud. The benchmarks therefore run
 * two ways: {@code 1000}, a fresh cloud every thousand operations, which is what a test does (a
 * test makes a handful to a few hundred calls) and isolates the cost of the operation itself; and
 * {@code iteration}, one cloud for a whole one-second iteration (tens of thousands of operations),
 * which shows what retention costs a long-running test.
 */
final class CloudLifetime {

  /** The JMH parameter value for one cloud per measurement iteration. */
  static final String ITERATION = "iteration";

  private CloudLifetime() {}

  /** The number of operations a cloud serves: a positive number, or {@link #ITERATION}. */
  static int opsPerCloud(String parameter) {
    if (ITERATION.equals(parameter)) {
      return Integer.MAX_VALUE;
    }
    int ops = Integer.parseInt(parameter);
    if (ops < 1) {
      throw new IllegalArgumentException(
          "opsPerCloud must be a positive number or \"" + ITERATION + "\"; got " + parameter + ".");
    }
    return ops;
  }
}
