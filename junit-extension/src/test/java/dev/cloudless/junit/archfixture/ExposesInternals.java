package dev.cloudless.junit.archfixture;

import dev.cloudless.junit.archfixture.internal.Hidden;
import java.util.List;
import java.util.function.Supplier;

/** Breaks the public-API rule in every way it checks, for {@code ArchitectureRulesTest}. */
public class ExposesInternals extends Hidden {

  public Hidden field;

  public List<Hidden> returnsInGenerics() {
    return List.of();
  }

  public void takes(Supplier<? extends Hidden> supplier) {}

  protected void protectedInExtensibleClass(Hidden hidden) {}

  void packagePrivateIsFine(Hidden hidden) {}

  private Hidden privateIsFine() {
    return null;
  }
}
