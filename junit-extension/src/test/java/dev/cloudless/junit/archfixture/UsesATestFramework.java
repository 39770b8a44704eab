package dev.cloudless.junit.archfixture;

import org.opentest4j.AssertionFailedError;

/** Depends on a test library, as core code must not, for {@code ArchitectureRulesTest}. */
public class UsesATestFramework {

  void fail() {
    throw new AssertionFailedError("core code must not do this");
  }
}
