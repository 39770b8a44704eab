package dev.cloudless.junit;

/** Rethrows a set-up step's checked exception as it is, rather than wrapped in another. */
final class Sneaky {

  private Sneaky() {}

  @SuppressWarnings("unchecked")
  static <T extends Throwable> RuntimeException rethrow(Throwable t) throws T {
    throw (T) t;
  }
}
