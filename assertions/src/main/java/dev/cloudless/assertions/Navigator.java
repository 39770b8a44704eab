package dev.cloudless.assertions;

import java.util.function.Function;
import org.assertj.core.api.AbstractAssert;

/**
 * Makes the assert a navigation method ({@code singleMessage()}, {@code invocation(2)}) returns,
 * and decides what happens when there is nothing to navigate to.
 *
 * <p>Plain assertions build the child directly and throw at once. Soft assertions must instead
 * proxy the child, so that its failures are collected too, and collect the navigation's own failure
 * rather than throw it: see {@link CloudlessSoftAssertions}. Keeping that choice behind this
 * interface lets every assert class navigate the same way in both modes.
 */
interface Navigator {

  /** Plain (hard) assertions: children are ordinary asserts, a failed navigation throws. */
  Navigator HARD =
      new Navigator() {
        @Override
        public <A extends AbstractAssert<A, T>, T> A child(
            Class<A> assertType, Class<T> actualType, T actual, Function<T, A> constructor) {
          return constructor.apply(actual);
        }

        @Override
        public void navigationFailed(AssertionError error) {
          throw error;
        }
      };

  /** An assert on {@code actual} that follows this navigator's mode. */
  <A extends AbstractAssert<A, T>, T> A child(
      Class<A> assertType, Class<T> actualType, T actual, Function<T, A> constructor);

  /**
   * Reports that navigation found nothing to navigate to. Throws in hard mode; in soft mode it
   * collects the error and returns, and the caller hands back an assert marked as not reached.
   */
  void navigationFailed(AssertionError error);
}
