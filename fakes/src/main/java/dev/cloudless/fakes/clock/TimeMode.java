package dev.cloudless.fakes.clock;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** How a {@link FakeCloud}'s clock moves. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum TimeMode {
  /**
   * The default: time moves only when the test runs the scheduler ({@code runUntilIdle}, {@code
   * advance}, {@code runUntil}), jumping straight to the next scheduled event. A one-year wait
   * takes no real time, and the same seed gives the same run.
   */
  VIRTUAL,
  /**
   * Time follows the wall clock and scheduled work runs on a background thread when it falls due,
   * for tests that must interleave with systems outside the cloud. Use Awaitility to wait for
   * results; {@code advance} is refused, and runs are not reproducible.
   */
  REAL
}
