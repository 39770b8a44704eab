package dev.cloudless.fakes.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Random;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * The cloud's seeded random sources. Each purpose gets its own stream derived from the seed, so
 * that drawing one more id does not change which probabilistic fault fires: runs stay comparable
 * when a test changes a little.
 */
@API(status = INTERNAL, since = "0.1")
public final class Randomness {

  private final long seed;
  private final Random ids;
  private final Random faults;
  private final Random routing;
  private final Random jitter;

  public Randomness(long seed) {
    this.seed = seed;
    this.ids = stream("ids");
    this.faults = stream("faults");
    this.routing = stream("routing");
    this.jitter = stream("jitter");
  }

  public long seed() {
    return seed;
  }

  /** Request, message and trace ids. */
  public Random ids() {
    return ids;
  }

  /** Probabilistic fault schedules. */
  public Random faults() {
    return faults;
  }

  /** Weighted alias routing and other traffic splits. */
  public Random routing() {
    return routing;
  }

  /** Retry jitter. */
  public Random jitter() {
    return jitter;
  }

  /** A random (version 4) UUID drawn from the id stream. */
  public UUID uuid() {
    synchronized (ids) {
      long msb = ids.nextLong();
      long lsb = ids.nextLong();
      msb = (msb & ~0xF000L) | 0x4000L;
      lsb = (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      return new UUID(msb, lsb);
    }
  }

  /** A new stream for {@code purpose}, deterministic in the seed. */
  public Random stream(String purpose) {
    return new Random(mix(seed ^ mix(purpose.hashCode())));
  }

  /** SplitMix64's finaliser: spreads nearby seeds far apart. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
