package dev.cloudless.junit;

import dev.cloudless.fakes.FakeCloud;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A cloud as kept in JUnit's {@link ExtensionContext.Store}: JUnit closes it when the test (or the
 * class) it belongs to is done.
 *
 * <p>It is both {@link AutoCloseable}, which JUnit 5.13 and later close, and {@link
 * ExtensionContext.Store.CloseableResource}, which earlier JUnit 5 releases close; JUnit closes
 * such a value once, as it does its own {@code @TempDir} paths.
 */
@SuppressWarnings("deprecation") // CloseableResource: the only kind JUnit before 5.13 closes.
final class StoredCloud implements AutoCloseable, ExtensionContext.Store.CloseableResource {

  private final FakeCloud cloud;
  private final boolean randomSeed;

  StoredCloud(FakeCloud cloud, boolean randomSeed) {
    this.cloud = cloud;
    this.randomSeed = randomSeed;
  }

  FakeCloud cloud() {
    return cloud;
  }

  /** Whether the seed was drawn at random ({@code cloudless.seed=random}). */
  boolean randomSeed() {
    return randomSeed;
  }

  @Override
  public void close() {
    cloud.close();
  }
}
