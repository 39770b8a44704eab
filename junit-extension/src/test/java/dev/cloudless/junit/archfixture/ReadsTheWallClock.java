package dev.cloudless.junit.archfixture;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.LongSupplier;

/** Reads real time in the ways the virtual-time rule forbids, for {@code ArchitectureRulesTest}. */
public class ReadsTheWallClock {

  long millis() {
    return System.currentTimeMillis();
  }

  Instant now() {
    return Instant.now();
  }

  LocalDate today() {
    return LocalDate.now();
  }

  LongSupplier nanos() {
    return System::nanoTime;
  }

  void sleep() throws InterruptedException {
    Thread.sleep(10);
  }

  Instant fromAGivenClockIsFine(Clock clock) {
    return Instant.now(clock);
  }
}
